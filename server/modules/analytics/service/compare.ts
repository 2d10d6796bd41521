// Period-over-period comparison of one metric of two KPI summaries: the value, its sample size, the matching
// significance test from lib/stats and which way is better.
import { npsEstimate } from "../../../../lib/stats/nps";
import type { KpiSummary } from "../../../../lib/stats/summary";
import { npsDifferenceTest, type TestResult, twoProportionTest, welchTest } from "../../../../lib/stats/tests";
import type { Direction } from "../contract";

export type ComparedMetric = "nps" | "csat" | "ces" | "detractorShare" | "complaintRate" | "negativeShare";

/** Below this many answers in either period a change is reported as "insufficient", not tested. */
export const MIN_N = 10;

const LOWER_IS_BETTER = new Set<ComparedMetric>(["detractorShare", "complaintRate", "negativeShare"]);

const share = (count: number, n: number) => (n > 0 ? (100 * count) / n : null);

/** The metric's value (NPS points, percent, or CES scale points) and the answers it rests on. */
export function metricOf(s: KpiSummary, metric: ComparedMetric): { value: number | null; n: number } {
	switch (metric) {
		case "nps":
			return { value: npsEstimate(s)?.value ?? null, n: s.npsN };
		case "csat":
			return { value: share(s.csatTop2, s.csatN), n: s.csatN };
		case "ces":
			return { value: s.cesN > 0 ? s.cesSum / s.cesN : null, n: s.cesN };
		case "detractorShare":
			return { value: share(s.detractors, s.npsN), n: s.npsN };
		case "complaintRate":
			return { value: share(s.complaints, s.responses), n: s.responses };
		case "negativeShare":
			return { value: share(s.negative, s.commented), n: s.commented };
	}
}

/** Two-sample NPS difference test, two-proportion z-test, or Welch's t — null when either period is too small. */
export function testMetric(current: KpiSummary, previous: KpiSummary, metric: ComparedMetric): TestResult | null {
	if (metricOf(current, metric).n < MIN_N || metricOf(previous, metric).n < MIN_N) return null;
	return differenceTest(current, previous, metric);
}

/** current − previous with the metric's own test (NPS trinomial z-test, two-proportion z-test or Welch's t). */
export function differenceTest(current: KpiSummary, previous: KpiSummary, metric: ComparedMetric): TestResult | null {
	switch (metric) {
		case "nps":
			return npsDifferenceTest(current, previous);
		case "csat":
			return twoProportionTest(
				{ count: current.csatTop2, n: current.csatN },
				{ count: previous.csatTop2, n: previous.csatN },
			);
		case "ces":
			return welchTest(
				{ n: current.cesN, sum: current.cesSum, sumSq: current.cesSumSq },
				{ n: previous.cesN, sum: previous.cesSum, sumSq: previous.cesSumSq },
			);
		case "detractorShare":
			return twoProportionTest(
				{ count: current.detractors, n: current.npsN },
				{ count: previous.detractors, n: previous.npsN },
			);
		case "complaintRate":
			return twoProportionTest(
				{ count: current.complaints, n: current.responses },
				{ count: previous.complaints, n: previous.responses },
			);
		case "negativeShare":
			return twoProportionTest(
				{ count: current.negative, n: current.commented },
				{ count: previous.negative, n: previous.commented },
			);
	}
}

/** A change counts only when significant; then its sign and the metric's better direction decide. */
export function directionOf(metric: ComparedMetric, test: TestResult | null, significant: boolean): Direction {
	if (!test) return "insufficient";
	if (!significant || test.difference === 0) return "unchanged";
	const isUp = test.difference > 0;
	return isUp !== LOWER_IS_BETTER.has(metric) ? "improved" : "deteriorated";
}
