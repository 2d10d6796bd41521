// Sentiment: the shipped models' behaviour, calibration and dev-set accuracy.
import { describe, expect, it } from "vitest";
import { readSharedData } from "../../scripts/text/datasets";
import { hasSharedData, sharedDataDir, shippedModels } from "./fixtures/shipped-models";
import { classifySentiment } from "./sentiment";
import { evaluateSentimentModel } from "./train-sentiment";

const { de, en } = shippedModels;

describe("classifySentiment", () => {
	it("labels clear German and English feedback", () => {
		expect(classifySentiment(de, "Ich bin sehr zufrieden, alles bestens!").label).toBe("positive");
		expect(classifySentiment(de, "Schon wieder Verspätung, eine absolute Frechheit!").label).toBe("negative");
		expect(classifySentiment(en, "Thank you so much, the crew was amazing!").label).toBe("positive");
		expect(classifySentiment(en, "Worst airline ever, my bag is lost and nobody helps.").label).toBe("negative");
	});

	it("flips with negation", () => {
		const positive = (model: typeof de, text: string) => classifySentiment(model, text).scores.positive;
		expect(positive(en, "the service was great")).toBeGreaterThan(positive(en, "the service was not great") + 0.2);
		expect(classifySentiment(en, "the service was not great").label).not.toBe("positive");
		expect(positive(de, "Der Service war gut")).toBeGreaterThan(positive(de, "Der Service war nicht gut"));
		expect(classifySentiment(de, "Der Service war nicht gut").label).toBe("negative");
		const negative = (text: string) => classifySentiment(de, text).scores.negative;
		expect(negative("Das war kein Problem, danke")).toBeLessThan(negative("Das war ein Problem"));
	});

	// A known weakness, kept visible: GermEval's Deutsche Bahn posts use "Danke" and "super" sarcastically
	// so often that plain thanks stay below "positive"; companies should retrain with their own labels.
	it("is cautious with German thanks (GermEval prior), but never calls them negative", () => {
		const result = classifySentiment(de, "Vielen Dank, super Service!");
		expect(result.label).not.toBe("negative");
		expect(result.scores.positive).toBeGreaterThan(0.2);
	});

	it("returns probabilities that sum to 1", () => {
		for (const text of ["ok", "Zug fällt aus!!!", "I love it 😍", "?"]) {
			const { scores } = classifySentiment(de, text);
			expect(scores.negative + scores.neutral + scores.positive).toBeCloseTo(1, 6);
		}
	});

	it("answers neutral when there is nothing to judge", () => {
		for (const text of ["", "   ", "12345", "...", "\u0000\u0001"])
			expect(classifySentiment(en, text).label).toBe("neutral");
	});
});

describe.skipIf(!hasSharedData)("sentiment accuracy on the shared dev data", () => {
	const data = hasSharedData ? readSharedData(sharedDataDir) : undefined;

	// Measured 0.839 (models/README.md); majority class is 0.618. Held-out from training.
	it("English model: ≥ 0.82 accuracy on Twitter US Airline Sentiment dev", () => {
		const report = evaluateSentimentModel(en, data?.airlineDev ?? []);
		expect(report.accuracy).toBeGreaterThanOrEqual(0.82);
		expect(report.macroF1).toBeGreaterThanOrEqual(0.75);
	});

	// GermEval dev is training data for the shipped model, so this only guards against a broken
	// weight file; the honest number is the 5-fold cross-validation in models/README.md.
	it("German model: fits GermEval 2017 dev (in-sample) well above the 0.689 majority baseline", () => {
		const report = evaluateSentimentModel(de, data?.germevalDev ?? []);
		expect(report.accuracy).toBeGreaterThanOrEqual(0.85);
	});
});
