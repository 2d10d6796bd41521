// Trains the German and English sentiment models from the shared research data (plus optional
// company labels via --extra), prints dev/cross-validation scores and writes models/.
// Usage: npm run train:text -- [--extra my-labels.csv] [--extra-weight 2] [--folds 5] [--seed 1]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { detectLanguage } from "../lib/text/language";
import type { ClassificationReport } from "../lib/text/metrics";
import { createRandom, shuffled } from "../lib/text/random";
import type { SentimentModel } from "../lib/text/sentiment";
import {
	evaluateSentimentModel,
	fitClassOffsets,
	fitTemperature,
	type SentimentExample,
	serializeSentimentModel,
	type TrainSentimentOptions,
	trainSentimentModel,
	withClassOffsets,
} from "../lib/text/train-sentiment";
import { crossValidate, crossValidateOffsets } from "./text/cross-validate";
import { readSharedData, type SharedData } from "./text/datasets";
import { evaluateIntentSample, evaluateLanguageDetection } from "./text/evaluate-rules";
import { type ExtraLabel, readExtraLabels } from "./text/extra-labels";
import { renderModelsReadme, type TrainingReport } from "./text/readme";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Hyper-parameters chosen by 5-fold CV on GermEval dev+trial and on the airline train/dev split. */
export const germanOptions: TrainSentimentOptions = {
	language: "de",
	targetDomain: "feedback",
	epochs: 4,
	ensemble: 3,
};
export const englishOptions: TrainSentimentOptions = { language: "en", epochs: 4, ensemble: 3 };

function formatReport(name: string, report: ClassificationReport): string {
	const perClass = Object.entries(report.perClass)
		.map(
			([label, s]) =>
				`${label} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (n=${s.support})`,
		)
		.join("; ");
	return `${name}: accuracy/micro-F1 ${report.accuracy.toFixed(4)}, macro-F1 ${report.macroF1.toFixed(4)} (n=${report.count})\n    ${perClass}`;
}

function splitExtra(
	extra: readonly SentimentExample[],
	seed: number,
): { train: SentimentExample[]; heldBack: SentimentExample[] } {
	const order = shuffled(extra, createRandom(seed));
	const cut = Math.floor(order.length * 0.8);
	return { train: order.slice(0, cut), heldBack: order.slice(cut) };
}

/** Before/after on a held-back fifth of the company's labels, so a retrain can be judged. */
function compareWithExtra(
	base: SentimentExample[],
	extra: SentimentExample[],
	options: TrainSentimentOptions,
	seed: number,
) {
	if (extra.length < 10) return undefined;
	const { train, heldBack } = splitExtra(extra, seed);
	const before = evaluateSentimentModel(trainSentimentModel(base, options), heldBack);
	const after = evaluateSentimentModel(trainSentimentModel([...base, ...train], options), heldBack);
	return { heldBack: heldBack.length, before, after };
}

function toExamples(extra: readonly ExtraLabel[], language: string, weight: number): SentimentExample[] {
	return extra
		.filter((e) => (e.language ?? detectLanguage(e.text, "de", { preferred: ["de", "en"] }).language) === language)
		.map((e) => ({ text: e.text, label: e.label, domain: "feedback", weight }));
}

function trainGerman(data: SharedData, extra: SentimentExample[], folds: number, seed: number) {
	const germeval = [...data.germevalDev, ...data.germevalTrial].map(
		(d): SentimentExample => ({ text: d.text, label: d.label, domain: "feedback" }),
	);
	const tweets = data.sb10k.map((d): SentimentExample => ({ text: d.text, label: d.label, domain: "tweet" }));
	const options = { ...germanOptions, seed };
	const cv = crossValidate(germeval, [...tweets, ...extra], options, folds, seed);
	const offsets = fitClassOffsets(cv.outOfFoldLogits, cv.outOfFoldLabels);
	const shifted = cv.outOfFoldLogits.map((row) => Float64Array.from(row, (v, c) => v + (offsets[c] ?? 0)));
	const temperature = fitTemperature(shifted, cv.outOfFoldLabels);
	const nested = crossValidateOffsets(cv, folds);
	const comparison = compareWithExtra([...germeval, ...tweets], extra, options, seed);
	const trained = trainSentimentModel([...germeval, ...tweets, ...extra], options);
	const model: SentimentModel = { ...withClassOffsets(trained, offsets), temperature };
	return { model, cv, nested, offsets, temperature, comparison };
}

function trainEnglish(data: SharedData, extra: SentimentExample[], folds: number, seed: number) {
	const train = data.airlineTrain.map((d): SentimentExample => ({ text: d.text, label: d.label }));
	const dev = data.airlineDev.map((d): SentimentExample => ({ text: d.text, label: d.label }));
	const options = { ...englishOptions, seed };
	// The temperature comes from cross-validation on train, so dev stays untouched until scoring.
	const cv = crossValidate(train, extra, options, folds, seed);
	const offsets = fitClassOffsets(cv.outOfFoldLogits, cv.outOfFoldLabels);
	const shifted = cv.outOfFoldLogits.map((row) => Float64Array.from(row, (v, c) => v + (offsets[c] ?? 0)));
	const temperature = fitTemperature(shifted, cv.outOfFoldLabels);
	const comparison = compareWithExtra(train, extra, options, seed);
	const model: SentimentModel = {
		...withClassOffsets(trainSentimentModel([...train, ...extra], options), offsets),
		temperature,
	};
	const devReport = evaluateSentimentModel(model, dev);
	return { model, cv, offsets, temperature, devReport, comparison };
}

function writeJson(file: string, value: unknown): number {
	const text = `${JSON.stringify(value)}\n`;
	fs.writeFileSync(file, text);
	return Buffer.byteLength(text);
}

function main(): void {
	const { values } = parseArgs({
		options: {
			extra: { type: "string" },
			"extra-weight": { type: "string", default: "2" },
			folds: { type: "string", default: "5" },
			seed: { type: "string", default: "1" },
			data: { type: "string" },
			out: { type: "string" },
		},
	});
	const dataDir = values.data ?? process.env.LOUPE_TEXT_DATA ?? path.resolve(repoRoot, "../shared/data");
	const outDir = values.out ?? path.join(repoRoot, "models");
	const folds = Number(values.folds);
	const seed = Number(values.seed);
	const started = Date.now();
	console.log(`Reading ${dataDir}`);
	const data = readSharedData(dataDir);
	const extraLabels = values.extra ? readExtraLabels(values.extra) : [];
	const extraWeight = Number(values["extra-weight"]);
	const extraDe = toExamples(extraLabels, "de", extraWeight);
	const extraEn = toExamples(extraLabels, "en", extraWeight);
	if (values.extra)
		console.log(`Extra labels: ${extraDe.length} German, ${extraEn.length} English (weight ${extraWeight})`);

	const german = trainGerman(data, extraDe, folds, seed);
	const english = trainEnglish(data, extraEn, folds, seed);
	console.log(
		formatReport(`German ${folds}-fold CV on GermEval 2017 dev+trial (SB10k in every training fold)`, german.cv.report),
	);
	console.log(
		`    fold accuracies ${german.cv.foldAccuracies.map((a) => a.toFixed(3)).join(" ")}; temperature ${german.temperature}`,
	);
	console.log(
		formatReport(`German ${folds}-fold CV with class offsets fitted on the other folds (nested)`, german.nested),
	);
	console.log(
		`    shipped class offsets (negative, neutral, positive): ${german.offsets.join(", ")}; English: ${english.offsets.join(", ")}`,
	);
	console.log(formatReport("English: trained on airline train, scored on airline dev", english.devReport));
	console.log(formatReport(`English ${folds}-fold CV on airline train`, english.cv.report));
	for (const [name, comparison] of [
		["German", german.comparison],
		["English", english.comparison],
	] as const) {
		if (!comparison) continue;
		console.log(formatReport(`${name} held-back extra labels, before (shipped data only)`, comparison.before));
		console.log(formatReport(`${name} held-back extra labels, after (with your labels)`, comparison.after));
	}

	fs.mkdirSync(outDir, { recursive: true });
	const provenance = (sources: string[]) => ({
		sources,
		seed,
		folds,
		extraLabels: values.extra ? path.basename(values.extra) : null,
		licence: "non-commercial research data, see models/README.md",
	});
	const sizeDe = writeJson(
		path.join(outDir, "sentiment-de.json"),
		serializeSentimentModel(german.model, provenance(["GermEval 2017 dev + trial", "SB10k"])),
	);
	const sizeEn = writeJson(
		path.join(outDir, "sentiment-en.json"),
		serializeSentimentModel(english.model, provenance(["Twitter US Airline Sentiment train split"])),
	);

	const language = evaluateLanguageDetection(data);
	for (const row of language)
		console.log(
			`Language ${row.set}: ${row.accuracy.toFixed(4)} correct, ${row.decided.toFixed(4)} decided (n=${row.count})`,
		);
	const intents = evaluateIntentSample(path.join(repoRoot, "lib/text/fixtures/intent-sample.tsv"), {
		de: german.model,
		en: english.model,
	});
	for (const row of intents)
		console.log(
			`Intent ${row.intent}: P ${row.precision.toFixed(3)} R ${row.recall.toFixed(3)} (support ${row.support})`,
		);

	const report: TrainingReport = {
		german: {
			cv: german.cv.report,
			nested: german.nested,
			offsets: german.offsets,
			foldAccuracies: german.cv.foldAccuracies,
			temperature: german.temperature,
			folds,
		},
		english: {
			dev: english.devReport,
			cv: english.cv.report,
			offsets: english.offsets,
			temperature: english.temperature,
		},
		comparisons: { german: german.comparison, english: english.comparison },
		language,
		intents,
		sizes: { de: sizeDe, en: sizeEn },
		seed,
		extra: values.extra ? path.basename(values.extra) : undefined,
	};
	writeJson(path.join(outDir, "metrics.json"), report);
	fs.writeFileSync(path.join(outDir, "README.md"), renderModelsReadme(report));
	console.log(
		`Wrote ${outDir} (de ${(sizeDe / 1e6).toFixed(2)} MB, en ${(sizeEn / 1e6).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
}

main();
