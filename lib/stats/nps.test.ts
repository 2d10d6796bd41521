// NPS estimate and Rocks (2016) adjusted-Wald interval.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npsEstimate } from "./nps";

describe("npsEstimate", () => {
	it("computes the score, trinomial SE and adjusted-Wald interval by hand", () => {
		// 50 promoters, 30 passives, 20 detractors: NPS = 30; Var = 0.5 + 0.2 − 0.3² = 0.61, SE = √(0.61/100)·100 = 7.8102.
		// Adjusted (Rocks 2016; Sauro & Lewis, MeasuringU "Confidence intervals for Net Promoter Scores"): n' = 103,
		// pP' = 50.75/103, pD' = 20.75/103, NPS' = 30/103 = 0.291262, Var' = 0.694175 − 0.084834 = 0.609341,
		// half = 1.959964·√(0.609341/103) = 0.150749 → [14.0513, 44.2011].
		const kpi = npsEstimate({ promoters: 50, passives: 30, detractors: 20 });
		expect(kpi?.value).toBeCloseTo(30, 12);
		expect(kpi?.se).toBeCloseTo(7.8102, 4);
		expect(kpi?.ci95[0]).toBeCloseTo(14.0513, 3);
		expect(kpi?.ci95[1]).toBeCloseTo(44.2011, 3);
		expect(kpi?.promoterShare).toBe(0.5);
	});
	it("keeps a non-degenerate interval for 5 promoters out of 5 (Wald would give [100, 100])", () => {
		const kpi = npsEstimate({ promoters: 5, passives: 0, detractors: 0 });
		expect(kpi?.value).toBe(100);
		expect(kpi?.ci95[0]).toBeLessThan(60);
		expect(kpi?.ci95[1]).toBe(100);
	});
	it("is null without responses", () => {
		expect(npsEstimate({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
	});
	it("stays in [−100, 100] and its interval contains the estimate", () => {
		fc.assert(
			fc.property(fc.nat(5000), fc.nat(5000), fc.nat(5000), (promoters, passives, detractors) => {
				const kpi = npsEstimate({ promoters, passives, detractors });
				if (promoters + passives + detractors === 0) return expect(kpi).toBeNull();
				if (!kpi) throw new Error("expected an estimate");
				expect(kpi.value).toBeGreaterThanOrEqual(-100);
				expect(kpi.value).toBeLessThanOrEqual(100);
				expect(kpi.ci95[0]).toBeGreaterThanOrEqual(-100);
				expect(kpi.ci95[1]).toBeLessThanOrEqual(100);
				expect(kpi.ci95[0]).toBeLessThanOrEqual(kpi.value + 1e-9);
				expect(kpi.ci95[1]).toBeGreaterThanOrEqual(kpi.value - 1e-9);
			}),
		);
	});
});
