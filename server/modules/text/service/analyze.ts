// Analyses responses and mentions with the organization's models and taxonomy and stores the results:
// one at a time as feedback arrives (real time), or in batches for a backlog and for re-analysis.
import { analyzeText, type TextModels } from "../../../../lib/text/analyze";
import type { Taxonomy } from "../../../../lib/text/themes/taxonomy";
import type { Db } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import { getOrganization } from "../../admin/service/organizations";
import type { AnalysisView, TargetKind } from "../contract";
import { type AnalysisOutcome, type AnalysisSubject, analysisTarget, runAnalysisStoredHooks } from "../targets";
import { modelsForOrganization } from "./models";
import { getTextSettings } from "./settings";
import { loadTaxonomy } from "./taxonomy";

/** With `jobs`, the hooks for newly analysed feedback (case rules) are enqueued in the storing transaction. */
export type AnalyzeEnv = { db: Db; live: LiveBus; jobs?: Jobs };

export const ANALYZE_JOB = "text.analyze";

/** Called by the modules that own feedback, inside the transaction that stores it: analysis follows the commit. */
export async function enqueueAnalysis(db: Db, jobs: Jobs, kind: TargetKind, ids: string[]): Promise<void> {
	await jobs.enqueueMany(
		db,
		ANALYZE_JOB,
		ids.map((id) => ({ kind, id })),
	);
}

type Analyzer = (text: string) => AnalysisView;

/** An analyser bound to the organization's models, taxonomy and settings, remembering repeated texts. */
export async function analyzerFor(db: Db, organizationId: string): Promise<Analyzer> {
	const [models, taxonomy, settings, organization]: [
		TextModels,
		Taxonomy,
		{ redactPii: boolean },
		{ defaultLanguage: string },
	] = await Promise.all([
		modelsForOrganization(db, organizationId),
		loadTaxonomy(db, organizationId),
		getTextSettings(db, organizationId),
		getOrganization(db, organizationId),
	]);
	const memo = new Map<string, AnalysisView>();
	return (text) => {
		const known = memo.get(text);
		if (known) return known;
		const { redacted, ...rest } = analyzeText(models, text, {
			taxonomy,
			fallbackLanguage: organization.defaultLanguage,
		});
		const view: AnalysisView = settings.redactPii ? { ...rest, redacted } : rest;
		if (memo.size < 5000) memo.set(text, view);
		return view;
	};
}

/** Analyses and stores one row; false when the row is gone. */
export async function analyzeTarget(env: AnalyzeEnv, kind: TargetKind, id: string): Promise<boolean> {
	const target = analysisTarget(kind);
	if (!target) throw new Error(`no analysis target registered for ${kind}`);
	const subject = await target.load(env.db, id);
	if (!subject) return false;
	const analysis = (await analyzerFor(env.db, subject.organizationId))(subject.text);
	await env.db.transaction(async (tx) => {
		await target.storeMany(tx, [{ id, analysis }]);
		if (env.jobs) await runAnalysisStoredHooks(tx, env.jobs, kind, [id]);
	});
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

/** Analyses a batch with one analyser and stores it; a text that makes the models throw is stored as an error. */
export async function analyzeBatch(db: Db, kind: TargetKind, organizationId: string, subjects: AnalysisSubject[]) {
	const target = analysisTarget(kind);
	if (!target || subjects.length === 0) return;
	const analyze = await analyzerFor(db, organizationId);
	const outcomes: AnalysisOutcome[] = subjects.map(({ id, text }) => {
		try {
			return { id, analysis: analyze(text) };
		} catch (error) {
			return { id, error: error instanceof Error ? error.message : String(error) };
		}
	});
	await target.storeMany(db, outcomes);
}

export async function recordAnalysisFailure(db: Db, kind: TargetKind, id: string, error: unknown): Promise<void> {
	const message = error instanceof Error ? error.message : String(error);
	await analysisTarget(kind)?.storeMany(db, [{ id, error: message.slice(0, 500) }]);
}
