// What the text pipeline analyses: rows of other modules (responses, mentions). Each module implements
// this interface in its own service and the composition root (server/jobs.ts) registers it, so the text
// module never touches another module's tables.
import type { Db } from "../../platform/db";
import type { AnalysisView, CorrectionInput, TargetKind } from "./contract";

export type AnalysisSubject = { organizationId: string; text: string; occurredAt: Date; isAnalysed: boolean };

export type AnalysisTarget = {
	kind: TargetKind;
	/** The row's text and organization, or undefined when it is gone or has no text. */
	load(db: Db, id: string): Promise<AnalysisSubject | undefined>;
	/** Stores an analysis (or the error after the last retry) on the row. */
	store(db: Db, id: string, outcome: { analysis: AnalysisView } | { error: string }): Promise<void>;
	/** Ids of the organization's rows with text, in id order after `afterId`, for re-analysis. */
	findIds(db: Db, organizationId: string, afterId: string | null, limit: number): Promise<string[]>;
	countWithText(db: Db, organizationId: string): Promise<number>;
	/** Texts between two times (bounded), for emerging-topic detection. */
	findTexts(db: Db, organizationId: string, from: Date, until: Date, limit: number): Promise<string[]>;
	/** Overwrites the stored labels with a person's correction; returns the row's text, or undefined if not found. */
	applyCorrection(
		db: Db,
		organizationId: string,
		id: string,
		correction: Omit<CorrectionInput, "targetKind" | "targetId">,
	): Promise<{ text: string; language: string } | undefined>;
};

const targets = new Map<TargetKind, AnalysisTarget>();

export function registerAnalysisTarget(target: AnalysisTarget): void {
	targets.set(target.kind, target);
}

export function analysisTarget(kind: TargetKind): AnalysisTarget | undefined {
	return targets.get(kind);
}

export function allAnalysisTargets(): AnalysisTarget[] {
	return [...targets.values()];
}
