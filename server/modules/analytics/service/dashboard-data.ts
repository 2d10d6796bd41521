// Resolves every widget of a dashboard to its data in one call (from rollups through the KPI services), for the
// app and for read-only share links alike. One failing widget answers its own error instead of failing the rest.
import { benjaminiHochberg } from "../../../../lib/stats/multiple";
import { emptySummary } from "../../../../lib/stats/summary";
import type { Ctx } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { findJourneys, getJourney } from "../../journey/service/journeys";
import { loadTaxonomy } from "../../text/service/taxonomy";
import type { JourneyMapQuery } from "../contract";
import type { DashboardDataView, DashboardMetric, Widget, WidgetData, WidgetFilter } from "../contract-dashboards";
import { findAlertedTouchpoints, findOpenAlertsForWidget } from "./alerts";
import { resolveCaseMetricsWidget } from "./dashboard-case-metrics";
import { type DashboardRow, readableWidgets } from "./dashboards";
import { getJourneyMap, indexOf } from "./journey-map";
import { type KpiFilter, seriesOf, summariesByTouchpoint, summaryOf } from "./kpis";
import { isHigherBetter, metricOf, metricTest, round } from "./metric-values";
import { themeCounts } from "./themes";

const DAY_MS = 86_400_000;
type Period = { from: Date; to: Date };

/** The last `days` days up to today and the equal period before it (inclusive days, as KpiFilter takes them). */
export function periodsOf(now: Date, days: number): { current: Period; previous: Period } {
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
	return { current: { from: at(days - 1), to: now }, previous: { from: at(2 * days - 1), to: at(days) } };
}

const filterOf = (period: Period, filter: WidgetFilter = {}): KpiFilter => ({ ...period, ...filter });

/** Memoises the KPI service calls of one resolution: several widgets often ask for the same period. */
function memo(ctx: Ctx) {
	const cache = new Map<string, Promise<unknown>>();
	const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
		let hit = cache.get(key) as Promise<T> | undefined;
		if (!hit) {
			hit = load();
			cache.set(key, hit);
		}
		return hit;
	};
	return {
		summary: (f: KpiFilter) => once(`s${JSON.stringify(f)}`, () => summaryOf(ctx, f)),
		byTouchpoint: (f: KpiFilter) => once(`t${JSON.stringify(f)}`, () => summariesByTouchpoint(ctx, f)),
		series: (f: KpiFilter, interval: "day" | "week" | "month") =>
			once(`i${interval}${JSON.stringify(f)}`, () => seriesOf(ctx, f, interval)),
		journey: (id: string | undefined) => once(`j${id}`, () => journeyOf(ctx, id)),
		alerted: () => once("alerted", () => findAlertedTouchpoints(ctx)),
		journeyMap: (q: JourneyMapQuery) => once(`m${JSON.stringify(q)}`, () => getJourneyMap(ctx, q)),
	};
}
type Loader = ReturnType<typeof memo>;

/** The given journey, or the organization's largest one. */
async function journeyOf(ctx: Ctx, id: string | undefined) {
	if (id) return getJourney(ctx, id);
	const page = await findJourneys(ctx, { limit: 20 });
	const largest = [...page.items].sort((a, b) => b.touchpointCount - a.touchpointCount)[0];
	return largest ? getJourney(ctx, largest.id) : null;
}

export async function resolveDashboardData(ctx: Ctx, dashboard: DashboardRow): Promise<DashboardDataView> {
	const load = memo(ctx);
	const widgets = readableWidgets(dashboard.widgets);
	const data: DashboardDataView["data"] = {};
	for (const widget of widgets) {
		try {
			data[widget.id] = await resolveWidget(ctx, load, widget);
		} catch (error) {
			ctx.log.warn({ err: error, widget: widget.id }, "dashboard widget failed");
			data[widget.id] = { error: error instanceof AppError ? error.message : "This widget could not be computed" };
		}
	}
	return { name: dashboard.name, isDefault: dashboard.isDefault, generatedAt: ctx.now.toISOString(), widgets, data };
}

async function resolveWidget(ctx: Ctx, load: Loader, widget: Widget): Promise<WidgetData> {
	switch (widget.kind) {
		case "kpi": {
			const { current, previous } = periodsOf(ctx.now, widget.periodDays);
			const [now, before] = await Promise.all([
				load.summary(filterOf(current, widget.filter)),
				load.summary(filterOf(previous, widget.filter)),
			]);
			const value = metricOf(now, widget.metric);
			const test = metricTest(now, before, widget.metric);
			const target = widget.target ?? null;
			return {
				kind: "kpi",
				current: value,
				previous: metricOf(before, widget.metric),
				difference: test ? test.difference : null,
				pValue: test ? test.pValue : null,
				target,
				isTargetMet:
					target === null || !value
						? null
						: isHigherBetter(widget.metric)
							? value.value >= target
							: value.value <= target,
			};
		}
		case "series": {
			const { current } = periodsOf(ctx.now, widget.periodDays);
			const points = await load.series(filterOf(current, widget.filter), widget.interval);
			return {
				kind: "series",
				points: points.map((p) => {
					const value = metricOf(p.summary, widget.metric);
					return { start: p.start, value: value?.value ?? null, ci95: value?.ci95 ?? null, n: value?.n ?? 0 };
				}),
				target: widget.target ?? null,
			};
		}
		case "volume": {
			const { current } = periodsOf(ctx.now, widget.periodDays);
			const points = await load.series(filterOf(current, widget.filter), widget.interval);
			return {
				kind: "volume",
				total: points.reduce((sum, p) => sum + p.summary.responses, 0),
				points: points.map((p) => ({ start: p.start, responses: p.summary.responses })),
			};
		}
		case "journey_heatmap":
			return journeyHeatmap(ctx, load, widget);
		case "pain_points":
			return painPoints(ctx, load, widget);
		case "alerts":
			return findOpenAlertsForWidget(ctx, widget.limit);
		case "themes": {
			const { current } = periodsOf(ctx.now, widget.periodDays);
			const [counts, taxonomy] = await Promise.all([
				themeCounts(ctx, { ...current, touchpointIds: widget.touchpointIds }),
				loadTaxonomy(ctx.db, ctx.organizationId),
			]);
			const byTheme = new Map<string, { count: number; negative: number }>();
			for (const row of counts) {
				const sum = byTheme.get(row.theme) ?? { count: 0, negative: 0 };
				sum.count += row.count;
				sum.negative += row.negative;
				byTheme.set(row.theme, sum);
			}
			const labels = new Map(taxonomy.themes.map((t) => [t.id, t.label]));
			return {
				kind: "themes",
				items: [...byTheme]
					.sort((a, b) => b[1].negative - a[1].negative || b[1].count - a[1].count)
					.slice(0, widget.limit)
					.map(([theme, sum]) => ({ theme, label: labels.get(theme) ?? { de: theme, en: theme }, ...sum })),
			};
		}
		case "case_metrics":
			return resolveCaseMetricsWidget(ctx, widget);
	}
}

async function journeyHeatmap(
	ctx: Ctx,
	load: Loader,
	widget: Extract<Widget, { kind: "journey_heatmap" }>,
): Promise<WidgetData> {
	if (widget.metric === "score") return scoreHeatmap(ctx, load, widget);
	const journey = await load.journey(widget.journeyId);
	if (!journey) return { kind: "journey_heatmap", journeyName: null, stages: [] };
	const metric = widget.metric;
	const { current, previous } = periodsOf(ctx.now, widget.periodDays);
	const [now, before, alerted] = await Promise.all([
		load.byTouchpoint({ ...current, journeyId: journey.id }),
		load.byTouchpoint({ ...previous, journeyId: journey.id }),
		load.alerted(),
	]);
	const cells = journey.stages.flatMap((stage) =>
		stage.touchpoints.map((touchpoint) => {
			const summary = now.get(touchpoint.id) ?? emptySummary();
			const test = metricTest(summary, before.get(touchpoint.id) ?? emptySummary(), metric);
			return { stageId: stage.id, touchpoint, value: metricOf(summary, metric), test };
		}),
	);
	// Benjamini–Hochberg across the touchpoints tested, so that 24 touchpoints do not make noise look like change.
	const tested = cells.filter((c) => c.value && c.test);
	const { rejected } = benjaminiHochberg(tested.map((c) => c.test?.pValue ?? 1));
	const significant = new Set(tested.filter((_, i) => rejected[i]).map((c) => c.touchpoint.id));
	const higherIsBetter = isHigherBetter(metric);
	return {
		kind: "journey_heatmap",
		journeyName: journey.name,
		stages: journey.stages.map((stage) => ({
			name: stage.name,
			touchpoints: cells
				.filter((c) => c.stageId === stage.id)
				.map((c) => {
					const difference = c.value && c.test ? round(c.test.difference) : null;
					const isSignificant = significant.has(c.touchpoint.id);
					const isUp = (difference ?? 0) > 0;
					return {
						touchpointId: c.touchpoint.id,
						name: c.touchpoint.name,
						metric: c.value ? metric : null,
						index: c.value ? indexOfMetric(metric, c.value.value) : null,
						current: c.value ? { ...c.value, value: round(c.value.value) } : null,
						difference,
						pValue: c.value && c.test ? c.test.pValue : null,
						isSignificant,
						direction: !isSignificant || difference === 0 ? "none" : isUp === higherIsBetter ? "better" : "worse",
						alert: alerted.get(c.touchpoint.id) ?? null,
					};
				}),
		})),
	};
}

/** A −100…100 colouring index: NPS as is, CES and CSAT as the journey map puts them, shares of bad things reversed. */
function indexOfMetric(metric: DashboardMetric, value: number): number {
	if (metric === "nps") return value;
	if (metric === "csat" || metric === "ces") return indexOf(metric, value);
	return 100 - 2 * value;
}

/** The journey map's own view of the period: main score per touchpoint, BH-controlled trend, pain points. */
function journeyMapOf(ctx: Ctx, load: Loader, journeyId: string | undefined, periodDays: number) {
	const { current } = periodsOf(ctx.now, periodDays);
	const day = (d: Date) => d.toISOString().slice(0, 10);
	return load.journeyMap({ journeyId, from: day(current.from), to: day(current.to) });
}

async function scoreHeatmap(
	ctx: Ctx,
	load: Loader,
	widget: Extract<Widget, { kind: "journey_heatmap" }>,
): Promise<WidgetData> {
	const [map, alerted] = await Promise.all([
		journeyMapOf(ctx, load, widget.journeyId, widget.periodDays),
		load.alerted(),
	]);
	return {
		kind: "journey_heatmap",
		journeyName: map.journey.name,
		stages: map.stages.map((stage) => ({
			name: stage.name,
			touchpoints: stage.touchpoints.map((t) => {
				const isSignificant = t.trend?.significant ?? false;
				const direction =
					t.trend && isSignificant
						? t.trend.direction === "improved"
							? "better"
							: t.trend.direction === "deteriorated"
								? "worse"
								: "none"
						: "none";
				return {
					touchpointId: t.id,
					name: t.name,
					metric: t.score?.metric ?? null,
					index: t.score ? round(t.score.index) : null,
					current: t.score ? { value: round(t.score.value, 2), ci95: t.score.ci95, n: t.score.n } : null,
					difference: t.trend?.difference == null ? null : round(t.trend.difference),
					pValue: t.trend?.pValue ?? null,
					isSignificant,
					direction,
					alert: alerted.get(t.id) ?? null,
				};
			}),
		})),
	};
}

async function painPoints(
	ctx: Ctx,
	load: Loader,
	widget: Extract<Widget, { kind: "pain_points" }>,
): Promise<WidgetData> {
	const [map, taxonomy] = await Promise.all([
		journeyMapOf(ctx, load, widget.journeyId, widget.periodDays),
		loadTaxonomy(ctx.db, ctx.organizationId),
	]);
	const labels = new Map(taxonomy.themes.map((t) => [t.id, t.label]));
	return {
		kind: "pain_points",
		journeyName: map.journey.name,
		items: map.painPoints.slice(0, widget.limit).map((p) => ({
			touchpointId: p.touchpointId,
			name: p.touchpointName,
			stage: p.stageName,
			metric: p.metric,
			value: round(p.value, 2),
			journeyAverage: round(p.journeyAverage, 2),
			gap: round(p.gap),
			affected: p.affected,
			impact: Math.round(p.impact),
			isSignificant: p.significant,
			topThemes: p.topNegativeThemes.map((t) => ({
				theme: t.theme,
				label: labels.get(t.theme) ?? { de: t.theme, en: t.theme },
				negative: t.negative,
			})),
		})),
	};
}
