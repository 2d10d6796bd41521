// Insights payloads (pure zod; the web app imports them): KPI report, touchpoint changes and the journey map.
import { z } from "zod";
import { RESPONSE_CHANNELS } from "../responses/contract";
import { AUDIENCES, SURVEY_LANGUAGES } from "../surveys/contract";

export const Day = z.iso.date();
/** Two years: longer ranges would mean a slow read and a series nobody can read. */
export const MAX_RANGE_DAYS = 731;
export const INTERVALS = ["day", "week", "month"] as const;
export const Interval = z.enum(INTERVALS);
export type Interval = z.infer<typeof Interval>;
export const CHANGE_METRICS = ["nps", "csat", "ces", "detractorShare", "complaintRate"] as const;
export const ChangeMetric = z.enum(CHANGE_METRICS);
export type ChangeMetric = z.infer<typeof ChangeMetric>;

const daysBetween = (from: string, to: string) =>
	(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000 + 1;

/** `from` and `to` are inclusive days in the organization's time zone; the last 30 days by default. */
const rangeChecks = <T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T) =>
	schema
		.refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
		.refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= MAX_RANGE_DAYS, {
			message: `a range may span at most ${MAX_RANGE_DAYS} days`,
			path: ["from"],
		});

const FilterFields = {
	from: Day.optional(),
	to: Day.optional(),
	touchpointId: z.uuid().optional(),
	stageId: z.uuid().optional(),
	journeyId: z.uuid().optional(),
	surveyId: z.uuid().optional(),
	channel: z.enum(RESPONSE_CHANNELS).optional(),
	language: z.enum(SURVEY_LANGUAGES).optional(),
	/** Customer and employee scores are never mixed: customer unless asked. */
	audience: z.enum(AUDIENCES).default("customer"),
};

export const KpiQuery = rangeChecks(
	z
		.object({
			...FilterFields,
			/** Bucket of the series; by default day up to 62 days, week up to 400, month beyond. */
			interval: Interval.optional(),
		})
		.strict(),
);
export type KpiQuery = z.infer<typeof KpiQuery>;

export const ChangesQuery = rangeChecks(
	z
		.object({
			from: Day.optional(),
			to: Day.optional(),
			metric: ChangeMetric.default("nps"),
			/** The comparison period; by default the same number of days just before `from`. */
			previousFrom: Day.optional(),
			previousTo: Day.optional(),
			audience: z.enum(AUDIENCES).default("customer"),
		})
		.strict(),
).refine((q) => !q.previousFrom === !q.previousTo, {
	message: "previousFrom and previousTo go together",
	path: ["previousFrom"],
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const JourneyMapQuery = rangeChecks(
	z
		.object({
			/** The organization's first journey by default. */
			journeyId: z.uuid().optional(),
			from: Day.optional(),
			to: Day.optional(),
		})
		.strict(),
);
export type JourneyMapQuery = z.infer<typeof JourneyMapQuery>;

// ---- views ----

export const IntervalView = z.tuple([z.number(), z.number()]);
export const ShareKpiView = z.object({
	/** Percent 0–100, with its 95 % Wilson interval. */
	value: z.number(),
	ci95: IntervalView,
	n: z.number().int(),
	count: z.number().int(),
});
export const NpsKpiView = z.object({
	value: z.number(),
	ci95: IntervalView,
	n: z.number().int(),
	promoters: z.number().int(),
	passives: z.number().int(),
	detractors: z.number().int(),
	promoterShare: z.number(),
	passiveShare: z.number(),
	detractorShare: z.number(),
	se: z.number(),
});
export const MeanKpiView = z.object({ value: z.number(), ci95: IntervalView, n: z.number().int(), sd: z.number() });
export const KpisView = z.object({
	responses: z.number().int(),
	nps: NpsKpiView.nullable(),
	csat: ShareKpiView.extend({ mean: z.number() }).nullable(),
	ces: MeanKpiView.nullable(),
	sentiment: z.object({ positive: ShareKpiView, neutral: ShareKpiView, negative: ShareKpiView }).nullable(),
	complaintRate: ShareKpiView.nullable(),
});
export type KpisView = z.infer<typeof KpisView>;

export const DIRECTIONS = ["improved", "deteriorated", "unchanged", "insufficient"] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const ChangeTestView = z.object({
	/** Current minus previous, in points (NPS points, percentage points, or scale points for CES). */
	difference: z.number(),
	ci95: IntervalView,
	statistic: z.number(),
	pValue: z.number(),
	df: z.number().optional(),
	significant: z.boolean(),
	direction: Direction,
});
export type ChangeTestView = z.infer<typeof ChangeTestView>;

export const PointView = z.object({ value: z.number(), ci95: IntervalView, n: z.number().int() });
export const SeriesPointView = z.object({
	start: Day,
	responses: z.number().int(),
	nps: PointView.nullable(),
	csat: PointView.nullable(),
	ces: PointView.nullable(),
	negativeShare: PointView.nullable(),
	complaintRate: PointView.nullable(),
});
export type SeriesPointView = z.infer<typeof SeriesPointView>;

export const ResponseRateView = ShareKpiView.extend({ sent: z.number().int(), responded: z.number().int() });

export const KpiReportView = KpisView.extend({
	from: Day,
	to: Day,
	interval: Interval,
	/** Answered ÷ sent email invitations sent in the period (Wilson interval); null without invitations. */
	responseRate: ResponseRateView.nullable(),
	series: z.array(SeriesPointView),
	previous: KpisView.extend({ from: Day, to: Day, responseRate: ResponseRateView.nullable() }),
	/** Period over period: NPS difference test, two-proportion z-tests, Welch t for CES. Null without data. */
	changes: z.object({
		nps: ChangeTestView.nullable(),
		csat: ChangeTestView.nullable(),
		ces: ChangeTestView.nullable(),
		negativeShare: ChangeTestView.nullable(),
		complaintRate: ChangeTestView.nullable(),
		responseRate: ChangeTestView.nullable(),
	}),
});
export type KpiReportView = z.infer<typeof KpiReportView>;

export const TouchpointChangeView = z.object({
	touchpointId: z.uuid(),
	touchpointName: z.string(),
	stageId: z.uuid().nullable(),
	metric: ChangeMetric,
	current: z.number().nullable(),
	previous: z.number().nullable(),
	currentN: z.number().int(),
	previousN: z.number().int(),
	difference: z.number().nullable(),
	ci95: IntervalView.nullable(),
	pValue: z.number().nullable(),
	/** Benjamini–Hochberg adjusted p-value across the touchpoints tested (false discovery rate 5 %). */
	qValue: z.number().nullable(),
	significant: z.boolean(),
	direction: Direction,
});
export type TouchpointChangeView = z.infer<typeof TouchpointChangeView>;

export const ChangesView = z.object({
	from: Day,
	to: Day,
	previousFrom: Day,
	previousTo: Day,
	metric: ChangeMetric,
	touchpoints: z.array(TouchpointChangeView),
});
export type ChangesView = z.infer<typeof ChangesView>;

export const SCORE_METRICS = ["nps", "csat", "ces"] as const;
export const ScoreMetric = z.enum(SCORE_METRICS);
export type ScoreMetric = z.infer<typeof ScoreMetric>;

export const TouchpointScoreView = z.object({
	metric: ScoreMetric,
	value: z.number(),
	ci95: IntervalView,
	n: z.number().int(),
	/**
	 * The score on one −100…100 scale so touchpoints with different surveys compare: NPS as is, CSAT top-2 share
	 * s % as 2s − 100, CES mean m (1–7) as (m − 4) · 100 / 3.
	 */
	index: z.number(),
});
export type TouchpointScoreView = z.infer<typeof TouchpointScoreView>;

export const ThemeCountView = z.object({ theme: z.string(), count: z.number().int(), negative: z.number().int() });

export const BehaviourSignalsView = z.object({
	pageviews: z.number().int(),
	sessions: z.number().int(),
	dropOffRate: z.number().nullable(),
	p75LcpMs: z.number().nullable(),
	p75InpMs: z.number().nullable(),
	lcpRating: z.enum(["good", "needs_improvement", "poor"]).nullable(),
	inpRating: z.enum(["good", "needs_improvement", "poor"]).nullable(),
	searches: z.number().int(),
	zeroResultSearchShare: z.number().nullable(),
});

export const JourneyTouchpointView = z.object({
	id: z.uuid(),
	name: z.string(),
	channel: z.string(),
	departmentId: z.uuid().nullable(),
	responses: z.number().int(),
	kpis: KpisView,
	/** The touchpoint's main score: the metric with the most answers. */
	score: TouchpointScoreView.nullable(),
	/** Change of the main score against the previous period, BH-controlled across the journey's touchpoints. */
	trend: TouchpointChangeView.nullable(),
	topNegativeThemes: z.array(ThemeCountView),
	behaviour: BehaviourSignalsView.nullable(),
});
export type JourneyTouchpointView = z.infer<typeof JourneyTouchpointView>;

export const JourneyStageView = z.object({
	id: z.uuid(),
	key: z.string().nullable(),
	name: z.string(),
	position: z.number().int(),
	responses: z.number().int(),
	touchpoints: z.array(JourneyTouchpointView),
});

export const PainPointView = z.object({
	touchpointId: z.uuid(),
	touchpointName: z.string(),
	stageId: z.uuid(),
	stageName: z.string(),
	metric: ScoreMetric,
	value: z.number(),
	journeyAverage: z.number(),
	/** Index points (see TouchpointScoreView.index) below the journey average of the same metric. */
	gap: z.number(),
	/** Answers with this score in the period: the customers affected. */
	affected: z.number().int(),
	/** affected × gap / 100: customers, weighted by how much worse their experience was than the journey's. */
	impact: z.number(),
	/** The touchpoint's 95 % interval lies entirely below the journey average. */
	significant: z.boolean(),
	topNegativeThemes: z.array(ThemeCountView),
});
export type PainPointView = z.infer<typeof PainPointView>;

export const JourneyMapView = z.object({
	journey: z.object({ id: z.uuid(), name: z.string() }),
	from: Day,
	to: Day,
	previousFrom: Day,
	previousTo: Day,
	/** Response-weighted journey averages per metric (all touchpoints' answers pooled). */
	averages: z.object({ nps: z.number().nullable(), csat: z.number().nullable(), ces: z.number().nullable() }),
	stages: z.array(JourneyStageView),
	/**
	 * Ranked by impact = affected customers × how much worse than the journey average: for the touchpoint's main
	 * metric, gap = (journey average − touchpoint score) in index points (NPS points; CSAT top-2 points × 2; CES
	 * scale points × 100/3), impact = answers × gap / 100. Only touchpoints below the average appear.
	 */
	painPoints: z.array(PainPointView),
});
export type JourneyMapView = z.infer<typeof JourneyMapView>;
