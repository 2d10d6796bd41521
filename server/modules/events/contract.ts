// Payloads of behaviour: the tracker's event batches, report queries and views, funnels, session paths.
// Pure zod (the web app imports it).
import { z } from "zod";

export const EVENT_TYPES = ["pageview", "engagement", "search", "click", "step", "web_vital", "custom"] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const MAX_EVENTS_PER_BATCH = 100;
export const MAX_BATCH_BYTES = 256 * 1024;

/** Bits of `events.flags`. */
export const EVENT_FLAGS = {
	clampedPast: 1,
	clampedFuture: 2,
	zeroResults: 4,
	identified: 8,
	returning: 16,
} as const;

const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "8–64 characters of A-Z a-z 0-9 _ -");
const PropValue = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);

export const TrackedEvent = z
	.object({
		/** Client event id, unique per site: a retried batch is stored once. */
		id: ClientId,
		type: EventType,
		/** When it happened, ms since the epoch by the browser's clock (clamped on the server). */
		at: z.number().int().nonnegative(),
		/** The page's full URL (the query string is not stored). */
		url: z.string().min(1).max(2000),
		/** Step name, search query, click label, web-vital set or custom event name. */
		name: z.string().max(200).optional(),
		/** Engaged ms, search result count, or a custom number. */
		value: z.number().finite().optional(),
		/** document.referrer of a page view. */
		referrer: z.string().max(2000).optional(),
		props: z
			.record(z.string().max(40), PropValue)
			.refine((v) => Object.keys(v).length <= 20, "At most 20 properties")
			.optional(),
	})
	.strict();
export type TrackedEvent = z.infer<typeof TrackedEvent>;

/** POST /api/v1/public/events (JSON, or text/plain from sendBeacon). */
export const EventBatchInput = z
	.object({
		site: z.string().min(1).max(64),
		/** The tab session id (sessionStorage, rotated after 30 minutes idle). */
		session: ClientId,
		/** Identified mode (after consent): the shop's customer id. */
		customer: z.string().min(1).max(128).optional(),
		/** The browser says returning (identified mode only keeps this marker). */
		returning: z.boolean().optional(),
		/** navigator.doNotTrack / globalPrivacyControl. */
		privacy: z.boolean().optional(),
		events: z.array(TrackedEvent).min(1).max(MAX_EVENTS_PER_BATCH, `At most ${MAX_EVENTS_PER_BATCH} events per batch`),
	})
	.strict();
export type EventBatchInput = z.infer<typeof EventBatchInput>;

export const EventBatchView = z.object({
	accepted: z.number().int(),
	duplicates: z.number().int(),
	dropped: z.number().int(),
	reason: z.enum(["bot", "privacy"]).optional(),
	clamped: z.number().int(),
});
export type EventBatchView = z.infer<typeof EventBatchView>;

// ---- reports ----

const Day = z.iso.date();
export const MAX_REPORT_DAYS = 400;

export const ReportQuery = z
	.object({
		from: Day.optional(),
		to: Day.optional(),
		touchpointId: z.uuid().optional(),
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const SEGMENTS = ["device", "source", "visitorType"] as const;
export const FunnelReportQuery = z
	.object({ from: Day.optional(), to: Day.optional(), segment: z.enum(SEGMENTS).optional() })
	.refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });
export type FunnelReportQuery = z.infer<typeof FunnelReportQuery>;

export const DateRangeView = z.object({ from: Day, to: Day });

export const PageTrafficView = z.object({
	path: z.string(),
	touchpointId: z.uuid().nullable(),
	pageviews: z.number().int(),
	visitors: z.number().int(),
	entries: z.number().int(),
	exits: z.number().int(),
	avgEngagedMs: z.number().nullable(),
	avgScrollPercent: z.number().nullable(),
});
export type PageTrafficView = z.infer<typeof PageTrafficView>;

export const TouchpointTrafficView = z.object({
	touchpointId: z.uuid().nullable(),
	touchpointName: z.string().nullable(),
	pageviews: z.number().int(),
	visitors: z.number().int(),
	sessions: z.number().int(),
	entries: z.number().int(),
	exits: z.number().int(),
	avgEngagedMs: z.number().nullable(),
});
export type TouchpointTrafficView = z.infer<typeof TouchpointTrafficView>;

export const OverviewView = z.object({
	range: DateRangeView,
	totals: z.object({
		pageviews: z.number().int(),
		sessions: z.number().int(),
		visitorDays: z.number().int(),
		avgEngagedMsPerPageview: z.number().nullable(),
	}),
	days: z.array(z.object({ day: Day, pageviews: z.number().int(), sessions: z.number().int() })),
	touchpoints: z.array(TouchpointTrafficView),
	pages: z.array(PageTrafficView),
	entryPages: z.array(PageTrafficView),
	exitPages: z.array(PageTrafficView),
});
export type OverviewView = z.infer<typeof OverviewView>;

export const SearchQueryView = z.object({
	query: z.string(),
	searches: z.number().int(),
	zeroResults: z.number().int(),
	exits: z.number().int(),
});
export const SearchReportView = z.object({
	range: DateRangeView,
	totals: z.object({ searches: z.number().int(), zeroResults: z.number().int(), exits: z.number().int() }),
	topQueries: z.array(SearchQueryView),
	zeroResultQueries: z.array(SearchQueryView),
	exitQueries: z.array(SearchQueryView),
});
export type SearchReportView = z.infer<typeof SearchReportView>;

export const Rating = z.enum(["good", "needs_improvement", "poor"]);
export type Rating = z.infer<typeof Rating>;
export const SlowPageView = z.object({
	path: z.string(),
	touchpointId: z.uuid().nullable(),
	touchpointName: z.string().nullable(),
	pageviews: z.number().int(),
	samples: z.number().int(),
	p75LcpMs: z.number().nullable(),
	p75InpMs: z.number().nullable(),
	p75Cls: z.number().nullable(),
	p75TtfbMs: z.number().nullable(),
	p75LoadMs: z.number().nullable(),
	lcpRating: Rating.nullable(),
	inpRating: Rating.nullable(),
});
export type SlowPageView = z.infer<typeof SlowPageView>;
export const SlowPagesView = z.object({ range: DateRangeView, pages: z.array(SlowPageView) });
export type SlowPagesView = z.infer<typeof SlowPagesView>;

export const PathsView = z.object({
	range: DateRangeView,
	nodes: z.array(z.object({ key: z.string(), name: z.string().nullable(), sessions: z.number().int() })),
	links: z.array(z.object({ from: z.string(), to: z.string(), sessions: z.number().int() })),
});
export type PathsView = z.infer<typeof PathsView>;

export const RealtimeView = z.object({
	windowMinutes: z.number().int(),
	visitors: z.number().int(),
	pageviews: z.number().int(),
	pages: z.array(z.object({ path: z.string(), sessions: z.number().int() })),
});
export type RealtimeView = z.infer<typeof RealtimeView>;

export const UnmappedPagesView = z.object({
	range: DateRangeView,
	pages: z.array(z.object({ path: z.string(), pageviews: z.number().int(), suggestedPattern: z.string() })),
});
export type UnmappedPagesView = z.infer<typeof UnmappedPagesView>;

export const SessionPathView = z.object({
	sessionId: z.string(),
	events: z.array(
		z.object({
			at: z.iso.datetime(),
			type: EventType,
			path: z.string(),
			touchpointId: z.uuid().nullable(),
			touchpointName: z.string().nullable(),
			name: z.string().nullable(),
			value: z.number().nullable(),
		}),
	),
	truncated: z.boolean(),
});
export type SessionPathView = z.infer<typeof SessionPathView>;

export const TouchpointBehaviourSignals = z.object({
	touchpointId: z.uuid(),
	pageviews: z.number().int(),
	sessions: z.number().int(),
	/** Share of sessions at the touchpoint that ended there. */
	dropOffRate: z.number().nullable(),
	p75LcpMs: z.number().nullable(),
	p75InpMs: z.number().nullable(),
	lcpRating: Rating.nullable(),
	inpRating: Rating.nullable(),
	searches: z.number().int(),
	zeroResultSearchShare: z.number().nullable(),
});
export type TouchpointBehaviourSignals = z.infer<typeof TouchpointBehaviourSignals>;

// ---- funnels ----

export const FunnelStep = z
	.object({
		label: z.string().trim().min(1).max(80),
		kind: z.enum(["step", "url"]),
		/** The `loupe('step', name)` name, or a URL pattern ("/checkout/*"). */
		value: z.string().trim().min(1).max(300),
	})
	.strict()
	.refine((s) => s.kind === "step" || /^(\/|https?:\/\/)\S*$/.test(s.value), {
		message: "A URL step starts with / or http(s):// and has no spaces",
		path: ["value"],
	});
export type FunnelStep = z.infer<typeof FunnelStep>;

export const CreateFunnelInput = z
	.object({ name: z.string().trim().min(1).max(120), steps: z.array(FunnelStep).min(2).max(10) })
	.strict();
export type CreateFunnelInput = z.infer<typeof CreateFunnelInput>;

export const UpdateFunnelInput = z
	.object({ name: z.string().trim().min(1).max(120).optional(), steps: z.array(FunnelStep).min(2).max(10).optional() })
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateFunnelInput = z.infer<typeof UpdateFunnelInput>;

export const FunnelView = z.object({
	id: z.uuid(),
	name: z.string(),
	steps: z.array(z.object({ label: z.string(), kind: z.enum(["step", "url"]), value: z.string() })),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
});
export type FunnelView = z.infer<typeof FunnelView>;

export const FunnelStepResultView = z.object({
	label: z.string(),
	sessions: z.number().int(),
	conversionFromStart: z.number().nullable(),
	dropOffFromPrevious: z.number().nullable(),
});
export const FunnelReportView = z.object({
	funnel: FunnelView,
	range: DateRangeView,
	steps: z.array(FunnelStepResultView),
	segment: z.enum(SEGMENTS).nullable(),
	segments: z.array(z.object({ segment: z.string(), steps: z.array(FunnelStepResultView) })),
});
export type FunnelReportView = z.infer<typeof FunnelReportView>;
