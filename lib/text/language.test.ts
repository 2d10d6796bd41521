// Language detection: eld/medium with a fallback, scored on the shared de/en data.
import { describe, expect, it } from "vitest";
import { readSharedData } from "../../scripts/text/datasets";
import { hasSharedData, sharedDataDir } from "./fixtures/shipped-models";
import { detectLanguage } from "./language";

describe("detectLanguage", () => {
	it("detects German and English feedback", () => {
		expect(detectLanguage("Die Lieferung kam leider drei Tage zu spät an.", "en")).toEqual({
			language: "de",
			reliable: true,
		});
		expect(detectLanguage("The delivery arrived three days late, sadly.", "de")).toEqual({
			language: "en",
			reliable: true,
		});
	});

	it("falls back on short or empty text", () => {
		expect(detectLanguage("ok", "de")).toEqual({ language: "de", reliable: false });
		expect(detectLanguage("", "en")).toEqual({ language: "en", reliable: false });
		expect(detectLanguage("👍👍👍 https://example.com @someone", "en").language).toBe("en");
	});

	it("lets a de/en-only detector decide short texts when asked", () => {
		expect(detectLanguage("thanks a lot!", "de", { preferred: ["de", "en"] }).language).toBe("en");
	});
});

// Floors below the measured numbers in models/README.md; the fallback is the wrong language on purpose.
describe.skipIf(!hasSharedData)("detectLanguage on the shared dev data", () => {
	const data = hasSharedData ? readSharedData(sharedDataDir) : undefined;
	const accuracy = (texts: string[], expected: string, fallback: string) =>
		texts.filter((t) => detectLanguage(t, fallback, { preferred: ["de", "en"] }).language === expected).length /
		texts.length;

	it("is right on ≥ 98 % of GermEval 2017 dev (German customer feedback)", () => {
		expect(accuracy(data?.germevalDev.map((d) => d.text) ?? [], "de", "en")).toBeGreaterThanOrEqual(0.98);
	});

	it("is right on ≥ 98 % of Twitter US Airline Sentiment dev (English)", () => {
		expect(accuracy(data?.airlineDev.map((d) => d.text) ?? [], "en", "de")).toBeGreaterThanOrEqual(0.98);
	});
});
