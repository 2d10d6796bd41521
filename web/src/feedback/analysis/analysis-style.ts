// Colours and parsing of text-analysis results (sentiment, intents, themes with aspect sentiment), shared by all lists.
import type { IntentLabel, SentimentLabel } from "../../../../server/modules/text/contract";

export const SENTIMENT_LABELS: SentimentLabel[] = ["negative", "neutral", "positive"];
export const INTENT_LABELS: IntentLabel[] = ["complaint", "praise", "question", "suggestion"];

export const SENTIMENT_COLORS: Record<SentimentLabel, string> = { negative: "red", neutral: "gray", positive: "teal" };
export const INTENT_COLORS: Record<IntentLabel, string> = {
	complaint: "orange",
	praise: "green",
	question: "blue",
	suggestion: "violet",
};

export type ThemeHit = { theme: string; confidence: number | null; sentiment: SentimentLabel | null };

const isSentiment = (value: unknown): value is SentimentLabel =>
	value === "negative" || value === "neutral" || value === "positive";

/** Themes as stored on a response or mention (`[{ theme, confidence, sentiment }]`, or plain keys). */
export function parseThemes(value: unknown): ThemeHit[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((entry): ThemeHit[] => {
		if (typeof entry === "string") return [{ theme: entry, confidence: null, sentiment: null }];
		if (!entry || typeof entry !== "object") return [];
		const record = entry as Record<string, unknown>;
		const theme = typeof record.theme === "string" ? record.theme : typeof record.key === "string" ? record.key : null;
		if (!theme) return [];
		return [
			{
				theme,
				confidence: typeof record.confidence === "number" ? record.confidence : null,
				sentiment: isSentiment(record.sentiment) ? record.sentiment : null,
			},
		];
	});
}

export const asSentiment = (value: unknown): SentimentLabel | null => (isSentiment(value) ? value : null);
export const asIntents = (value: unknown): IntentLabel[] =>
	Array.isArray(value) ? value.filter((v): v is IntentLabel => INTENT_LABELS.includes(v as IntentLabel)) : [];
