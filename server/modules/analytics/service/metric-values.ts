// One metric of a KPI summary with its interval, and the matching two-period test — shared by dashboards and alerts.
import { kpisOf, shareKpi } from "../../../../lib/stats/kpis";
import type { KpiSummary } from "../../../../lib/stats/summary";
import { npsDifferenceTest, type TestResult, twoProportionTest, welchTest } from "../../../../lib/stats/tests";
import type { DashboardMetric, MetricValue } from "../contract-dashboards";

export function metricOf(summary: KpiSummary, metric: DashboardMetric): MetricValue | null {
	const kpis = kpisOf(summary);
	const pick = (k: { value: number; ci95: [number, number]; n: number } | null | undefined) =>
		k ? { value: k.value, ci95: k.ci95, n: k.n } : null;
	switch (metric) {
		case "nps":
			return pick(kpis.nps);
		case "csat":
			return pick(kpis.csat);
		case "ces":
			return pick(kpis.ces);
		case "detractorShare":
			return pick(shareKpi(summary.detractors, summary.npsN));
		case "complaintRate":
			return pick(kpis.complaintRate);
		case "negativeShare":
			return pick(kpis.sentiment?.negative);
		case "responses":
			return { value: summary.responses, ci95: null, n: summary.responses };
	}
}

/** current − previous with its test (NPS trinomial z-test, two-proportion z-test or Welch's t); null when untestable. */
export function metricTest(current: KpiSummary, previous: KpiSummary, metric: DashboardMetric): TestResult | null {
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
		case "responses":
			return null;
	}
}

/** Whether a higher value of the metric is better (detractors, complaints and negative comments are not). */
export const isHigherBetter = (metric: DashboardMetric) =>
	!["detractorShare", "complaintRate", "negativeShare"].includes(metric);

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
