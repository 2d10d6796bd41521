// Emerging topics on synthetic weekly counts with a known answer.
import { describe, expect, it } from "vitest";
import { chiSquare1PValue, findEmergingTerms, logLikelihoodRatio } from "./emerging";
import { countTerms } from "./term-counts";
import { tokenize } from "./tokenize";

describe("findEmergingTerms", () => {
	// 1,000 documents this week, 4,000 over the previous four weeks.
	const baseline = { lieferung: 400, preis: 200, app: 40, login: 8 };
	const current = { lieferung: 105, preis: 48, app: 12, login: 30, streik: 6 };
	const found = findEmergingTerms(current, baseline, { currentTotal: 1000, baselineTotal: 4000 });

	it("reports terms that rise well above their baseline rate", () => {
		expect(found.map((t) => t.term)).toEqual(["login", "streik"]);
		expect(found[0]?.expected).toBeCloseTo(2, 6);
		expect(found[0]?.g2).toBeGreaterThan(10.83);
	});

	it("ignores steady terms and too-small counts", () => {
		expect(found.map((t) => t.term)).not.toContain("lieferung");
		expect(findEmergingTerms({ neu: 3 }, {}, { currentTotal: 100, baselineTotal: 400 })).toEqual([]);
	});

	it("computes G² and its p-value", () => {
		// 2×2 table with no association gives G² = 0.
		expect(logLikelihoodRatio(10, 100, 40, 400)).toBeCloseTo(0, 9);
		expect(chiSquare1PValue(3.841)).toBeCloseTo(0.05, 3);
		expect(chiSquare1PValue(10.828)).toBeCloseTo(0.001, 4);
	});
});

describe("countTerms", () => {
	it("counts stems and phrases once per document, without stopwords", () => {
		const counts = countTerms(
			["Die Lieferung kam spät", "Lieferungen kommen spät, spät!"].map((t) => tokenize(t)),
			"de",
		);
		expect(counts.get("liefer")).toBe(2);
		expect(counts.get("spaet")).toBe(2);
		expect(counts.has("die")).toBe(false);
	});
});
