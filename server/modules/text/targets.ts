// What the text pipeline analyses: rows of other modules (responses, mentions). Each module implements
// this interface in its own service and the composition root (server/jobs.ts) registers it, so the text
// module never touches another module's tables.
import type { Db } from "../../platform/db";
import type { Jobs } from "../../platform/jobs/jobs";
import type { AnalysisView, CorrectionInput, TargetKind } from "./contract";

export type AnalysisSubject = { id: string; organizationId: string; text: string };
export type AnalysisOutcome = { id: string } & ({ analysis: AnalysisView } | { error: string });
export type ThemeRange = { from: Date; to: Date; interval: "week" | "month" };
export type ThemeCount = { start: string; theme: string; count: number; negative: number };
export type TextOutcome = { text: string } & ({ analysis: AnalysisView } | { error: string });

export type AnalysisTarget = {
	kind: TargetKind;
	/** One row's text and organization, or undefined when it is gone or has no text. */
	load(db: Db, id: string): Promise<AnalysisSubject | undefined>;
	/** The organization's rows with text in id order after `after` (only unanalysed ones if asked). */
	findBatch(
		db: Db,
		organizationId: string,
		options: { after: string | null; onlyPending: boolean; limit: number },
	): Promise<AnalysisSubject[]>;
	/** Stores analyses (or errors after the last retry) on the rows, in one statement where it can. */
	storeMany(db: Db, outcomes: AnalysisOutcome[]): Promise<void>;
	/** Distinct texts of rows still pending analysis (feedback repeats itself: each text is analysed once). */
	findPendingTexts(db: Db, organizationId: string, limit: number): Promise<string[]>;
	/** Stores the analysis of each text on every pending row of the organization with that text; returns their ids. */
	storeByText(db: Db, organizationId: string, outcomes: TextOutcome[]): Promise<string[]>;
	countWithText(db: Db, organizationId: string): Promise<number>;
	/** Per period and theme: how many rows mention it and how many of those mentions are negative. */
	themeCounts(db: Db, organizationId: string, range: ThemeRange): Promise<ThemeCount[]>;
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

/** Told (in the storing transaction) which new feedback got its analysis, e.g. to evaluate case rules next. */
export type AnalysisStoredHook = (db: Db, jobs: Jobs, kind: TargetKind, ids: string[]) => Promise<void>;

const storedHooks: AnalysisStoredHook[] = [];

export function registerAnalysisStoredHook(hook: AnalysisStoredHook): void {
	if (!storedHooks.includes(hook)) storedHooks.push(hook);
}

export async function runAnalysisStoredHooks(db: Db, jobs: Jobs, kind: TargetKind, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	for (const hook of storedHooks) await hook(db, jobs, kind, ids);
}
