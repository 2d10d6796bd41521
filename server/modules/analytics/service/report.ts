// The KPI report of GET /analytics/kpis: the period's KPIs with intervals, a series, the previous period of the
// same length and the period-over-period tests.
import { type Kpis, kpisOf, shareKpi } from "../../../../lib/stats/kpis";
import { emptySummary, type KpiSummary, mergeSummaries } from "../../../../lib/stats/summary";
import { twoProportionTest } from "../../../../lib/stats/tests";
import type { Ctx } from "../../../platform/context";
import type { ChangeTestView, Interval, KpiQuery, KpiReportView, SeriesPointView } from "../contract";
import { type ComparedMetric, directionOf, MIN_N, testMetric } from "./compare";
import { kickAnalyticsRollupFor } from "./freshness";
import { seriesWithPreviousIn } from "./kpis";
import { type InvitationCounts, invitationCountsOf } from "./response-rate";
import { addDays, dateOfDay, daysBetween, type KpiFilter, resolveDays, resolveFilter } from "./scope";

const ALPHA = 0.05;

export function defaultInterval(days: number): Interval {
	if (days <= 62) return "day";
	if (days <= 400) return "week";
	return "month";
}

const point = (k: { value: number; ci95: [number, number]; n: number } | null) =>
	k ? { value: k.value, ci95: k.ci95, n: k.n } : null;

function seriesPoint(start: string, summary: KpiSummary): SeriesPointView {
	const k = kpisOf(summary);
	return {
		start,
		responses: summary.responses,
		nps: point(k.nps),
		csat: point(k.csat),
		ces: point(k.ces),
		negativeShare: point(k.sentiment?.negative ?? null),
		complaintRate: point(k.complaintRate),
	};
}

const kpiView = (k: Kpis) => ({
	responses: k.responses,
	nps: k.nps,
	csat: k.csat,
	ces: k.ces,
	sentiment: k.sentiment,
	complaintRate: k.complaintRate,
});

function rateOf(counts: InvitationCounts) {
	const share = shareKpi(counts.responded, counts.sent);
	return share ? { ...share, sent: counts.sent, responded: counts.responded } : null;
}

function changeOf(current: KpiSummary, previous: KpiSummary, metric: ComparedMetric): ChangeTestView | null {
	const test = testMetric(current, previous, metric);
	if (!test) return null;
	const significant = test.pValue < ALPHA;
	return { ...test, significant, direction: directionOf(metric, test, significant) };
}

export async function getKpiReport(ctx: Ctx, query: KpiQuery): Promise<KpiReportView> {
	const { from, to } = await resolveDays(ctx, query);
	const length = daysBetween(from, to);
	const previousTo = addDays(from, -1);
	const previousFrom = addDays(from, -length);
	const interval = query.interval ?? defaultInterval(length);
	const base: KpiFilter = {
		from: dateOfDay(from),
		to: dateOfDay(to),
		...(query.touchpointId ? { touchpointIds: [query.touchpointId] } : {}),
		...(query.stageId ? { stageId: query.stageId } : {}),
		...(query.journeyId ? { journeyId: query.journeyId } : {}),
		...(query.surveyId ? { surveyId: query.surveyId } : {}),
		...(query.channel ? { channel: query.channel } : {}),
		...(query.language ? { language: query.language } : {}),
		audience: query.audience,
	};
	const filter = await resolveFilter(ctx, base);
	kickAnalyticsRollupFor(ctx);
	const previousFilter = { ...filter, from: dateOfDay(previousFrom), to: dateOfDay(previousTo) };
	const { series, previous } = await seriesWithPreviousIn(ctx, filter, interval, dateOfDay(previousFrom));
	const current = series.reduce((sum, bucket) => mergeSummaries(sum, bucket.summary), emptySummary());
	const invitations = await invitationCountsOf(ctx, filter);
	const previousInvitations = await invitationCountsOf(ctx, previousFilter);
	const rateTest =
		invitations.sent >= MIN_N && previousInvitations.sent >= MIN_N
			? twoProportionTest(
					{ count: invitations.responded, n: invitations.sent },
					{ count: previousInvitations.responded, n: previousInvitations.sent },
				)
			: null;
	const rateSignificant = rateTest !== null && rateTest.pValue < ALPHA;
	return {
		from,
		to,
		interval,
		...kpiView(kpisOf(current)),
		responseRate: rateOf(invitations),
		series: series.map((s) => seriesPoint(s.start, s.summary)),
		previous: {
			from: previousFrom,
			to: previousTo,
			...kpiView(kpisOf(previous)),
			responseRate: rateOf(previousInvitations),
		},
		changes: {
			nps: changeOf(current, previous, "nps"),
			csat: changeOf(current, previous, "csat"),
			ces: changeOf(current, previous, "ces"),
			negativeShare: changeOf(current, previous, "negativeShare"),
			complaintRate: changeOf(current, previous, "complaintRate"),
			responseRate: rateTest
				? {
						...rateTest,
						significant: rateSignificant,
						direction: rateSignificant ? (rateTest.difference > 0 ? "improved" : "deteriorated") : "unchanged",
					}
				: null,
		},
	};
}
