// OLS against a hand-worked fit.
import { describe, expect, it } from "vitest";
import { ols } from "./regression";

describe("ols", () => {
	it("fits y = 1 + 2x₁ − x₂ exactly and a noisy line by hand", () => {
		const x = [
			[0, 0],
			[1, 0],
			[0, 1],
			[2, 3],
			[5, 1],
		];
		const exact = ols(
			x,
			x.map(([a = 0, b = 0]) => 1 + 2 * a - b),
		);
		expect(exact.intercept).toBeCloseTo(1, 10);
		expect(exact.coefficients[0]).toBeCloseTo(2, 10);
		expect(exact.coefficients[1]).toBeCloseTo(-1, 10);
		expect(exact.r2).toBeCloseTo(1, 10);
		// x = 1..5, y = 2, 4, 5, 4, 5: slope = Sxy/Sxx = 6/10 = 0.6, intercept = 4 − 0.6·3 = 2.2, R² = 3.6/6 = 0.6.
		const line = ols([[1], [2], [3], [4], [5]], [2, 4, 5, 4, 5]);
		expect(line.coefficients[0]).toBeCloseTo(0.6, 12);
		expect(line.intercept).toBeCloseTo(2.2, 12);
		expect(line.r2).toBeCloseTo(0.6, 12);
	});
	it("gives a collinear duplicate column coefficient 0 instead of failing", () => {
		const fit = ols(
			[
				[1, 2],
				[2, 4],
				[3, 6],
				[4, 8],
			],
			[1, 3, 2, 5],
		);
		expect(fit.coefficients[1]).toBe(0);
		expect(fit.r2).toBeGreaterThan(0);
	});
});
