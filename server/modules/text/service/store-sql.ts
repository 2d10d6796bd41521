// Shared by the modules that own feedback: the analysis outcomes of a batch as one JSON parameter, so a
// batch is written by one UPDATE … FROM jsonb_to_recordset(…) instead of a statement per row.
import { type SQL, sql } from "drizzle-orm";
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

export type AnalysisColumns = {
	table: "responses" | "mentions";
	/** The column for the detected language; `keep` leaves a language given at import alone. */
	language: { column: string; keep: boolean };
	redactedColumn: string;
};

/**
 * One UPDATE … FROM jsonb_to_recordset(…) for a batch of outcomes, matched by `match` (on alias `x` for the row
 * and `v` for the outcome). Labels a person corrected stay; a failure never overwrites an earlier good analysis.
 */
export function analysisUpdate(columns: AnalysisColumns, outcomes: (AnalysisOutcome | TextOutcome)[], match: SQL): SQL {
	const table = sql.raw(columns.table);
	const language = sql.raw(columns.language.column);
	const redacted = sql.raw(columns.redactedColumn);
	const languageValue = columns.language.keep
		? sql`coalesce(x.${language}, v.language)`
		: sql`coalesce(v.language, x.${language})`;
	const kept = (column: string, value: string) =>
		sql.raw(`${column} = case when v.status = 'done' then v.${value} else x.${column} end`);
	return sql`
		update ${table} x set
			analysis_status = v.status,
			analysis_error = v.error,
			${language} = ${languageValue},
			${kept("sentiment", "sentiment")},
			${kept("sentiment_scores", "scores")},
			${kept("intents", "intents")},
			${kept("themes", "themes")},
			${redacted} = v.redacted
		from jsonb_to_recordset(${outcomeRecords(outcomes)}::jsonb) as v(
			id uuid, text text, status text, language text, sentiment text, scores jsonb, intents text[], themes jsonb,
			redacted text, error text)
		where ${match} and not x.analysis_corrected`;
}
