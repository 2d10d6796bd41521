// Confidence intervals for a binomial proportion.

import { normalQuantile } from "./distributions";

export type Interval = [number, number];

/**
 * Wilson score interval (Wilson 1927; Newcombe 1998, "Two-sided confidence intervals for the single proportion",
 * Statistics in Medicine 17, method 3). Unlike the Wald interval it stays inside [0, 1] and keeps its coverage for small
 * n and proportions near 0 or 1. Returns proportions 0–1; n = 0 gives the uninformative [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
	if (n <= 0) return [0, 1];
	const z = normalQuantile(1 - (1 - confidence) / 2);
	const p = successes / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
	const lower = successes <= 0 ? 0 : Math.max(0, centre - halfWidth);
	const upper = successes >= n ? 1 : Math.min(1, centre + halfWidth);
	return [Math.min(lower, p), Math.max(upper, p)];
}
