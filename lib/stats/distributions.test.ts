// Distribution functions against published table values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from "./distributions";

describe("normal distribution", () => {
	it("matches Abramowitz & Stegun table 26.1 and R's pnorm/qnorm", () => {
		expect(normalCdf(0)).toBe(0.5);
		expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 13);
		expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 13);
		expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
		// pnorm(-8) = 6.220961e-16: the far tail keeps its relative precision.
		expect(normalCdf(-8) / 6.220960574271785e-16).toBeCloseTo(1, 9);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
		expect(normalQuantile(0.995)).toBeCloseTo(2.575829303548901, 12);
		expect(normalQuantile(0.05)).toBeCloseTo(-1.644853626951472, 12);
		expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
	});
	it("quantile inverts the CDF", () => {
		fc.assert(
			fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
				expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
			}),
		);
	});
});

describe("Student t distribution", () => {
	it("matches the t table (e.g. Abramowitz & Stegun table 26.10; R's qt)", () => {
		expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
		expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 6);
		expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032143, 6);
		expect(studentTQuantile(0.95, 30)).toBeCloseTo(1.697261, 6);
		expect(studentTQuantile(0.9995, 2)).toBeCloseTo(31.599055, 5);
		expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228139, 6);
		// Large df approaches the normal quantile.
		expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
		expect(studentTCdf(2.228139, 10)).toBeCloseTo(0.975, 6);
		// df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
		expect(studentTCdf(3, 1)).toBeCloseTo(0.5 + Math.atan(3) / Math.PI, 13);
	});
	it("quantile inverts the CDF for fractional df", () => {
		fc.assert(
			fc.property(
				fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
				fc.double({ min: 0.5, max: 500, noNaN: true }),
				(p, df) => {
					expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
				},
			),
		);
	});
});
