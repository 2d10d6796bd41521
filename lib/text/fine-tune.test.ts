// Fine-tuning moves a model towards a company's own labels without retraining from scratch.
import { describe, expect, it } from "vitest";
import { fineTuneSentimentModel } from "./fine-tune";
import { classifySentiment } from "./sentiment";
import { evaluateSentimentModel, type SentimentExample, trainSentimentModel } from "./train-sentiment";

const generic: SentimentExample[] = [
	...["super service", "sehr gut", "toll gemacht", "excellent and fast", "great help", "love it"].map((text) => ({
		text,
		label: "positive" as const,
	})),
	...["schlecht", "furchtbar langsam", "terrible service", "awful", "never again", "sehr enttäuscht"].map((text) => ({
		text,
		label: "negative" as const,
	})),
	...["ich habe bestellt", "the parcel arrived", "es ist dienstag", "my order number", "wir fahren", "it is blue"].map(
		(text) => ({ text, label: "neutral" as const }),
	),
];

describe("fineTuneSentimentModel", () => {
	it("learns a company's own word that the base model reads differently", () => {
		const base = trainSentimentModel(generic, { language: "de", epochs: 8, seed: 3 });
		// A shop-specific word (say, the name of a parcel service customers complain about) means what
		// the company's people say it means, whatever the base model thought.
		const baseLabel = classifySentiment(base, "paketshop-odyssee").label;
		const wanted = baseLabel === "negative" ? "positive" : "negative";
		const corrections: SentimentExample[] = Array.from({ length: 12 }, (_, i) => ({
			text: `wieder eine paketshop-odyssee nummer ${i}`,
			label: wanted,
		}));
		const tuned = fineTuneSentimentModel(base, corrections, { seed: 1 });
		expect(classifySentiment(tuned, "schon wieder paketshop-odyssee").label).toBe(wanted);
		// What it knew stays: the generic examples are still classified as before.
		expect(evaluateSentimentModel(tuned, generic).accuracy).toBeGreaterThanOrEqual(
			evaluateSentimentModel(base, generic).accuracy - 1e-9,
		);
	});

	it("is deterministic and leaves the base model untouched", () => {
		const base = trainSentimentModel(generic, { language: "en", epochs: 4, seed: 2 });
		const before = Float32Array.from(base.weights.weights);
		const corrections: SentimentExample[] = [{ text: "meh", label: "negative" }];
		const a = fineTuneSentimentModel(base, corrections);
		const b = fineTuneSentimentModel(base, corrections);
		expect(Array.from(a.weights.weights)).toEqual(Array.from(b.weights.weights));
		expect(Array.from(base.weights.weights)).toEqual(Array.from(before));
	});
});
