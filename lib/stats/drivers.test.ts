// Relative weights and Shapley/LMG shares against published outputs and their defining properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeWeights, relativeWeightsFromCorrelations, shapleyR2, shapleyR2FromCorrelations } from "./drivers";
import { ols } from "./regression";

// Example of the iopsych R package's relWt (Goebl & Jones, CRAN 0.90.1), which implements Johnson (2000).
const RXX = [
	[1, 0.2, 0.3, 0.4],
	[0.2, 1, 0.5, 0.1],
	[0.3, 0.5, 1, 0.2],
	[0.4, 0.1, 0.2, 1],
];
const RXY = [-0.4, 0.1, -0.3, 0.4];

describe("relative weights (Johnson 2000)", () => {
	it("reproduces iopsych::relWt's documented example output", () => {
		const result = relativeWeightsFromCorrelations(RXX, RXY);
		const expected = [0.24066119, 0.05492664, 0.12143476, 0.28158189];
		for (const [i, w] of result.weights.entries()) expect(w).toBeCloseTo(expected[i] as number, 8);
		expect(result.r2).toBeCloseTo(
			expected.reduce((s, v) => s + v, 0),
			7,
		);
	});
	it("reproduces the npm johnsons-relative-weights README example (7 × 7 correlations, criterion first)", () => {
		const m = [
			[1.0, 0.66, 0.67, 0.54, 0.68, 0.62, 0.72],
			[0.66, 1.0, 0.58, 0.59, 0.68, 0.68, 0.56],
			[0.67, 0.58, 1.0, 0.52, 0.6, 0.62, 0.68],
			[0.54, 0.59, 0.52, 1.0, 0.52, 0.61, 0.45],
			[0.68, 0.68, 0.6, 0.52, 1.0, 0.63, 0.62],
			[0.62, 0.68, 0.62, 0.61, 0.63, 1.0, 0.57],
			[0.72, 0.56, 0.68, 0.45, 0.62, 0.57, 1.0],
		];
		const rxx = m.slice(1).map((row) => row.slice(1));
		const rxy = m.slice(1).map((row) => row[0] as number);
		const result = relativeWeightsFromCorrelations(rxx, rxy);
		expect(result.r2).toBeCloseTo(0.6620304789821244, 10);
		const expected = [
			0.10774831782516386, 0.1164837573016094, 0.06551431494877613, 0.12116711335808825, 0.08006198853448922,
			0.1710549870139989,
		];
		for (const [i, w] of result.weights.entries()) expect(w).toBeCloseTo(expected[i] as number, 10);
		expect(result.rescaled[5]).toBeCloseTo(0.258379323074365, 10);
	});
	it("equals the squared correlations for uncorrelated predictors", () => {
		const result = relativeWeightsFromCorrelations(
			[
				[1, 0],
				[0, 1],
			],
			[0.5, 0.3],
		);
		expect(result.weights[0]).toBeCloseTo(0.25, 12);
		expect(result.weights[1]).toBeCloseTo(0.09, 12);
	});
});

describe("Shapley / LMG", () => {
	it("has the closed form for two predictors: share₁ = (r₁² + R² − r₂²)/2", () => {
		const r12 = 0.4;
		const [r1, r2] = [0.5, 0.3];
		const full = (r1 * r1 + r2 * r2 - 2 * r1 * r2 * r12) / (1 - r12 * r12);
		const result = shapleyR2FromCorrelations(
			[
				[1, r12],
				[r12, 1],
			],
			[r1, r2],
		);
		expect(result.r2).toBeCloseTo(full, 12);
		expect(result.shares[0]).toBeCloseTo((r1 * r1 + full - r2 * r2) / 2, 12);
	});
	it("shares sum to R² on the iopsych example", () => {
		const result = shapleyR2FromCorrelations(RXX, RXY);
		expect(result.shares.reduce((s, v) => s + v, 0)).toBeCloseTo(relativeWeightsFromCorrelations(RXX, RXY).r2, 10);
	});
	it("refuses more than 12 predictors", () => {
		expect(() => shapleyR2([new Array(13).fill(0)], [0])).toThrow(RangeError);
	});
});

const dataset = fc
	.record({
		n: fc.integer({ min: 8, max: 60 }),
		p: fc.integer({ min: 1, max: 5 }),
		seed: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 400, maxLength: 400 }),
	})
	.map(({ n, p, seed }) => {
		const at = (i: number) => (seed[i % seed.length] as number) / 10;
		const x = Array.from({ length: n }, (_, i) =>
			Array.from({ length: p }, (__, j) => at(i * p + j) + (j > 0 ? 0.5 * at(i * p) : 0)),
		);
		const y = x.map((row, i) => row.reduce((s, v, j) => s + (j + 1) * v, 0) + at(7 * i + 3));
		return { x, y };
	});

describe("properties on raw data", () => {
	it("relative weights and Shapley shares are non-negative and sum to the OLS R²", () => {
		fc.assert(
			fc.property(dataset, ({ x, y }) => {
				const fit = ols(x, y);
				const rw = relativeWeights(x, y);
				const sh = shapleyR2(x, y);
				expect(rw.r2).toBeCloseTo(fit.r2, 6);
				expect(sh.r2).toBeCloseTo(fit.r2, 6);
				expect(sh.shares.reduce((s, v) => s + v, 0)).toBeCloseTo(fit.r2, 6);
				for (const w of rw.weights) expect(w).toBeGreaterThanOrEqual(-1e-12);
			}),
		);
	});
	it("gives constant predictors zero weight", () => {
		const x = [
			[1, 5],
			[2, 5],
			[3, 5],
			[4, 5],
		];
		const y = [2, 4, 5, 9];
		expect(relativeWeights(x, y).weights[1]).toBe(0);
		expect(shapleyR2(x, y).shares[1]).toBe(0);
	});
});
