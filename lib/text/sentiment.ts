// Sentiment model: load shipped weights and classify a text as positive, neutral or negative.
import { extractFeatures, type FeatureConfig } from "./features";
import { type SoftmaxWeights, scoreLogits, softmax } from "./softmax-regression";
import { type Token, tokenize } from "./tokenize";
import { type PackedWeights, unpackWeights } from "./weights-codec";

export const sentimentLabels = ["negative", "neutral", "positive"] as const;
export type SentimentLabel = (typeof sentimentLabels)[number];
export type SentimentScores = Record<SentimentLabel, number>;
export type SentimentResult = { label: SentimentLabel; scores: SentimentScores };

export type SentimentModel = {
	language: string;
	features: FeatureConfig;
	/** Domain whose feature copies are used at inference ("feedback"); undefined = shared only. */
	domain: string | undefined;
	/** Softmax temperature fitted on held-out predictions so the scores are calibrated. */
	temperature: number;
	weights: SoftmaxWeights;
};

/** The JSON shape in models/sentiment-*.json. */
export type SentimentModelJson = {
	format: "loupe-sentiment/1";
	language: string;
	labels: string[];
	features: FeatureConfig;
	domain: string | null;
	temperature: number;
	bias: number[];
	weights: PackedWeights;
	provenance: Record<string, unknown>;
};

export function loadSentimentModel(json: SentimentModelJson): SentimentModel {
	if (json.format !== "loupe-sentiment/1") throw new Error(`unknown sentiment model format ${String(json.format)}`);
	if (json.labels.join() !== sentimentLabels.join()) throw new Error("sentiment model labels do not match");
	const classes = sentimentLabels.length;
	const weights = unpackWeights(json.weights);
	if (weights.length !== json.features.buckets * classes)
		throw new Error("sentiment model size does not match its buckets");
	return {
		language: json.language,
		features: json.features,
		domain: json.domain ?? undefined,
		temperature: json.temperature,
		weights: { classes, buckets: json.features.buckets, weights, bias: Float32Array.from(json.bias) },
	};
}

const neutralResult: SentimentResult = { label: "neutral", scores: { negative: 0, neutral: 1, positive: 0 } };

export function toSentimentResult(probabilities: readonly number[]): SentimentResult {
	let best = 1;
	probabilities.forEach((p, i) => {
		if (p > (probabilities[best] ?? 0)) best = i;
	});
	const [negative = 0, neutral = 0, positive = 0] = probabilities;
	return { label: sentimentLabels[best] ?? "neutral", scores: { negative, neutral, positive } };
}

/** Probabilities for already tokenized text; lets analyzeText tokenize once. */
export function sentimentProbabilities(model: SentimentModel, tokens: readonly Token[], text: string): number[] {
	const vector = extractFeatures(tokens, text, model.features, model.domain);
	return softmax(scoreLogits(model.weights, vector), model.temperature);
}

export function classifyTokens(model: SentimentModel, tokens: readonly Token[], text: string): SentimentResult {
	// Nothing to judge (empty, only numbers or symbols): neutral rather than the model's prior.
	if (!tokens.some((t) => t.kind === "word" || t.kind === "emoji" || t.kind === "hashtag")) return neutralResult;
	return toSentimentResult(sentimentProbabilities(model, tokens, text));
}

export function classifySentiment(model: SentimentModel, text: string): SentimentResult {
	return classifyTokens(model, tokenize(text), text);
}
