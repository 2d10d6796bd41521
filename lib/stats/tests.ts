// Two-period significance tests: NPS difference, two proportions, two means (Welch).

import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from "./distributions";
import { type MeanSums, sampleVariance } from "./mean";
import { type NpsCounts, npsUnitVariance } from "./nps";
import { type Interval, wilsonInterval } from "./proportion";

export type TestResult = { difference: number; ci95: Interval; statistic: number; pValue: number; df?: number };

/** z (or t) statistic; a zero standard error gives 0 for no difference and the largest finite value otherwise (JSON-safe). */
function ratio(difference: number, se: number): number {
	if (se > 0) return difference / se;
	return difference === 0 ? 0 : Math.sign(difference) * Number.MAX_VALUE;
}

function twoSidedNormalP(z: number): number {
	return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/**
 * Difference of two independent NPS (current − previous, in points) as a z-test whose variance is the sum of each
 * period's trinomial variance (pP + pD − (pP − pD)²)/n (Rocks 2016, §2; the variance of a difference of independent
 * means). The interval is the Wald interval on the same variance.
 */
export function npsDifferenceTest(current: NpsCounts, previous: NpsCounts): TestResult | null {
	const n1 = current.promoters + current.passives + current.detractors;
	const n2 = previous.promoters + previous.passives + previous.detractors;
	if (n1 <= 0 || n2 <= 0) return null;
	const p1 = current.promoters / n1;
	const d1 = current.detractors / n1;
	const p2 = previous.promoters / n2;
	const d2 = previous.detractors / n2;
	const difference = 100 * (p1 - d1 - (p2 - d2));
	const se = 100 * Math.sqrt(npsUnitVariance(p1, d1) / n1 + npsUnitVariance(p2, d2) / n2);
	const z = normalQuantile(0.975);
	const statistic = ratio(difference, se);
	return {
		difference,
		ci95: [Math.max(-200, difference - z * se), Math.min(200, difference + z * se)],
		statistic,
		pValue: twoSidedNormalP(statistic),
	};
}

/**
 * Two-proportion z-test with the pooled standard error (the textbook test, equivalent to Pearson's χ² without continuity
 * correction); difference and interval in percentage points. The interval is Newcombe's hybrid score interval
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions", Statistics in Medicine 17,
 * method 10), built from the two Wilson intervals, which behaves for small counts where the Wald interval does not.
 */
export function twoProportionTest(
	current: { count: number; n: number },
	previous: { count: number; n: number },
): TestResult | null {
	if (current.n <= 0 || previous.n <= 0) return null;
	const p1 = current.count / current.n;
	const p2 = previous.count / previous.n;
	const pooled = (current.count + previous.count) / (current.n + previous.n);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / current.n + 1 / previous.n));
	const statistic = ratio(p1 - p2, se);
	const [l1, u1] = wilsonInterval(current.count, current.n);
	const [l2, u2] = wilsonInterval(previous.count, previous.n);
	const difference = p1 - p2;
	const lower = difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
	const upper = difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
	return {
		difference: 100 * difference,
		ci95: [100 * lower, 100 * upper],
		statistic,
		pValue: twoSidedNormalP(statistic),
	};
}

/**
 * Welch's t-test for a difference of means without assuming equal variances (Welch 1947), with the Welch–Satterthwaite
 * degrees of freedom ν = (v1 + v2)² / (v1²/(n1−1) + v2²/(n2−1)), vi = si²/ni. Needs n ≥ 2 in both periods.
 */
export function welchTest(current: MeanSums, previous: MeanSums): TestResult | null {
	if (current.n < 2 || previous.n < 2) return null;
	const v1 = sampleVariance(current) / current.n;
	const v2 = sampleVariance(previous) / previous.n;
	const difference = current.sum / current.n - previous.sum / previous.n;
	const se = Math.sqrt(v1 + v2);
	const df =
		se > 0 ? (v1 + v2) ** 2 / (v1 ** 2 / (current.n - 1) + v2 ** 2 / (previous.n - 1)) : current.n + previous.n - 2;
	const statistic = ratio(difference, se);
	const half = studentTQuantile(0.975, df) * se;
	return {
		difference,
		ci95: [difference - half, difference + half],
		statistic,
		pValue: Math.min(1, 2 * studentTCdf(-Math.abs(statistic), df)),
		df,
	};
}
