// Multinomial logistic regression on hashed sparse vectors, trained by seeded AdaGrad SGD.

import type { SparseVector } from "./features";
import { createRandom, shuffled } from "./random";

export type TrainingRow = { vector: SparseVector; label: number; weight: number };

export type SoftmaxOptions = {
	classes: number;
	buckets: number;
	epochs: number;
	learningRate: number;
	/** L2 penalty per update, applied to the weights an example touches (lazy regularisation). */
	l2: number;
	seed: number;
};

/** Weights laid out bucket-major: slot * classes + class. */
export type SoftmaxWeights = { classes: number; buckets: number; weights: Float32Array; bias: Float32Array };

export function scoreLogits(
	model: SoftmaxWeights,
	vector: SparseVector,
	out = new Float64Array(model.classes),
): Float64Array {
	const { classes, weights } = model;
	for (let c = 0; c < classes; c++) out[c] = model.bias[c] ?? 0;
	for (let i = 0; i < vector.indices.length; i++) {
		const base = (vector.indices[i] as number) * classes;
		const value = vector.values[i] as number;
		for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + (weights[base + c] as number) * value;
	}
	return out;
}

export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
	let max = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < logits.length; i++) max = Math.max(max, (logits[i] as number) / temperature);
	const exps: number[] = [];
	let sum = 0;
	for (let i = 0; i < logits.length; i++) {
		const e = Math.exp((logits[i] as number) / temperature - max);
		exps.push(e);
		sum += e;
	}
	return exps.map((e) => e / sum);
}

/**
 * AdaGrad keeps per-weight step sizes, which suits hashed n-grams whose frequencies differ by
 * orders of magnitude; the seed fixes the example order so the same data gives the same model.
 */
export function trainSoftmax(rows: readonly TrainingRow[], options: SoftmaxOptions): SoftmaxWeights {
	const { classes, buckets, epochs, learningRate, l2 } = options;
	const weights = new Float32Array(buckets * classes);
	const squared = new Float32Array(buckets * classes);
	const bias = new Float32Array(classes);
	const biasSquared = new Float32Array(classes);
	const random = createRandom(options.seed);
	const logits = new Float64Array(classes);
	const model = { classes, buckets, weights, bias };
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (const row of shuffled(rows, random)) {
			const probabilities = softmax(scoreLogits(model, row.vector, logits));
			for (let c = 0; c < classes; c++) {
				const gradient = ((probabilities[c] as number) - (c === row.label ? 1 : 0)) * row.weight;
				biasSquared[c] = (biasSquared[c] as number) + gradient * gradient;
				bias[c] = (bias[c] as number) - (learningRate * gradient) / Math.sqrt((biasSquared[c] as number) + 1e-8);
				for (let i = 0; i < row.vector.indices.length; i++) {
					const slot = (row.vector.indices[i] as number) * classes + c;
					const g = gradient * (row.vector.values[i] as number) + l2 * (weights[slot] as number);
					squared[slot] = (squared[slot] as number) + g * g;
					weights[slot] = (weights[slot] as number) - (learningRate * g) / Math.sqrt((squared[slot] as number) + 1e-8);
				}
			}
		}
	}
	return model;
}
