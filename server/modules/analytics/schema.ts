// Insights rollups: the additive KPI summary per organization × day × survey × touchpoint × channel × language,
// theme counts per day × touchpoint, and the dirty days that database triggers mark (see migration analytics_dirty).
import { date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../admin/schema";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const counter = (name: string) => integer(name).notNull().default(0);
/** Score sums are doubles: exact for integers below 2^53 and summed without bigint strings from `pg`. */
const total = (name: string) => doublePrecision(name).notNull().default(0);

/** The columns of one `KpiSummary`, fresh builders for each table that stores summaries. */
const summaryColumns = () => ({
	responses: counter("responses"),
	npsN: counter("nps_n"),
	promoters: counter("promoters"),
	passives: counter("passives"),
	detractors: counter("detractors"),
	csatN: counter("csat_n"),
	csatTop2: counter("csat_top2"),
	csatSum: total("csat_sum"),
	csatSumSq: total("csat_sum_sq"),
	cesN: counter("ces_n"),
	cesSum: total("ces_sum"),
	cesSumSq: total("ces_sum_sq"),
	commented: counter("commented"),
	positive: counter("positive"),
	neutral: counter("neutral"),
	negative: counter("negative"),
	complaints: counter("complaints"),
});

/**
 * One row is one `KpiSummary` (lib/stats/summary.ts) of the completed responses submitted on `day` (in the
 * organization's time zone). Rows are replaced per (organization, day) by the rollup job, never edited in place.
 */
export const analyticsDaily = pgTable(
	"analytics_daily",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		day: date("day").notNull(),
		surveyId: uuid("survey_id").notNull(),
		touchpointId: uuid("touchpoint_id").notNull(),
		channel: text("channel").notNull(),
		language: text("language").notNull(),
		/** The survey's audience (customer | employee): KPIs never mix employee and customer scores by default. */
		audience: text("audience").notNull(),
		...summaryColumns(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [
		primaryKey({
			columns: [t.organizationId, t.day, t.surveyId, t.touchpointId, t.channel, t.language, t.audience],
		}),
		index("analytics_daily_touchpoint_idx").on(t.organizationId, t.touchpointId, t.day),
	],
);

/**
 * The same summaries per organization × day × touchpoint × audience only (survey, channel and language summed):
 * what reads without those filters use — an order of magnitude fewer rows than analytics_daily at volume.
 */
export const analyticsTouchpointDaily = pgTable(
	"analytics_touchpoint_daily",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		day: date("day").notNull(),
		touchpointId: uuid("touchpoint_id").notNull(),
		audience: text("audience").notNull(),
		...summaryColumns(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.organizationId, t.day, t.touchpointId, t.audience] })],
);

/** Themes of analysed customer comments and mentions per day and touchpoint (null: a mention of no touchpoint). */
export const analyticsThemeDaily = pgTable(
	"analytics_theme_daily",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		day: date("day").notNull(),
		touchpointId: uuid("touchpoint_id"),
		theme: text("theme").notNull(),
		source: text("source", { enum: ["response", "mention"] }).notNull(),
		count: counter("count"),
		negative: counter("negative"),
		positive: counter("positive"),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [index("analytics_theme_daily_org_day_idx").on(t.organizationId, t.day, t.touchpointId)],
);

/**
 * Days whose raw rows changed since their rollup was computed: appended by statement-level triggers on responses
 * and mentions in the writer's own transaction (one insert per statement, no unique key so concurrent writers
 * never wait for each other); the rollup job deletes what it recomputes in the same transaction.
 */
export const analyticsDirtyDays = pgTable(
	"analytics_dirty_days",
	{
		organizationId: uuid("organization_id").notNull(),
		day: date("day").notNull(),
		markedAt: at("marked_at").notNull().defaultNow(),
	},
	(t) => [index("analytics_dirty_days_org_idx").on(t.organizationId, t.day)],
);

/** Per organization: the time zone its rollups were computed in (a change rebuilds them all). */
export const analyticsRollupState = pgTable("analytics_rollup_state", {
	organizationId: uuid("organization_id")
		.primaryKey()
		.references(() => organizations.id, { onDelete: "cascade" }),
	timezone: text("timezone").notNull(),
	rebuiltAt: at("rebuilt_at").notNull(),
	updatedAt: at("updated_at").notNull().defaultNow(),
});
