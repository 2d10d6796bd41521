// Trains a sentiment model from labelled examples (shipped data plus a company's corrections).
// Pure and seeded: the same examples and options always give the same weights.
import { defaultFeatureConfig, extractFeatures, type FeatureConfig } from "./features";
import { type ClassificationReport, evaluateClassification } from "./metrics";
import {
	classifySentiment,
	type SentimentLabel,
	type SentimentModel,
	type SentimentModelJson,
	sentimentLabels,
} from "./sentiment";
import { scoreLogits, softmax, type TrainingRow, trainSoftmax } from "./softmax-regression";
import { tokenize } from "./tokenize";
import { packWeights } from "./weights-codec";

export type SentimentExample = {
	text: string;
	label: SentimentLabel;
	/** Where the text comes from ("feedback", "tweet"); features get a per-domain copy. */
	domain?: string;
	/** Importance in the loss, e.g. > 1 for a company's own corrections. */
	weight?: number;
};

export type TrainSentimentOptions = {
	language: string;
	/** Domain used at inference; its examples shape the domain-specific weights. */
	targetDomain?: string;
	features?: Partial<FeatureConfig>;
	epochs?: number;
	learningRate?: number;
	l2?: number;
	seed?: number;
	/** Re-weights classes so rare ones (positive feedback) are not drowned out; 0 = none, 1 = balanced. */
	classBalance?: number;
	temperature?: number;
	/** Trains this many differently shuffled models and averages them (bagging of the order). */
	ensemble?: number;
};

export function labelIndex(label: SentimentLabel): number {
	return sentimentLabels.indexOf(label);
}

function classWeights(examples: readonly SentimentExample[], balance: number): number[] {
	const counts = sentimentLabels.map((l) => examples.filter((e) => e.label === l).length);
	const total = counts.reduce((a, b) => a + b, 0);
	return counts.map((count) => (count === 0 ? 1 : (total / (counts.length * count)) ** balance));
}

export function trainSentimentModel(
	examples: readonly SentimentExample[],
	options: TrainSentimentOptions,
): SentimentModel {
	const features = { ...defaultFeatureConfig, ...options.features };
	const perClass = classWeights(examples, options.classBalance ?? 0);
	const useDomains = options.targetDomain !== undefined;
	const rows: TrainingRow[] = examples.map((example) => {
		const label = labelIndex(example.label);
		return {
			vector: extractFeatures(
				tokenize(example.text),
				example.text,
				features,
				useDomains ? (example.domain ?? options.targetDomain) : undefined,
			),
			label,
			weight: (example.weight ?? 1) * (perClass[label] ?? 1),
		};
	});
	const members = Math.max(1, options.ensemble ?? 1);
	const trainOne = (seed: number) =>
		trainSoftmax(rows, {
			classes: sentimentLabels.length,
			buckets: features.buckets,
			epochs: options.epochs ?? 4,
			learningRate: options.learningRate ?? 0.05,
			l2: options.l2 ?? 1e-5,
			seed,
		});
	// Averaging the weights of linear models equals averaging their logits, so the ensemble
	// costs nothing at inference time.
	const weights = trainOne(options.seed ?? 1);
	for (let member = 1; member < members; member++) {
		const next = trainOne((options.seed ?? 1) + member * 7919);
		for (let i = 0; i < weights.weights.length; i++)
			weights.weights[i] = (weights.weights[i] as number) + (next.weights[i] as number);
		for (let c = 0; c < weights.bias.length; c++)
			weights.bias[c] = (weights.bias[c] as number) + (next.bias[c] as number);
	}
	for (let i = 0; i < weights.weights.length; i++) weights.weights[i] = (weights.weights[i] as number) / members;
	for (let c = 0; c < weights.bias.length; c++) weights.bias[c] = (weights.bias[c] as number) / members;
	return {
		language: options.language,
		features,
		domain: options.targetDomain,
		temperature: options.temperature ?? 1,
		weights,
	};
}

/** Raw logits for examples, used to fit the temperature on held-out predictions. */
export function sentimentLogits(model: SentimentModel, texts: readonly string[]): Float64Array[] {
	return texts.map((text) => {
		const vector = extractFeatures(tokenize(text), text, model.features, model.domain);
		return scoreLogits(model.weights, vector);
	});
}

/**
 * Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): one
 * parameter that minimises held-out log-loss. It changes confidence, never the predicted label.
 */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
	let best = 1;
	let bestLoss = Number.POSITIVE_INFINITY;
	for (let t = 0.2; t <= 5; t += 0.05) {
		let loss = 0;
		logits.forEach((row, i) => {
			loss -= Math.log(Math.max(1e-12, softmax(row, t)[labels[i] ?? 0] ?? 0));
		});
		if (loss < bestLoss) {
			bestLoss = loss;
			best = Math.round(t * 100) / 100;
		}
	}
	return best;
}

/**
 * Class-prior correction (in the spirit of Saerens et al. 2002): offsets added to the negative and
 * positive logits, chosen on held-out predictions to maximise accuracy. Averaged, regularised
 * models under-predict rare classes; a small shift towards them recovers part of that.
 */
export function fitClassOffsets(logits: readonly Float64Array[], labels: readonly number[]): number[] {
	let best = [0, 0, 0];
	let bestCorrect = -1;
	for (let negative = 0; negative <= 1.0001; negative += 0.1) {
		for (let positive = 0; positive <= 1.0001; positive += 0.1) {
			const offsets = [negative, 0, positive];
			const correct = logits.filter((row, i) => argmaxWithOffsets(row, offsets) === labels[i]).length;
			if (correct > bestCorrect) {
				bestCorrect = correct;
				best = offsets.map((o) => Math.round(o * 10) / 10);
			}
		}
	}
	return best;
}

export function argmaxWithOffsets(logits: ArrayLike<number>, offsets: readonly number[]): number {
	let best = 0;
	for (let c = 1; c < logits.length; c++) {
		if ((logits[c] as number) + (offsets[c] ?? 0) > (logits[best] as number) + (offsets[best] ?? 0)) best = c;
	}
	return best;
}

/** Returns the model with the offsets folded into its bias. */
export function withClassOffsets(model: SentimentModel, offsets: readonly number[]): SentimentModel {
	const bias = Float32Array.from(model.weights.bias, (b, c) => b + (offsets[c] ?? 0));
	return { ...model, weights: { ...model.weights, bias } };
}

export function evaluateSentimentModel(
	model: SentimentModel,
	examples: readonly SentimentExample[],
): ClassificationReport {
	const predicted = examples.map((e) => classifySentiment(model, e.text).label);
	return evaluateClassification(
		examples.map((e) => e.label),
		predicted,
		sentimentLabels,
	);
}

export function serializeSentimentModel(
	model: SentimentModel,
	provenance: Record<string, unknown>,
): SentimentModelJson {
	return {
		format: "loupe-sentiment/1",
		language: model.language,
		labels: [...sentimentLabels],
		features: model.features,
		domain: model.domain ?? null,
		temperature: model.temperature,
		bias: Array.from(model.weights.bias, (b) => Math.round(b * 1e6) / 1e6),
		weights: packWeights(model.weights.weights),
		provenance,
	};
}
