// Pairwise-complete correlations and the positive semi-definite repair.
import { describe, expect, it } from "vitest";
import { symmetricEigen } from "./drivers";
import { nearestCorrelation, pairwiseCorrelations } from "./pairwise";

describe("pairwiseCorrelations", () => {
	it("uses only the observations where both values exist", () => {
		// x1 and y are perfectly related where both exist; the row with y missing would break that if used.
		const x1 = [1, 2, 3, 4, 100];
		const x2 = [2, 1, 4, 3, null];
		const y = [10, 20, 30, 40, null];
		const result = pairwiseCorrelations([x1, x2], y);
		expect(result.rxy[0]).toBeCloseTo(1, 12);
		expect(result.nWithY).toEqual([4, 4]);
		// x2 against y on 4 rows (hand-worked): Sxy = 30, Sxx = 5, Syy = 500, r = 30/√2500 = 0.6.
		expect(result.rxy[1]).toBeCloseTo(0.6, 12);
		expect(result.pairs[0]?.[1]).toBe(4);
	});
});

describe("nearestCorrelation", () => {
	it("repairs an impossible matrix and leaves a valid one alone", () => {
		const impossible = [
			[1, 0.9, -0.9],
			[0.9, 1, 0.9],
			[-0.9, 0.9, 1],
		];
		const repaired = nearestCorrelation(impossible);
		expect(Math.min(...symmetricEigen(repaired).values)).toBeGreaterThan(-1e-10);
		for (let i = 0; i < 3; i++) expect(repaired[i]?.[i]).toBeCloseTo(1, 12);
		const valid = [
			[1, 0.3],
			[0.3, 1],
		];
		expect(nearestCorrelation(valid)).toBe(valid);
	});
});
