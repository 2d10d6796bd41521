// Payloads of dashboards (widgets, targets, share links, resolved widget data) — shared by server and web.
import { z } from "zod";

export const WIDGET_KINDS = [
	"kpi",
	"series",
	"journey_heatmap",
	"pain_points",
	"alerts",
	"volume",
	"themes",
	"case_metrics",
] as const;
export const DASHBOARD_METRICS = [
	"nps",
	"csat",
	"ces",
	"detractorShare",
	"complaintRate",
	"negativeShare",
	"responses",
] as const;
export const DashboardMetric = z.enum(DASHBOARD_METRICS);
export type DashboardMetric = z.infer<typeof DashboardMetric>;
export const SeriesInterval = z.enum(["day", "week", "month"]);
export const WidgetSize = z.enum(["small", "medium", "large"]);

/** Which responses a widget counts; ids are checked to belong to the organization when saved. */
export const WidgetFilter = z
	.object({
		touchpointIds: z.array(z.uuid()).max(50).optional(),
		stageId: z.uuid().optional(),
		journeyId: z.uuid().optional(),
		surveyId: z.uuid().optional(),
		channel: z.string().min(1).max(40).optional(),
		language: z.string().min(2).max(8).optional(),
		audience: z.enum(["customer", "employee"]).optional(),
	})
	.strict();
export type WidgetFilter = z.infer<typeof WidgetFilter>;

const PeriodDays = z.number().int().min(7).max(730);
const base = {
	id: z
		.string()
		.regex(/^[a-z0-9-]{1,40}$/, "Use 1–40 lowercase letters, digits or dashes")
		.describe("Unique within the dashboard"),
	title: z.string().trim().min(1).max(80).optional(),
	size: WidgetSize.default("medium"),
};

export const KpiWidget = z
	.object({
		...base,
		kind: z.literal("kpi"),
		metric: DashboardMetric,
		periodDays: PeriodDays.default(28),
		filter: WidgetFilter.default({}),
		target: z.number().min(-100).max(1_000_000).optional(),
	})
	.strict();
export const SeriesWidget = z
	.object({
		...base,
		kind: z.literal("series"),
		metric: DashboardMetric.exclude(["responses"]),
		interval: SeriesInterval.default("week"),
		periodDays: PeriodDays.default(182),
		filter: WidgetFilter.default({}),
		target: z.number().min(-100).max(100).optional(),
	})
	.strict();
export const JourneyHeatmapWidget = z
	.object({
		...base,
		kind: z.literal("journey_heatmap"),
		journeyId: z.uuid().optional(),
		/** `score`: each touchpoint's main score (NPS, CSAT or CES) on one −100…100 index, as the journey map colours it. */
		metric: z.enum(["score", "nps", "csat", "ces", "detractorShare", "negativeShare"]).default("score"),
		periodDays: PeriodDays.default(28),
	})
	.strict();
export const PainPointsWidget = z
	.object({
		...base,
		kind: z.literal("pain_points"),
		journeyId: z.uuid().optional(),
		periodDays: PeriodDays.default(28),
		limit: z.number().int().min(1).max(20).default(5),
	})
	.strict();
export const AlertsWidget = z
	.object({ ...base, kind: z.literal("alerts"), limit: z.number().int().min(1).max(20).default(5) })
	.strict();
export const VolumeWidget = z
	.object({
		...base,
		kind: z.literal("volume"),
		interval: SeriesInterval.default("week"),
		periodDays: PeriodDays.default(182),
		filter: WidgetFilter.default({}),
	})
	.strict();
export const ThemesWidget = z
	.object({
		...base,
		kind: z.literal("themes"),
		periodDays: PeriodDays.default(28),
		touchpointIds: z.array(z.uuid()).max(50).optional(),
		limit: z.number().int().min(1).max(20).default(8),
	})
	.strict();

/** The inbox's closed-loop figures (issue #7): SLA attainment, open and overdue cases, response time, loop rates. */
export const CaseMetricsWidget = z
	.object({ ...base, kind: z.literal("case_metrics"), periodDays: PeriodDays.default(28) })
	.strict();

export const Widget = z.discriminatedUnion("kind", [
	KpiWidget,
	SeriesWidget,
	JourneyHeatmapWidget,
	PainPointsWidget,
	AlertsWidget,
	VolumeWidget,
	ThemesWidget,
	CaseMetricsWidget,
]);
export type Widget = z.infer<typeof Widget>;
export type WidgetInput = z.input<typeof Widget>;

const Widgets = z
	.array(Widget)
	.max(24)
	.refine((ws) => new Set(ws.map((w) => w.id)).size === ws.length, "Widget ids must be unique within a dashboard");

export const CreateDashboardInput = z
	.object({ name: z.string().trim().min(1).max(120), widgets: Widgets.default([]) })
	.strict();
export type CreateDashboardInput = z.infer<typeof CreateDashboardInput>;

export const UpdateDashboardInput = z
	.object({ name: z.string().trim().min(1).max(120).optional(), widgets: Widgets.optional() })
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateDashboardInput = z.infer<typeof UpdateDashboardInput>;

export const DashboardView = z.object({
	id: z.uuid(),
	name: z.string(),
	isDefault: z.boolean(),
	ownerId: z.uuid().nullable(),
	widgets: z.array(Widget),
	createdAt: z.string(),
	updatedAt: z.string(),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const DashboardListView = z.object({ items: z.array(DashboardView.omit({ widgets: true })) });
export type DashboardListView = z.infer<typeof DashboardListView>;

export const CreateShareLinkInput = z
	.object({
		label: z.string().trim().min(1).max(80).optional(),
		expiresInDays: z.number().int().min(1).max(365).optional(),
	})
	.strict();
export type CreateShareLinkInput = z.infer<typeof CreateShareLinkInput>;

export const ShareLinkView = z.object({
	id: z.uuid(),
	label: z.string().nullable(),
	prefix: z.string(),
	expiresAt: z.string().nullable(),
	revokedAt: z.string().nullable(),
	lastUsedAt: z.string().nullable(),
	createdAt: z.string(),
});
export type ShareLinkView = z.infer<typeof ShareLinkView>;
export const CreatedShareLinkView = ShareLinkView.extend({ token: z.string(), url: z.string() });
export type CreatedShareLinkView = z.infer<typeof CreatedShareLinkView>;

// Resolved data of each widget kind (what /data answers, for the app and the share page alike).
const Interval = z.tuple([z.number(), z.number()]);
export const MetricValue = z.object({ value: z.number(), ci95: Interval.nullable(), n: z.number() });
export type MetricValue = z.infer<typeof MetricValue>;

export const KpiWidgetData = z.object({
	kind: z.literal("kpi"),
	current: MetricValue.nullable(),
	previous: MetricValue.nullable(),
	difference: z.number().nullable(),
	pValue: z.number().nullable(),
	target: z.number().nullable(),
	isTargetMet: z.boolean().nullable(),
});
export const SeriesWidgetData = z.object({
	kind: z.literal("series"),
	points: z.array(
		z.object({ start: z.string(), value: z.number().nullable(), ci95: Interval.nullable(), n: z.number() }),
	),
	target: z.number().nullable(),
});
export const HeatmapCell = z.object({
	touchpointId: z.string(),
	name: z.string(),
	/** The metric of `current` (with `score`: the touchpoint's main metric) and its −100…100 index for colouring. */
	metric: z.string().nullable(),
	index: z.number().nullable(),
	current: MetricValue.nullable(),
	difference: z.number().nullable(),
	pValue: z.number().nullable(),
	isSignificant: z.boolean(),
	direction: z.enum(["better", "worse", "none"]),
	/** The kind of an open or acknowledged alert on this touchpoint, so the heatmap points at it. */
	alert: z.string().nullable(),
});
export const JourneyHeatmapData = z.object({
	kind: z.literal("journey_heatmap"),
	journeyName: z.string().nullable(),
	stages: z.array(z.object({ name: z.string(), touchpoints: z.array(HeatmapCell) })),
});
const ThemeLabel = z.object({ de: z.string(), en: z.string() });
/** The journey map's pain points: impact = customers affected × index points below the journey average. */
export const PainPointsData = z.object({
	kind: z.literal("pain_points"),
	journeyName: z.string().nullable(),
	items: z.array(
		z.object({
			touchpointId: z.string(),
			name: z.string(),
			stage: z.string(),
			metric: z.enum(["nps", "csat", "ces"]),
			value: z.number(),
			journeyAverage: z.number(),
			gap: z.number(),
			affected: z.number(),
			impact: z.number(),
			isSignificant: z.boolean(),
			topThemes: z.array(z.object({ theme: z.string(), label: ThemeLabel, negative: z.number() })),
		}),
	),
});
export const AlertsWidgetData = z.object({
	kind: z.literal("alerts"),
	openCount: z.number(),
	items: z.array(
		z.object({
			id: z.string(),
			kind: z.string(),
			touchpoint: z.string().nullable(),
			theme: z.string().nullable(),
			current: z.number().nullable(),
			previous: z.number().nullable(),
			difference: z.number(),
			qValue: z.number(),
			status: z.string(),
			firstSeenAt: z.string(),
		}),
	),
});
export const VolumeWidgetData = z.object({
	kind: z.literal("volume"),
	total: z.number(),
	points: z.array(z.object({ start: z.string(), responses: z.number() })),
});
export const ThemesWidgetData = z.object({
	kind: z.literal("themes"),
	items: z.array(
		z.object({
			theme: z.string(),
			label: z.object({ de: z.string(), en: z.string() }),
			count: z.number(),
			negative: z.number(),
		}),
	),
});
/** The SLA attainment the widget colours against (share of cases responded to / resolved by their due time). */
export const CASE_SLA_TARGET_PERCENT = 90;
/** A closed-loop rate in percent with its Wilson 95 % interval; null when nothing was counted (n = 0). */
const CaseRate = MetricValue.nullable();
/**
 * The figures of the cases module's closed-loop metrics (GET /cases/metrics) for cases created in the last
 * `periodDays`, plus the inbox's open and overdue counts right now (not limited to the period). Aggregates only:
 * no case ids, subjects or customers, so a share link shows the same numbers and nothing to probe.
 */
export const CaseMetricsWidgetData = z.object({
	kind: z.literal("case_metrics"),
	/** Cases created in the period. */
	caseCount: z.number(),
	/** Cases new, open or waiting now. */
	openCount: z.number(),
	/** Open cases past their first-response or resolution due time now (the inbox's "overdue" filter). */
	overdueCount: z.number(),
	/** Responded to by the due time, among cases responded to or already past due (open ones not yet due left out). */
	slaFirstResponse: CaseRate,
	slaResolution: CaseRate,
	slaTarget: z.number(),
	/** Median business minutes from creation to first response, in the organization's calendar. */
	medianFirstResponseBusinessMinutes: z.number().nullable(),
	/** Negative feedback received in the period that was answered. */
	closedLoop: CaseRate,
	/** Answered follow-ups that said "solved". */
	followUpSolved: CaseRate,
});
export const WidgetData = z.discriminatedUnion("kind", [
	KpiWidgetData,
	SeriesWidgetData,
	JourneyHeatmapData,
	PainPointsData,
	AlertsWidgetData,
	VolumeWidgetData,
	ThemesWidgetData,
	CaseMetricsWidgetData,
]);
export type WidgetData = z.infer<typeof WidgetData>;

export const DashboardDataView = z.object({
	name: z.string(),
	/** The organization's executive dashboard (the app names it in the reader's language). */
	isDefault: z.boolean(),
	generatedAt: z.string(),
	widgets: z.array(Widget),
	/** By widget id; an entry holds `error` when that one widget could not be computed. */
	data: z.record(z.string(), z.union([WidgetData, z.object({ error: z.string() })])),
});
export type DashboardDataView = z.infer<typeof DashboardDataView>;

export const PublicDashboardView = z.object({ name: z.string(), widgets: z.array(Widget) });
export type PublicDashboardView = z.infer<typeof PublicDashboardView>;
