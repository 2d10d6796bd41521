// Benchmark of lib/text on one core: analyze throughput over the shared dev sets against plain
// tokenization of the same texts, model load time and heap. Writes bench/results/text.json.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { loadTextModels } from "../cli/text";
import { analyzeText } from "../lib/text/analyze";
import { tokenize } from "../lib/text/tokenize";
import { readSharedData } from "../scripts/text/datasets";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

function heapUsed(): number {
	collectGarbage();
	collectGarbage();
	// Weights live in typed arrays, which Node counts outside the JS heap ("external").
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external;
}

function timeMs(run: () => void): number {
	const started = performance.now();
	run();
	return performance.now() - started;
}

const dataDir = process.env.LOUPE_TEXT_DATA ?? path.resolve(repoRoot, "../shared/data");
const data = readSharedData(dataDir);
const texts = [...data.germevalDev, ...data.germevalTrial, ...data.airlineDev].map((d) => d.text);

const heapBefore = heapUsed();
let models: ReturnType<typeof loadTextModels> = {};
const loadMs = timeMs(() => {
	models = loadTextModels();
});
const modelHeapBytes = heapUsed() - heapBefore;

// Warm-up so the JIT has compiled the hot paths before timing (also loads eld's database).
for (const text of texts.slice(0, 300)) analyzeText(models, text);

const rounds = 3;
let tokenizeMs = Number.POSITIVE_INFINITY;
let analyzeMs = Number.POSITIVE_INFINITY;
for (let round = 0; round < rounds; round++) {
	tokenizeMs = Math.min(
		tokenizeMs,
		timeMs(() => {
			for (const t of texts) tokenize(t);
		}),
	);
	analyzeMs = Math.min(
		analyzeMs,
		timeMs(() => {
			for (const t of texts) analyzeText(models, t);
		}),
	);
}

const result = {
	documents: texts.length,
	sets: "GermEval 2017 dev + trial, airline dev",
	analyzeDocsPerSecond: Math.round((texts.length / analyzeMs) * 1000),
	tokenizeDocsPerSecond: Math.round((texts.length / tokenizeMs) * 1000),
	analyzeToTokenizeTimeRatio: Math.round((analyzeMs / tokenizeMs) * 10) / 10,
	modelLoadMs: Math.round(loadMs),
	modelMemoryMB: Math.round((modelHeapBytes / 1e6) * 10) / 10,
	node: process.version,
	targets: { analyzeDocsPerSecond: 2000, modelLoadMs: 1000 },
};

console.log("| measure | value |\n|---|---|");
for (const [key, value] of Object.entries(result)) if (typeof value !== "object") console.log(`| ${key} | ${value} |`);
fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repoRoot, "bench/results/text.json"), `${JSON.stringify(result, null, 2)}\n`);
