// Seeded k-fold cross-validation for the German model, where the in-domain data is both the
// training set and the only evaluation set.
import { type ClassificationReport, evaluateClassification } from "../../lib/text/metrics";
import { createRandom, shuffled } from "../../lib/text/random";
import { sentimentLabels, sentimentProbabilities, toSentimentResult } from "../../lib/text/sentiment";
import { tokenize } from "../../lib/text/tokenize";
import {
	argmaxWithOffsets,
	fitClassOffsets,
	labelIndex,
	type SentimentExample,
	sentimentLogits,
	type TrainSentimentOptions,
	trainSentimentModel,
} from "../../lib/text/train-sentiment";

export type CrossValidation = {
	report: ClassificationReport;
	foldAccuracies: number[];
	outOfFoldLogits: Float64Array[];
	outOfFoldLabels: number[];
	outOfFoldFolds: number[];
};

/**
 * Each fold trains on the other folds plus `alwaysTrain` (out-of-domain data, a company's extra
 * labels) and predicts its own fold; the out-of-fold logits later fit the temperature.
 */
export function crossValidate(
	inDomain: readonly SentimentExample[],
	alwaysTrain: readonly SentimentExample[],
	options: TrainSentimentOptions,
	folds: number,
	seed: number,
): CrossValidation {
	const order = shuffled(
		inDomain.map((_, i) => i),
		createRandom(seed),
	);
	const gold: string[] = [];
	const predicted: string[] = [];
	const foldAccuracies: number[] = [];
	const outOfFoldLogits: Float64Array[] = [];
	const outOfFoldLabels: number[] = [];
	const outOfFoldFolds: number[] = [];
	for (let fold = 0; fold < folds; fold++) {
		const test = order.filter((_, i) => i % folds === fold).map((i) => inDomain[i] as SentimentExample);
		const train = order.filter((_, i) => i % folds !== fold).map((i) => inDomain[i] as SentimentExample);
		const model = trainSentimentModel([...train, ...alwaysTrain], options);
		const logits = sentimentLogits(
			model,
			test.map((e) => e.text),
		);
		let correct = 0;
		test.forEach((example, i) => {
			const label = toSentimentResult(sentimentProbabilities(model, tokenize(example.text), example.text)).label;
			gold.push(example.label);
			predicted.push(label);
			if (label === example.label) correct++;
			outOfFoldLogits.push(logits[i] as Float64Array);
			outOfFoldLabels.push(labelIndex(example.label));
			outOfFoldFolds.push(fold);
		});
		foldAccuracies.push(correct / test.length);
	}
	return {
		report: evaluateClassification(gold, predicted, sentimentLabels),
		foldAccuracies,
		outOfFoldLogits,
		outOfFoldLabels,
		outOfFoldFolds,
	};
}

/**
 * Nested estimate for the class offsets: each fold is scored with offsets fitted on the other
 * folds' out-of-fold predictions, so the reported number has not seen its own labels.
 */
export function crossValidateOffsets(cv: CrossValidation, folds: number): ClassificationReport {
	const gold: string[] = [];
	const predicted: string[] = [];
	for (let fold = 0; fold < folds; fold++) {
		const others = cv.outOfFoldFolds.map((f, i) => (f === fold ? -1 : i)).filter((i) => i >= 0);
		const offsets = fitClassOffsets(
			others.map((i) => cv.outOfFoldLogits[i] as Float64Array),
			others.map((i) => cv.outOfFoldLabels[i] as number),
		);
		cv.outOfFoldFolds.forEach((f, i) => {
			if (f !== fold) return;
			gold.push(sentimentLabels[cv.outOfFoldLabels[i] as number] as string);
			predicted.push(sentimentLabels[argmaxWithOffsets(cv.outOfFoldLogits[i] as Float64Array, offsets)] as string);
		});
	}
	return evaluateClassification(gold, predicted, sentimentLabels);
}
