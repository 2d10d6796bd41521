// Classification scores: accuracy (= micro-F1 for single-label data), macro-F1, per-class P/R/F1.

export type ClassScores = { precision: number; recall: number; f1: number; support: number };
export type ClassificationReport = {
	accuracy: number;
	microF1: number;
	macroF1: number;
	perClass: Record<string, ClassScores>;
	confusion: Record<string, Record<string, number>>;
	count: number;
};

function f1(precision: number, recall: number): number {
	return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function evaluateClassification(
	gold: readonly string[],
	predicted: readonly string[],
	labels: readonly string[],
): ClassificationReport {
	const confusion: Record<string, Record<string, number>> = {};
	for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));
	let correct = 0;
	gold.forEach((g, i) => {
		const p = predicted[i] ?? "";
		const row = confusion[g];
		if (row && p in row) row[p] = (row[p] ?? 0) + 1;
		if (g === p) correct++;
	});
	const perClass: Record<string, ClassScores> = {};
	for (const label of labels) {
		const tp = confusion[label]?.[label] ?? 0;
		const predictedCount = labels.reduce((sum, g) => sum + (confusion[g]?.[label] ?? 0), 0);
		const support = labels.reduce((sum, p) => sum + (confusion[label]?.[p] ?? 0), 0);
		const precision = predictedCount === 0 ? 0 : tp / predictedCount;
		const recall = support === 0 ? 0 : tp / support;
		perClass[label] = { precision, recall, f1: f1(precision, recall), support };
	}
	const accuracy = gold.length === 0 ? 0 : correct / gold.length;
	const macroF1 = labels.reduce((sum, l) => sum + (perClass[l]?.f1 ?? 0), 0) / labels.length;
	return { accuracy, microF1: accuracy, macroF1, perClass, confusion, count: gold.length };
}

/** Precision and recall of one label in multi-label data (intents). */
export function evaluateMultiLabel(
	gold: readonly (readonly string[])[],
	predicted: readonly (readonly string[])[],
	label: string,
): ClassScores {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	gold.forEach((g, i) => {
		const p = predicted[i] ?? [];
		const inGold = g.includes(label);
		const inPredicted = p.includes(label);
		if (inGold && inPredicted) tp++;
		else if (inPredicted) fp++;
		else if (inGold) fn++;
	});
	const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
	const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
	return { precision, recall, f1: f1(precision, recall), support: tp + fn };
}
