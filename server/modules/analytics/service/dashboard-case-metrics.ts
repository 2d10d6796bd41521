// The case_metrics widget: the closed-loop figures of the cases module (its metrics service, never its tables) for
// cases created in the widget's period, with the inbox's open and overdue counts now.
import type { Ctx } from "../../../platform/context";
import type { RateView } from "../../cases/contract-loop";
import { countOpenAndOverdueCases, getCaseMetrics } from "../../cases/service/metrics";
import { CASE_SLA_TARGET_PERCENT, type MetricValue, type Widget, type WidgetData } from "../contract-dashboards";
import { round } from "./metric-values";

const DAY_MS = 86_400_000;

/** A rate as a percentage with its Wilson interval, as the dashboard shows shares. */
function percentOf(rate: RateView): MetricValue | null {
	if (rate.rate === null) return null;
	return {
		value: round(100 * rate.rate),
		ci95: rate.interval ? [round(100 * rate.interval[0]), round(100 * rate.interval[1])] : null,
		n: rate.n,
	};
}

/**
 * Share links show this widget too: everything in it is an organization-wide aggregate (counts, rates, a median),
 * no case ids, subjects or customers — the same kind of figure as an NPS card on a shared dashboard.
 */
export async function resolveCaseMetricsWidget(
	ctx: Ctx,
	widget: Extract<Widget, { kind: "case_metrics" }>,
): Promise<WidgetData> {
	// [now − periodDays, now), as the inbox's metrics page asks for "the last N days".
	const from = new Date(ctx.now.getTime() - widget.periodDays * DAY_MS).toISOString();
	const [metrics, counts] = await Promise.all([
		getCaseMetrics(ctx, { from, to: ctx.now.toISOString() }),
		countOpenAndOverdueCases(ctx),
	]);
	const median = metrics.firstResponse.medianBusinessMinutes;
	return {
		kind: "case_metrics",
		caseCount: metrics.caseCount,
		openCount: counts.openCount,
		overdueCount: counts.overdueCount,
		slaFirstResponse: percentOf(metrics.slaFirstResponse),
		slaResolution: percentOf(metrics.slaResolution),
		slaTarget: CASE_SLA_TARGET_PERCENT,
		medianFirstResponseBusinessMinutes: median === null ? null : Math.round(median),
		closedLoop: percentOf(metrics.closedLoop),
		followUpSolved: percentOf(metrics.followUpSolved),
	};
}
