// One call for everything the platform stores about a piece of feedback: language, sentiment
// with calibrated scores, intents, themes with aspect sentiment, and a PII-redacted copy.
import { aspectSentiment } from "./aspect";
import { detectIntents, type Intent } from "./intent";
import { detectLanguage } from "./language";
import { defaultMaxChars, normalizeInput } from "./normalize";
import { redactPii } from "./pii";
import { classifyTokens, type SentimentLabel, type SentimentModel, type SentimentScores } from "./sentiment";
import { matchThemes } from "./themes/match";
import { defaultTaxonomy, type Taxonomy } from "./themes/taxonomy";
import { tokenize } from "./tokenize";

/** Sentiment models by language code. */
export type TextModels = Readonly<Record<string, SentimentModel>>;

export type AnalyzeOptions = {
	/** "auto" (default) detects; a code forces that language. */
	language?: string;
	/** Used when detection is unsure and no model fits; the organisation's main language. */
	fallbackLanguage?: string;
	maxChars?: number;
	taxonomy?: Taxonomy;
};

export type ThemeView = { theme: string; confidence: number; sentiment: SentimentLabel };

export type TextAnalysis = {
	language: string;
	sentiment: SentimentLabel;
	scores: SentimentScores;
	intents: Intent[];
	themes: ThemeView[];
	redacted: string;
	/** Present only when the input was longer than maxChars and was cut. */
	truncated?: true;
};

export function analyzeText(models: TextModels, raw: string, options: AnalyzeOptions = {}): TextAnalysis {
	const { text, truncated } = normalizeInput(typeof raw === "string" ? raw : "", options.maxChars ?? defaultMaxChars);
	const fallback = options.fallbackLanguage ?? "de";
	const requested = options.language ?? "auto";
	const language =
		requested === "auto" ? detectLanguage(text, fallback, { preferred: Object.keys(models) }).language : requested;
	const model = models[language] ?? models[fallback] ?? Object.values(models)[0];
	if (!model) throw new Error("analyzeText needs at least one sentiment model");
	const tokens = tokenize(text);
	const sentiment = classifyTokens(model, tokens, text);
	// Themes use the model's language for stemming when the text's language has no keywords.
	const themeLanguage = models[language] ? language : model.language;
	const themes = matchThemes(options.taxonomy ?? defaultTaxonomy, tokens, themeLanguage).map((match) => ({
		theme: match.theme,
		confidence: match.confidence,
		sentiment: aspectSentiment(model, tokens, text, match.hits[0]?.start ?? 0),
	}));
	const analysis: TextAnalysis = {
		language,
		sentiment: sentiment.label,
		scores: sentiment.scores,
		intents: detectIntents(tokens, sentiment),
		themes,
		redacted: redactPii(text).text,
	};
	if (truncated) analysis.truncated = true;
	return analysis;
}
