// The mean of a rating scale with its t-based confidence interval, from additive sums (n, Σx, Σx²).

import { studentTQuantile } from "./distributions";
import type { Interval } from "./proportion";

export type MeanKpi = { value: number; ci95: Interval; n: number; sd: number };
export type MeanSums = { n: number; sum: number; sumSq: number };

/** Sample variance from sums: (Σx² − (Σx)²/n)/(n − 1), floored at 0 against rounding. */
export function sampleVariance(s: MeanSums): number {
	if (s.n < 2) return 0;
	return Math.max(0, (s.sumSq - (s.sum * s.sum) / s.n) / (s.n - 1));
}

/**
 * Mean with the 95 % interval x̄ ± t(0.975, n−1)·s/√n. With n = 1 the interval is undefined; it is then the scale's
 * range when `range` is given (an honest "we know nothing"), else the point. The interval is clamped to `range`.
 */
export function meanEstimate(s: MeanSums, range?: Interval): MeanKpi | null {
	if (s.n <= 0) return null;
	const value = s.sum / s.n;
	const sd = Math.sqrt(sampleVariance(s));
	let ci: Interval;
	if (s.n < 2) ci = range ? [range[0], range[1]] : [value, value];
	else {
		const half = studentTQuantile(0.975, s.n - 1) * (sd / Math.sqrt(s.n));
		ci = [value - half, value + half];
	}
	if (range) ci = [Math.max(range[0], ci[0]), Math.min(range[1], ci[1])];
	return { value, ci95: ci, n: s.n, sd };
}
