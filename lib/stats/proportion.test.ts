// Wilson interval against Newcombe (1998) table I.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./proportion";

describe("wilsonInterval", () => {
	it("reproduces Newcombe 1998 (Statistics in Medicine 17:857–872) table I, method 3", () => {
		const cases: [number, number, number, number][] = [
			[81, 263, 0.2553, 0.3662],
			[15, 148, 0.0624, 0.1605],
			[0, 20, 0, 0.1611],
			[1, 29, 0.0061, 0.1718],
		];
		for (const [successes, n, lower, upper] of cases) {
			const [l, u] = wilsonInterval(successes, n);
			expect(l).toBeCloseTo(lower, 4);
			expect(u).toBeCloseTo(upper, 4);
		}
	});
	it("is uninformative without data", () => {
		expect(wilsonInterval(0, 0)).toEqual([0, 1]);
	});
	it("lies in [0, 1] and contains the estimate", () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
				const successes = Math.round(share * n);
				const [l, u] = wilsonInterval(successes, n);
				expect(l).toBeGreaterThanOrEqual(0);
				expect(u).toBeLessThanOrEqual(1);
				expect(l).toBeLessThanOrEqual(successes / n);
				expect(u).toBeGreaterThanOrEqual(successes / n);
			}),
		);
	});
});
