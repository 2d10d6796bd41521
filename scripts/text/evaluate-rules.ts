// Scores the rule-based parts on data: language detection on the shared sets, intents on the
// hand-labelled sample in lib/text/fixtures.
import fs from "node:fs";
import { detectIntents, type Intent, intentLabels } from "../../lib/text/intent";
import { detectLanguage } from "../../lib/text/language";
import { evaluateMultiLabel } from "../../lib/text/metrics";
import { classifyTokens, type SentimentModel } from "../../lib/text/sentiment";
import { tokenize } from "../../lib/text/tokenize";
import type { SharedData } from "./datasets";

export type LanguageRow = {
	set: string;
	expected: string;
	count: number;
	accuracy: number;
	decided: number;
	decidedAccuracy: number;
};

/**
 * `accuracy` counts a text as right when detectLanguage with the other language as fallback
 * still says the expected one — a fallback can never help. `decided` is the share eld was sure of.
 */
export function evaluateLanguageDetection(data: SharedData): LanguageRow[] {
	const sets: [string, string, { text: string }[]][] = [
		["GermEval 2017 dev+trial", "de", [...data.germevalDev, ...data.germevalTrial]],
		["SB10k (German tweets)", "de", data.sb10k],
		["Airline dev (English tweets)", "en", data.airlineDev],
	];
	return sets.map(([set, expected, docs]) => {
		const other = expected === "de" ? "en" : "de";
		let correct = 0;
		let decided = 0;
		let decidedCorrect = 0;
		for (const doc of docs) {
			const result = detectLanguage(doc.text, other, { preferred: ["de", "en"] });
			if (result.language === expected) correct++;
			if (result.reliable) {
				decided++;
				if (result.language === expected) decidedCorrect++;
			}
		}
		return {
			set,
			expected,
			count: docs.length,
			accuracy: correct / docs.length,
			decided: decided / docs.length,
			decidedAccuracy: decidedCorrect / Math.max(1, decided),
		};
	});
}

export type IntentSampleLine = { language: string; intents: Intent[]; text: string };

export function readIntentSample(file: string): IntentSampleLine[] {
	const [, ...lines] = fs.readFileSync(file, "utf8").split("\n");
	return lines
		.filter((line) => line.trim() !== "")
		.map((line) => {
			const [language = "", intents = "", text = ""] = line.split("\t");
			return {
				language,
				intents: intents.split(",").filter((i): i is Intent => (intentLabels as readonly string[]).includes(i)),
				text,
			};
		});
}

export type IntentRow = { intent: Intent; precision: number; recall: number; f1: number; support: number };

export function evaluateIntentSample(file: string, models: Record<string, SentimentModel>): IntentRow[] {
	const sample = readIntentSample(file);
	const predicted = sample.map((line) => {
		const tokens = tokenize(line.text);
		const model = models[line.language] ?? models.de;
		if (!model) throw new Error("no sentiment model");
		return detectIntents(tokens, classifyTokens(model, tokens, line.text));
	});
	return intentLabels.map((intent) => ({
		intent,
		...evaluateMultiLabel(
			sample.map((l) => l.intents),
			predicted,
			intent,
		),
	}));
}
