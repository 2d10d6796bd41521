// Period-over-period tests against published examples.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npsDifferenceTest, twoProportionTest, welchTest } from "./tests";

const sums = (values: number[]) => ({
	n: values.length,
	sum: values.reduce((s, v) => s + v, 0),
	sumSq: values.reduce((s, v) => s + v * v, 0),
});

describe("welchTest", () => {
	it("reproduces R's t.test(extra ~ group, data = sleep) (Student 1908 sleep data)", () => {
		// R: t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832.
		const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
		const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
		const result = welchTest(sums(group1), sums(group2));
		expect(result?.statistic).toBeCloseTo(-1.8608, 4);
		expect(result?.df).toBeCloseTo(17.776, 3);
		expect(result?.pValue).toBeCloseTo(0.07939, 5);
		expect(result?.ci95[0]).toBeCloseTo(-3.3654832, 6);
		expect(result?.ci95[1]).toBeCloseTo(0.2054832, 6);
		expect(result?.difference).toBeCloseTo(-1.58, 12);
	});
	it("needs two observations per period", () => {
		expect(welchTest(sums([1]), sums([1, 2]))).toBeNull();
	});
});

describe("twoProportionTest", () => {
	it("reproduces Newcombe 1998 (Statistics in Medicine 17:873–890) example 56/70 vs 48/80, method 10", () => {
		// Hybrid score interval for the difference 0.2000: 0.0524 to 0.3339.
		const result = twoProportionTest({ count: 56, n: 70 }, { count: 48, n: 80 });
		expect(result?.difference).toBeCloseTo(20, 10);
		expect(result?.ci95[0]).toBeCloseTo(5.24, 2);
		expect(result?.ci95[1]).toBeCloseTo(33.39, 2);
		// Pooled z by hand: p = 104/150, SE = √(p(1−p)(1/70 + 1/80)) = 0.075468, z = 0.2/SE = 2.6502; p = 0.00805.
		expect(result?.statistic).toBeCloseTo(2.6502, 4);
		expect(result?.pValue).toBeCloseTo(0.00805, 5);
	});
	it("p-value is in [0, 1] and the interval contains the difference", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 5000 }),
				fc.integer({ min: 1, max: 5000 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(n1, n2, s1, s2) => {
					const result = twoProportionTest(
						{ count: Math.round(s1 * n1), n: n1 },
						{ count: Math.round(s2 * n2), n: n2 },
					);
					if (!result) throw new Error("expected a result");
					expect(result.pValue).toBeGreaterThanOrEqual(0);
					expect(result.pValue).toBeLessThanOrEqual(1);
					expect(result.ci95[0]).toBeLessThanOrEqual(result.difference + 1e-9);
					expect(result.ci95[1]).toBeGreaterThanOrEqual(result.difference - 1e-9);
				},
			),
		);
	});
});

describe("npsDifferenceTest", () => {
	it("adds the two trinomial variances (hand-worked)", () => {
		// Current 300/100/100 of 500: NPS 40, Var = 0.8 − 0.16 = 0.64. Previous 200/100/100 of 400: NPS 25, Var = 0.75 − 0.0625 = 0.6875.
		// SE = 100·√(0.64/500 + 0.6875/400) = 100·√0.00299875 = 5.47608; z = 15/5.47608 = 2.73919;
		// p = 2·(1 − Φ(2.73919)) = 0.00616.
		const result = npsDifferenceTest(
			{ promoters: 300, passives: 100, detractors: 100 },
			{ promoters: 200, passives: 100, detractors: 100 },
		);
		expect(result?.difference).toBeCloseTo(15, 10);
		expect(result?.statistic).toBeCloseTo(2.73919, 4);
		expect(result?.pValue).toBeCloseTo(0.00616, 5);
		expect(result?.ci95[0]).toBeCloseTo(15 - 1.959964 * 5.47608, 3);
	});
	it("is null when a period has no responses and not significant for equal periods", () => {
		expect(
			npsDifferenceTest({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 }),
		).toBeNull();
		const same = { promoters: 40, passives: 30, detractors: 30 };
		expect(npsDifferenceTest(same, same)?.pValue).toBe(1);
	});
});
