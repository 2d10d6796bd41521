// t interval for a mean from sums.
import { describe, expect, it } from "vitest";
import { meanEstimate } from "./mean";

describe("meanEstimate", () => {
	it("computes x̄ ± t(0.975, n−1)·s/√n by hand", () => {
		// Scores 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x−x̄)² = 32, s² = 32/7, t(0.975, 7) = 2.364624 (t table).
		const values = [2, 4, 4, 4, 5, 5, 7, 9];
		const kpi = meanEstimate({ n: 8, sum: 40, sumSq: values.reduce((s, v) => s + v * v, 0) });
		const half = 2.364624 * Math.sqrt(32 / 7 / 8);
		expect(kpi?.value).toBe(5);
		expect(kpi?.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
		expect(kpi?.ci95[0]).toBeCloseTo(5 - half, 5);
		expect(kpi?.ci95[1]).toBeCloseTo(5 + half, 5);
	});
	it("is null without data and spans the scale for one response", () => {
		expect(meanEstimate({ n: 0, sum: 0, sumSq: 0 })).toBeNull();
		expect(meanEstimate({ n: 1, sum: 6, sumSq: 36 }, [1, 7])?.ci95).toEqual([1, 7]);
	});
	it("clamps to the scale", () => {
		const kpi = meanEstimate({ n: 3, sum: 20, sumSq: 7 * 7 + 7 * 7 + 6 * 6 }, [1, 7]);
		expect(kpi?.ci95[1]).toBe(7);
	});
});
