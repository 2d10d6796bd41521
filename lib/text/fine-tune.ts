// Fine-tunes a trained sentiment model on a company's own labelled examples (its corrections), starting
// from the shipped weights. Plain SGD with an L2 pull towards the starting weights ("prior" regularisation,
// as in Chelba & Acero 2006, "Adaptation of maximum entropy capitalizer"), so a few hundred corrections move
// the model where they disagree with it without forgetting what the large training sets taught it.
import { extractFeatures } from "./features";
import { createRandom, shuffled } from "./random";
import type { SentimentModel } from "./sentiment";
import { scoreLogits, softmax } from "./softmax-regression";
import { tokenize } from "./tokenize";
import { labelIndex, type SentimentExample } from "./train-sentiment";

export type FineTuneOptions = { epochs?: number; learningRate?: number; pullToBase?: number; seed?: number };

export function fineTuneSentimentModel(
	base: SentimentModel,
	examples: readonly SentimentExample[],
	options: FineTuneOptions = {},
): SentimentModel {
	const { epochs = 6, learningRate = 0.1, pullToBase = 0.01, seed = 1 } = options;
	const start = base.weights;
	const weights = Float32Array.from(start.weights);
	const bias = Float32Array.from(start.bias);
	const model = { ...start, weights, bias };
	const rows = examples.map((example) => ({
		vector: extractFeatures(tokenize(example.text), example.text, base.features, base.domain),
		label: labelIndex(example.label),
		weight: example.weight ?? 1,
	}));
	const random = createRandom(seed);
	const logits = new Float64Array(start.classes);
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (const row of shuffled(rows, random)) {
			const probabilities = softmax(scoreLogits(model, row.vector, logits));
			for (let c = 0; c < start.classes; c++) {
				const gradient = ((probabilities[c] as number) - (c === row.label ? 1 : 0)) * row.weight;
				bias[c] = (bias[c] as number) - learningRate * gradient;
				for (let i = 0; i < row.vector.indices.length; i++) {
					const slot = (row.vector.indices[i] as number) * start.classes + c;
					const pull = pullToBase * ((weights[slot] as number) - (start.weights[slot] as number));
					weights[slot] =
						(weights[slot] as number) - learningRate * (gradient * (row.vector.values[i] as number) + pull);
				}
			}
		}
	}
	return { ...base, weights: model };
}
