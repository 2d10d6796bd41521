// Benjamini–Hochberg against the paper's own example.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "./multiple";

describe("benjaminiHochberg", () => {
	it("reproduces Benjamini & Hochberg 1995 §4.1: 15 p-values, q = 0.05, four rejections", () => {
		const p = [
			0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
		];
		const result = benjaminiHochberg(p, 0.05);
		expect(result.rejected.filter(Boolean)).toHaveLength(4);
		expect(result.rejected.slice(0, 4)).toEqual([true, true, true, true]);
		// R p.adjust(p, "BH"): 0.0015, 0.0030, 0.0095, 0.035625, 0.0603, 0.063857…, 0.063857…, 0.0645, 0.0765, 0.486, …
		expect(result.adjusted[0]).toBeCloseTo(0.0015, 12);
		expect(result.adjusted[3]).toBeCloseTo(0.035625, 12);
		expect(result.adjusted[5]).toBeCloseTo(0.0298 * (15 / 7), 12);
		expect(result.adjusted[14]).toBe(1);
	});
	it("keeps input order, adjusted ≥ raw, monotone in the raw p", () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (p) => {
				const { adjusted } = benjaminiHochberg(p);
				p.forEach((raw, i) => {
					expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
					expect(adjusted[i]).toBeLessThanOrEqual(1);
					p.forEach((other, j) => {
						if (raw <= other) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j] as number);
					});
				});
			}),
		);
	});
});
