// analyzeText: the contract shape and robustness on hostile input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyze";
import { shippedModels } from "./fixtures/shipped-models";

describe("analyzeText", () => {
	it("returns language, sentiment, intents, themes with aspect sentiment, and a redacted copy", () => {
		const result = analyzeText(
			shippedModels,
			"Die Lieferung kam drei Tage zu spät, ich bin enttäuscht. Schreiben Sie an max@example.de",
		);
		expect(result).toMatchObject({ language: "de", sentiment: "negative", intents: ["complaint"] });
		expect(result.themes[0]).toMatchObject({ theme: "delivery", sentiment: "negative" });
		expect(result.redacted).toContain("[email]");
		expect(result.redacted).not.toContain("max@example.de");
		expect(result.truncated).toBeUndefined();
	});

	it("gives each theme the sentiment of its own clause", () => {
		const result = analyzeText(
			shippedModels,
			"The staff were friendly and helpful, but the refund took forever and is still missing.",
			{ language: "en" },
		);
		const byTheme = Object.fromEntries(result.themes.map((t) => [t.theme, t.sentiment]));
		expect(byTheme.staff).toBe("positive");
		expect(byTheme.returns).toBe("negative");
	});

	it("truncates long input and says so", () => {
		const result = analyzeText(shippedModels, "Alles gut. ".repeat(2000), { maxChars: 5000 });
		expect(result.truncated).toBe(true);
		expect(result.redacted.length).toBeLessThanOrEqual(5000);
	});

	it("handles empty, emoji-only, binary and mixed-language text", () => {
		expect(analyzeText(shippedModels, "")).toMatchObject({
			sentiment: "neutral",
			intents: [],
			themes: [],
			redacted: "",
		});
		expect(() => analyzeText(shippedModels, "😍😍😍")).not.toThrow();
		expect(() => analyzeText(shippedModels, "\u0000\u0007\ud800\uffff€")).not.toThrow();
		expect(analyzeText(shippedModels, "Der Zug war super, the staff was great!").sentiment).toBe("positive");
	});

	it("never throws and always returns probabilities that sum to 1", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
				const { scores } = analyzeText(shippedModels, text);
				expect(scores.negative + scores.neutral + scores.positive).toBeCloseTo(1, 6);
			}),
			{ numRuns: 200 },
		);
	});
});
