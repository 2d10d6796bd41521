// Training: a tiny, deterministic run of the same function the script and the server use.
import { describe, expect, it } from "vitest";
import { classifySentiment, loadSentimentModel } from "./sentiment";
import { fitTemperature, type SentimentExample, serializeSentimentModel, trainSentimentModel } from "./train-sentiment";

const examples: SentimentExample[] = [
	...["great service", "love it", "wonderful staff", "fast delivery, thanks", "super freundlich", "tolle Beratung"].map(
		(text) => ({ text, label: "positive" as const }),
	),
	...[
		"terrible service",
		"hate it",
		"rude staff",
		"slow delivery, annoyed",
		"sehr unfreundlich",
		"schlechte Beratung",
	].map((text) => ({ text, label: "negative" as const })),
	...[
		"the order number is 12",
		"I called on monday",
		"delivery on tuesday",
		"Bestellung am Montag",
		"Ich habe angerufen",
		"Paket kommt morgen",
	].map((text) => ({ text, label: "neutral" as const })),
];
const options = { language: "en", epochs: 20, features: { buckets: 1 << 12 }, seed: 3 };

describe("trainSentimentModel", () => {
	it("learns a small sample and is deterministic", () => {
		const first = trainSentimentModel(examples, options);
		const second = trainSentimentModel(examples, options);
		expect(Array.from(first.weights.weights)).toEqual(Array.from(second.weights.weights));
		expect(classifySentiment(first, "great staff").label).toBe("positive");
		expect(classifySentiment(first, "rude service").label).toBe("negative");
	});

	it("lets extra labelled examples change the outcome", () => {
		const before = trainSentimentModel(examples, options);
		const corrections: SentimentExample[] = Array.from({ length: 5 }, () => ({
			text: "the order number is wrong again",
			label: "negative",
			weight: 2,
		}));
		const after = trainSentimentModel([...examples, ...corrections], options);
		const text = "the order number is wrong again";
		expect(classifySentiment(after, text).scores.negative).toBeGreaterThan(
			classifySentiment(before, text).scores.negative,
		);
	});

	it("survives a JSON round trip with the same predictions", () => {
		const model = trainSentimentModel(examples, options);
		const restored = loadSentimentModel(JSON.parse(JSON.stringify(serializeSentimentModel(model, {}))));
		for (const text of ["great", "rude", "monday"])
			expect(classifySentiment(restored, text).label).toBe(classifySentiment(model, text).label);
	});
});

describe("fitTemperature", () => {
	it("softens over-confident logits", () => {
		// Confident logits that are right only half the time call for T > 1.
		const logits = Array.from({ length: 20 }, () => Float64Array.from([8, 0, 0]));
		const labels = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0 : 1));
		expect(fitTemperature(logits, labels)).toBeGreaterThan(3);
	});
});
