// Touchpoint changes between two periods: one test per touchpoint, Benjamini–Hochberg across the touchpoints
// (false discovery rate 5 %), improvements and deteriorations marked only when significant after that control.
import { benjaminiHochberg } from "../../../../lib/stats/multiple";
import { emptySummary, type KpiSummary } from "../../../../lib/stats/summary";
import type { Ctx } from "../../../platform/context";
import type { ChangeMetric, ChangesQuery, ChangesView, TouchpointChangeView } from "../contract";
import { directionOf, metricOf, testMetric } from "./compare";
import { kickAnalyticsRollupFor } from "./freshness";
import { summariesByTouchpoint } from "./kpis";
import { addDays, dateOfDay, dayOf, daysBetween, findJourneyDetails, resolveDays } from "./scope";

export type ChangeQuery = {
	from: Date;
	to: Date;
	metric: ChangeMetric;
	previousFrom?: Date;
	previousTo?: Date;
	/** Limit to these touchpoints (the family BH controls over); all of the organization's by default. */
	touchpointIds?: string[];
	audience?: "customer" | "employee";
};

/** The period of equal length just before [from, to]. */
export function previousPeriod(from: Date, to: Date): { from: Date; to: Date } {
	const length = daysBetween(dayOf(from), dayOf(to));
	return { from: dateOfDay(addDays(dayOf(from), -length)), to: dateOfDay(addDays(dayOf(from), -1)) };
}

export async function findTouchpointChanges(ctx: Ctx, q: ChangeQuery): Promise<TouchpointChangeView[]> {
	const previous =
		q.previousFrom && q.previousTo ? { from: q.previousFrom, to: q.previousTo } : previousPeriod(q.from, q.to);
	const scope = { audience: q.audience ?? "customer", ...(q.touchpointIds ? { touchpointIds: q.touchpointIds } : {}) };
	const current = await summariesByTouchpoint(ctx, { from: q.from, to: q.to, ...scope });
	const before = await summariesByTouchpoint(ctx, { ...previous, ...scope });
	const places = new Map<string, { name: string; stageId: string }>();
	for (const journey of await findJourneyDetails(ctx)) {
		for (const stage of journey.stages)
			for (const t of stage.touchpoints) places.set(t.id, { name: t.name, stageId: stage.id });
	}
	const ids = [...new Set([...current.keys(), ...before.keys()])].filter((id) => places.has(id));
	const views = compareTouchpoints(
		ids.map((id) => ({
			id,
			name: places.get(id)?.name ?? "",
			stageId: places.get(id)?.stageId ?? null,
			metric: q.metric,
			current: current.get(id) ?? emptySummary(),
			previous: before.get(id) ?? emptySummary(),
		})),
	);
	return views
		.filter((view) => view.currentN + view.previousN > 0)
		.sort(
			(a, b) =>
				Number(b.significant) - Number(a.significant) || Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0),
		);
}

export type TouchpointComparison = {
	id: string;
	name: string;
	stageId: string | null;
	metric: ChangeMetric;
	current: KpiSummary;
	previous: KpiSummary;
};

/** Tests each touchpoint's metric and controls the false discovery rate over all of them (BH, q = 0.05). */
export function compareTouchpoints(items: TouchpointComparison[]): TouchpointChangeView[] {
	const tested = items.map((item) => ({ ...item, test: testMetric(item.current, item.previous, item.metric) }));
	const withTest = tested.filter((t) => t.test !== null);
	const bh = benjaminiHochberg(withTest.map((t) => t.test?.pValue ?? 1));
	const control = new Map(
		withTest.map((t, i) => [t.id, { q: bh.adjusted[i] ?? 1, rejected: bh.rejected[i] === true }]),
	);
	return tested.map(({ id, name, stageId, metric, current, previous, test }): TouchpointChangeView => {
		const adjusted = control.get(id);
		const significant = adjusted?.rejected ?? false;
		const now = metricOf(current, metric);
		const then = metricOf(previous, metric);
		return {
			touchpointId: id,
			touchpointName: name,
			stageId,
			metric,
			current: now.value,
			previous: then.value,
			currentN: now.n,
			previousN: then.n,
			difference: test?.difference ?? null,
			ci95: test?.ci95 ?? null,
			pValue: test?.pValue ?? null,
			qValue: adjusted?.q ?? null,
			significant,
			direction: directionOf(metric, test, significant),
		};
	});
}

/** GET /analytics/changes: the default periods resolved, then findTouchpointChanges. */
export async function getTouchpointChanges(ctx: Ctx, query: ChangesQuery): Promise<ChangesView> {
	const { from, to } = await resolveDays(ctx, query);
	const previousTo = query.previousTo ?? addDays(from, -1);
	const previousFrom = query.previousFrom ?? addDays(from, -daysBetween(from, to));
	kickAnalyticsRollupFor(ctx);
	const touchpoints = await findTouchpointChanges(ctx, {
		from: dateOfDay(from),
		to: dateOfDay(to),
		metric: query.metric,
		previousFrom: dateOfDay(previousFrom),
		previousTo: dateOfDay(previousTo),
		audience: query.audience,
	});
	return { from, to, previousFrom, previousTo, metric: query.metric, touchpoints };
}
