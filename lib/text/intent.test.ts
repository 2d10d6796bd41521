// Intents: rule cases and precision/recall floors on the hand-labelled sample.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateIntentSample } from "../../scripts/text/evaluate-rules";
import { shippedModels } from "./fixtures/shipped-models";
import { detectIntents } from "./intent";
import { classifyTokens } from "./sentiment";
import { tokenize } from "./tokenize";

function intentsOf(text: string, language: "de" | "en") {
	const tokens = tokenize(text);
	return detectIntents(tokens, classifyTokens(shippedModels[language], tokens, text));
}

describe("detectIntents", () => {
	it("finds questions with and without a question mark", () => {
		expect(intentsOf("Wann kommt mein Paket?", "de")).toContain("question");
		expect(intentsOf("how do I change my seat", "en")).toContain("question");
	});

	it("finds suggestions", () => {
		expect(intentsOf("Es wäre schön, wenn es eine Rechnung per Mail gäbe", "de")).toContain("suggestion");
		expect(intentsOf("Please add Apple Pay at checkout", "en")).toContain("suggestion");
	});

	it("finds complaints and praise", () => {
		expect(intentsOf("Ich möchte mich beschweren: der Zug war dreckig", "de")).toContain("complaint");
		expect(intentsOf("Thanks for nothing", "en")).not.toContain("praise");
		expect(intentsOf("Vielen Dank, super Service!", "de")).toEqual(["praise"]);
	});

	it("is empty for a neutral statement", () => {
		expect(intentsOf("Ich bin heute mit dem Zug gefahren.", "de")).toEqual([]);
	});
});

describe("intents on lib/text/fixtures/intent-sample.tsv (200 hand-labelled GermEval/airline dev lines)", () => {
	const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/intent-sample.tsv");
	const rows = Object.fromEntries(evaluateIntentSample(file, shippedModels).map((r) => [r.intent, r]));

	// Floors a little below the measured values in models/README.md.
	it.each([
		["complaint", 0.7, 0.7],
		["praise", 0.55, 0.7],
		["question", 0.85, 0.85],
		["suggestion", 0.4, 0.3],
	])("%s: precision ≥ %f, recall ≥ %f", (intent, precision, recall) => {
		expect(rows[intent]?.precision).toBeGreaterThanOrEqual(precision);
		expect(rows[intent]?.recall).toBeGreaterThanOrEqual(recall);
	});
});
