// The journey map: stages × touchpoints with KPIs, volume, trend against the previous period (BH-controlled),
// top negative themes and behaviour signals, and the pain points ranked by impact. Reads rollups only.
import { kpisOf } from "../../../../lib/stats/kpis";
import { emptySummary, type KpiSummary, mergeSummaries } from "../../../../lib/stats/summary";
import type { Ctx } from "../../../platform/context";
import { notFound } from "../../../platform/errors";
import { findTouchpointBehaviourSignals } from "../../events/service/slow-pages";
import type { JourneyDetailView } from "../../journey/contract";
import { getJourneyDetail } from "../../journey/service/load";
import type {
	JourneyMapQuery,
	JourneyMapView,
	JourneyTouchpointView,
	PainPointView,
	ScoreMetric,
	TouchpointScoreView,
} from "../contract";
import { compareTouchpoints } from "./changes";
import { metricOf } from "./compare";
import { kickAnalyticsRollupFor } from "./freshness";
import { touchpointSummariesWithPreviousIn } from "./kpis";
import { addDays, dateOfDay, daysBetween, findJourneyDetails, resolveDays } from "./scope";
import { type ThemeCount, themeCounts } from "./themes";

const TOP_THEMES = 3;
const MAX_PAIN_POINTS = 10;
/** The behaviour reports reach back at most this far (events module's MAX_REPORT_DAYS). */
const BEHAVIOUR_DAYS = 400;

/** A score on the common −100…100 scale (see TouchpointScoreView.index). */
export function indexOf(metric: ScoreMetric, value: number): number {
	if (metric === "nps") return value;
	if (metric === "csat") return 2 * value - 100;
	return ((value - 4) * 100) / 3;
}

/** The touchpoint's main score: the metric most of its answers carry. */
export function scoreOf(summary: KpiSummary): TouchpointScoreView | null {
	const k = kpisOf(summary);
	const candidates = [
		k.nps ? { metric: "nps" as const, value: k.nps.value, ci95: k.nps.ci95, n: k.nps.n } : null,
		k.csat ? { metric: "csat" as const, value: k.csat.value, ci95: k.csat.ci95, n: k.csat.n } : null,
		k.ces ? { metric: "ces" as const, value: k.ces.value, ci95: k.ces.ci95, n: k.ces.n } : null,
	].filter((c) => c !== null);
	const best = candidates.sort((a, b) => b.n - a.n)[0];
	return best ? { ...best, index: indexOf(best.metric, best.value) } : null;
}

function topNegative(themes: ThemeCount[]) {
	return themes
		.filter((t) => t.negative > 0)
		.sort((a, b) => b.negative - a.negative || b.count - a.count)
		.slice(0, TOP_THEMES)
		.map((t) => ({ theme: t.theme, count: t.count, negative: t.negative }));
}

async function journeyOf(ctx: Ctx, journeyId: string | undefined): Promise<JourneyDetailView> {
	if (journeyId) return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
	const [first] = await findJourneyDetails(ctx);
	if (!first) throw notFound("Journey");
	return first;
}

/**
 * Pain points: impact = affected × gap / 100, with gap = journey average − touchpoint score of the touchpoint's
 * main metric in index points and affected = the answers carrying that score — "how many customers × how much
 * worse than the journey average". Significant when the touchpoint's whole 95 % interval lies below the average.
 */
export function painPointsOf(
	touchpoints: (JourneyTouchpointView & { stageId: string; stageName: string })[],
	averages: Record<ScoreMetric, number | null>,
): PainPointView[] {
	const points: PainPointView[] = [];
	for (const t of touchpoints) {
		const average = t.score ? averages[t.score.metric] : null;
		if (!t.score || average === null) continue;
		const gap = indexOf(t.score.metric, average) - t.score.index;
		if (gap <= 0) continue;
		points.push({
			touchpointId: t.id,
			touchpointName: t.name,
			stageId: t.stageId,
			stageName: t.stageName,
			metric: t.score.metric,
			value: t.score.value,
			journeyAverage: average,
			gap,
			affected: t.score.n,
			impact: (t.score.n * gap) / 100,
			significant: t.score.ci95[1] < average,
			topNegativeThemes: t.topNegativeThemes,
		});
	}
	return points.sort((a, b) => b.impact - a.impact).slice(0, MAX_PAIN_POINTS);
}

export async function getJourneyMap(ctx: Ctx, query: JourneyMapQuery): Promise<JourneyMapView> {
	const journey = await journeyOf(ctx, query.journeyId);
	const { from, to } = await resolveDays(ctx, query);
	kickAnalyticsRollupFor(ctx);
	const length = daysBetween(from, to);
	const previousFrom = addDays(from, -length);
	const previousTo = addDays(from, -1);
	const touchpointIds = journey.stages.flatMap((s) => s.touchpoints.map((t) => t.id));
	const scope = { audience: "customer" as const, touchpointIds };
	const { current, previous } = await touchpointSummariesWithPreviousIn(
		ctx,
		{ ...scope, from: dateOfDay(from), to: dateOfDay(to) },
		dateOfDay(previousFrom),
	);
	const themes = await themeCounts(ctx, { from: dateOfDay(from), to: dateOfDay(to), touchpointIds });
	const behaviourFrom = daysBetween(from, to) > BEHAVIOUR_DAYS ? addDays(to, 1 - BEHAVIOUR_DAYS) : from;
	const signals = await findTouchpointBehaviourSignals(ctx, { from: behaviourFrom, to });
	const behaviour = new Map(signals.map(({ touchpointId, ...rest }) => [touchpointId, rest]));

	const pooled = [...current.values()].reduce(mergeSummaries, emptySummary());
	const averages = {
		nps: metricOf(pooled, "nps").value,
		csat: metricOf(pooled, "csat").value,
		ces: metricOf(pooled, "ces").value,
	};
	const items = journey.stages.flatMap((stage) =>
		stage.touchpoints.map((t) => {
			const summary = current.get(t.id) ?? emptySummary();
			return { stage, t, summary, score: scoreOf(summary) };
		}),
	);
	const trends = compareTouchpoints(
		items
			.filter((i) => i.score !== null)
			.map((i) => ({
				id: i.t.id,
				name: i.t.name,
				stageId: i.stage.id,
				metric: i.score?.metric ?? "nps",
				current: i.summary,
				previous: previous.get(i.t.id) ?? emptySummary(),
			})),
	);
	const trendOf = new Map(trends.map((trend) => [trend.touchpointId, trend]));
	const views = items.map(({ stage, t, summary, score }) => ({
		stageId: stage.id,
		stageName: stage.name,
		id: t.id,
		name: t.name,
		channel: t.channel,
		departmentId: t.departmentId,
		responses: summary.responses,
		kpis: kpisOf(summary),
		score,
		trend: trendOf.get(t.id) ?? null,
		topNegativeThemes: topNegative(themes.filter((theme) => theme.touchpointId === t.id)),
		behaviour: behaviour.get(t.id) ?? null,
	}));
	return {
		journey: { id: journey.id, name: journey.name },
		from,
		to,
		previousFrom,
		previousTo,
		averages,
		stages: journey.stages.map((stage) => {
			const own = views.filter((v) => v.stageId === stage.id);
			return {
				id: stage.id,
				key: stage.key,
				name: stage.name,
				position: stage.position,
				responses: own.reduce((sum, v) => sum + v.responses, 0),
				touchpoints: own.map(({ stageId: _s, stageName: _n, ...view }) => view),
			};
		}),
		painPoints: painPointsOf(views, averages),
	};
}
