// One metric of a KPI summary with its interval, and the matching two-period test — shared by dashboards and alerts.
import { kpisOf, shareKpi } from "../../../../lib/stats/kpis";
import type { KpiSummary } from "../../../../lib/stats/summary";
import type { TestResult } from "../../../../lib/stats/tests";
import type { DashboardMetric, MetricValue } from "../contract-dashboards";
import { differenceTest } from "./compare";

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

/** current − previous with its test (see `differenceTest`); the response count is not tested. */
export function metricTest(current: KpiSummary, previous: KpiSummary, metric: DashboardMetric): TestResult | null {
	return metric === "responses" ? null : differenceTest(current, previous, metric);
}

/** Whether a higher value of the metric is better (detractors, complaints and negative comments are not). */
export const isHigherBetter = (metric: DashboardMetric) =>
	!["detractorShare", "complaintRate", "negativeShare"].includes(metric);

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
