// Analyses one response or mention with the organization's models and taxonomy and stores the result.
import { analyzeText } from "../../../../lib/text/analyze";
import type { Db } from "../../../platform/db";
import type { LiveBus } from "../../../platform/live/bus";
import { getOrganization } from "../../admin/service/organizations";
import type { AnalysisView, TargetKind } from "../contract";
import { analysisTarget } from "../targets";
import { modelsForOrganization } from "./models";
import { getTextSettings } from "./settings";
import { loadTaxonomy } from "./taxonomy";

export type AnalyzeEnv = { db: Db; live: LiveBus };

/** The analysis of a text for an organization (no storage): used by the job and by re-analysis. */
export async function analyzeForOrganization(db: Db, organizationId: string, text: string): Promise<AnalysisView> {
	const [models, taxonomy, settings, organization] = await Promise.all([
		modelsForOrganization(db, organizationId),
		loadTaxonomy(db, organizationId),
		getTextSettings(db, organizationId),
		getOrganization(db, organizationId),
	]);
	const analysis = analyzeText(models, text, { taxonomy, fallbackLanguage: organization.defaultLanguage });
	const { redacted, ...rest } = analysis;
	return settings.redactPii ? { ...rest, redacted } : rest;
}

/** Returns false when the row is gone (nothing to do). */
export async function analyzeTarget(env: AnalyzeEnv, kind: TargetKind, id: string): Promise<boolean> {
	const target = analysisTarget(kind);
	if (!target) throw new Error(`no analysis target registered for ${kind}`);
	const subject = await target.load(env.db, id);
	if (!subject) return false;
	const analysis = await analyzeForOrganization(env.db, subject.organizationId, subject.text);
	await target.store(env.db, id, { analysis });
	await env.live.publish({
		type: "feedback.analyzed",
		organizationId: subject.organizationId,
		data: {
			kind,
			id,
			sentiment: analysis.sentiment,
			intents: analysis.intents,
			themes: analysis.themes.map((t) => t.theme),
		},
	});
	return true;
}

export async function recordAnalysisFailure(db: Db, kind: TargetKind, id: string, error: unknown): Promise<void> {
	const target = analysisTarget(kind);
	const message = error instanceof Error ? error.message : String(error);
	await target?.store(db, id, { error: message.slice(0, 500) });
}
