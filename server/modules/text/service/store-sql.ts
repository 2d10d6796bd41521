// Shared by the modules that own feedback: the analysis outcomes of a batch as one JSON parameter, so a
// batch is written by one UPDATE … FROM jsonb_to_recordset(…) instead of a statement per row.
import type { AnalysisOutcome, TextOutcome } from "../targets";

export type OutcomeRecord = {
	id: string | null;
	text: string | null;
	status: "done" | "failed";
	language: string | null;
	sentiment: string | null;
	scores: Record<string, number> | null;
	intents: string[];
	themes: unknown[] | null;
	redacted: string | null;
	error: string | null;
};

/** Keyed by row id, or (for the backlog) by text. */
export function outcomeRecords(outcomes: (AnalysisOutcome | TextOutcome)[]): string {
	const records: OutcomeRecord[] = outcomes.map((outcome) =>
		"analysis" in outcome
			? {
					id: "id" in outcome ? outcome.id : null,
					text: "text" in outcome ? outcome.text : null,
					status: "done",
					language: outcome.analysis.language,
					sentiment: outcome.analysis.sentiment,
					scores: outcome.analysis.scores,
					intents: outcome.analysis.intents,
					themes: outcome.analysis.themes,
					redacted: outcome.analysis.redacted ?? null,
					error: null,
				}
			: {
					id: "id" in outcome ? outcome.id : null,
					text: "text" in outcome ? outcome.text : null,
					status: "failed",
					language: null,
					sentiment: null,
					scores: null,
					intents: [],
					themes: null,
					redacted: null,
					error: outcome.error.slice(0, 500),
				},
	);
	return JSON.stringify(records);
}

/** Themes given by key in a correction, as stored analysis themes (a person is sure: confidence 1). */
export function correctedThemes(keys: string[], sentiment: string | null | undefined) {
	return keys.map((theme) => ({ theme, confidence: 1, sentiment: sentiment ?? "neutral" }));
}
