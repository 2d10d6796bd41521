// Behaviour: raw events (partitioned by month, see migration add_events_partitioning), the daily rollups the
// reports read, saved funnels, and the daily salt of the cookieless visitor hash.
import { sql } from "drizzle-orm";
import {
	bigint,
	boolean,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "../admin/schema";

const time = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One behaviour event. The primary key holds the partition column (occurred_at): a retried batch carries the
 * same client id and time, so ON CONFLICT DO NOTHING dedupes it; clamped times are deduped by a lookup instead.
 * No foreign keys: rows are append-only at high volume, and touchpoints may be deleted (ids then map to nothing).
 */
export const events = pgTable(
	"events",
	{
		id: text("id").notNull(),
		organizationId: uuid("organization_id").notNull(),
		siteId: uuid("site_id").notNull(),
		occurredAt: time("occurred_at").notNull(),
		receivedAt: time("received_at").notNull(),
		type: text("type").notNull(),
		name: text("name"),
		value: doublePrecision("value"),
		visitorHash: text("visitor_hash").notNull(),
		sessionId: text("session_id").notNull(),
		customerId: text("customer_id"),
		host: text("host").notNull(),
		path: text("path").notNull(),
		referrerHost: text("referrer_host"),
		source: text("source"),
		device: text("device").notNull(),
		touchpointId: uuid("touchpoint_id"),
		properties: jsonb("properties").$type<Record<string, unknown>>(),
		flags: integer("flags").notNull().default(0),
	},
	(t) => [
		primaryKey({ name: "events_pkey", columns: [t.siteId, t.id, t.occurredAt] }),
		index("events_org_occurred_idx").on(t.organizationId, t.occurredAt),
		index("events_org_received_idx").on(t.organizationId, t.receivedAt),
		index("events_org_session_idx").on(t.organizationId, t.sessionId, t.occurredAt),
	],
);

/** Per organization × day × page: traffic, engagement and web-vital histograms (mergeable percentiles). */
export const behaviourPageDays = pgTable(
	"behaviour_page_days",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		day: date("day").notNull(),
		path: text("path").notNull(),
		touchpointId: uuid("touchpoint_id"),
		pageviews: integer("pageviews").notNull(),
		visitors: integer("visitors").notNull(),
		sessions: integer("sessions").notNull(),
		entries: integer("entries").notNull(),
		exits: integer("exits").notNull(),
		engagedMs: bigint("engaged_ms", { mode: "number" }).notNull(),
		engagements: integer("engagements").notNull(),
		scrollSum: bigint("scroll_sum", { mode: "number" }).notNull(),
		searches: integer("searches").notNull(),
		zeroResultSearches: integer("zero_result_searches").notNull(),
		/** Web-vital samples as sparse log histograms { metric: { bucket: count } } (see histogram.ts), mergeable. */
		vitalHist: jsonb("vital_hist").$type<Record<string, Record<string, number>>>().notNull(),
	},
	(t) => [primaryKey({ columns: [t.organizationId, t.day, t.path] })],
);

/** Per organization × day × normalised search query. */
export const behaviourSearchDays = pgTable(
	"behaviour_search_days",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		day: date("day").notNull(),
		query: text("query").notNull(),
		searches: integer("searches").notNull(),
		zeroResults: integer("zero_results").notNull(),
		exits: integer("exits").notNull(),
	},
	(t) => [primaryKey({ columns: [t.organizationId, t.day, t.query] })],
);

/** Transitions between touchpoints per day ("entry"/"exit"/"other" or a touchpoint id), for paths. */
export const behaviourFlowDays = pgTable(
	"behaviour_flow_days",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		day: date("day").notNull(),
		fromKey: text("from_key").notNull(),
		toKey: text("to_key").notNull(),
		sessions: integer("sessions").notNull(),
	},
	(t) => [primaryKey({ columns: [t.organizationId, t.day, t.fromKey, t.toKey] })],
);

/** A saved funnel: ordered steps, each a `loupe('step', …)` name or a URL pattern. */
export const funnels = pgTable(
	"funnels",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		steps: jsonb("steps").$type<{ label: string; kind: "step" | "url"; value: string }[]>().notNull(),
		createdAt: time("created_at").notNull().defaultNow(),
		updatedAt: time("updated_at").notNull().defaultNow(),
	},
	(t) => [index("funnels_org_idx").on(t.organizationId, t.createdAt, t.id)],
);

/** Sessions that reached step `stepIndex` of a funnel in order, per day and segment. */
export const behaviourFunnelDays = pgTable(
	"behaviour_funnel_days",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		funnelId: uuid("funnel_id")
			.notNull()
			.references(() => funnels.id, { onDelete: "cascade" }),
		day: date("day").notNull(),
		device: text("device").notNull(),
		source: text("source").notNull(),
		isReturning: boolean("is_returning").notNull(),
		stepIndex: integer("step_index").notNull(),
		sessions: integer("sessions").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.funnelId, t.day, t.device, t.source, t.isReturning, t.stepIndex] }),
		index("behaviour_funnel_days_org_idx").on(t.organizationId, t.funnelId, t.day),
	],
);

/** How far the rollup job has read each organization's events (by received_at). */
export const behaviourRollupState = pgTable("behaviour_rollup_state", {
	organizationId: uuid("organization_id")
		.primaryKey()
		.references(() => organizations.id, { onDelete: "cascade" }),
	processedUntil: time("processed_until").notNull(),
	updatedAt: time("updated_at").notNull().defaultNow(),
});

/** The server-side secret of one UTC day for cookieless visitor hashes; deleted after two days. */
export const behaviourSalts = pgTable("behaviour_salts", {
	day: date("day").primaryKey(),
	salt: text("salt").notNull(),
	createdAt: time("created_at").notNull().default(sql`now()`),
});
