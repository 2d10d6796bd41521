// Tables of dashboards (widgets with targets, read-only share links) and alerts (rules, fired alerts, webhook
// deliveries). Widget and channel configurations are jsonb validated by the zod schemas in contract-dashboards.ts.
import { sql } from "drizzle-orm";
import {
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "../admin/schema";
import {
	ALERT_KINDS,
	ALERT_STATUSES,
	type AlertChannels,
	type AlertEvidence,
	type AlertRuleScope,
} from "./contract-alerts";
import type { Widget } from "./contract-dashboards";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () =>
	uuid("organization_id")
		.notNull()
		.references(() => organizations.id, { onDelete: "cascade" });

export const dashboards = pgTable(
	"dashboards",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		name: text("name").notNull(),
		ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
		isDefault: boolean("is_default").notNull().default(false),
		widgets: jsonb("widgets").$type<Widget[]>().notNull(),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [
		index("dashboards_org_idx").on(t.organizationId, t.createdAt, t.id),
		// One executive dashboard per organization (created on first read).
		uniqueIndex("dashboards_one_default").on(t.organizationId).where(sql`${t.isDefault}`),
	],
);

export const dashboardShareLinks = pgTable(
	"dashboard_share_links",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		dashboardId: uuid("dashboard_id")
			.notNull()
			.references(() => dashboards.id, { onDelete: "cascade" }),
		/** `link`: handed to people; `export`: a one-minute token the server's own browser opens to render a file. */
		purpose: text("purpose", { enum: ["link", "export"] })
			.notNull()
			.default("link"),
		label: text("label"),
		prefix: text("prefix").notNull(),
		tokenHash: text("token_hash").notNull().unique(),
		expiresAt: at("expires_at"),
		revokedAt: at("revoked_at"),
		lastUsedAt: at("last_used_at"),
		createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [index("dashboard_share_links_dashboard_idx").on(t.organizationId, t.dashboardId, t.createdAt)],
);

export const alertRules = pgTable(
	"alert_rules",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		name: text("name").notNull(),
		kind: text("kind", { enum: ALERT_KINDS }).notNull(),
		isEnabled: boolean("is_enabled").notNull().default(true),
		/** Touchpoints the rule watches; empty = all. */
		scope: jsonb("scope").$type<AlertRuleScope>().notNull(),
		windowDays: integer("window_days").notNull(),
		/** `previous`: the equal window before; `baseline`: the `baseline_days` before the window. */
		comparison: text("comparison", { enum: ["previous", "baseline"] }).notNull(),
		baselineDays: integer("baseline_days").notNull(),
		minSample: integer("min_sample").notNull(),
		/** Smallest change that counts (NPS/percentage points, or scale points for CES). */
		minChange: doublePrecision("min_change").notNull(),
		/** False discovery rate for Benjamini–Hochberg across the rule's tests. */
		fdr: doublePrecision("fdr").notNull(),
		channels: jsonb("channels").$type<AlertChannels>().notNull(),
		/** Signs webhook bodies (HMAC-SHA256); shown once on creation and on rotation. */
		webhookSecret: text("webhook_secret"),
		lastEvaluatedAt: at("last_evaluated_at"),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [index("alert_rules_org_idx").on(t.organizationId, t.createdAt, t.id)],
);

export const alerts = pgTable(
	"alerts",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		ruleId: uuid("rule_id").references(() => alertRules.id, { onDelete: "set null" }),
		kind: text("kind", { enum: ALERT_KINDS }).notNull(),
		/** rule + touchpoint (+ theme): while the condition holds (cleared_at null) it alerts once. */
		conditionKey: text("condition_key").notNull(),
		touchpointId: uuid("touchpoint_id"),
		theme: text("theme"),
		evidence: jsonb("evidence").$type<AlertEvidence>().notNull(),
		pValue: doublePrecision("p_value").notNull(),
		qValue: doublePrecision("q_value").notNull(),
		status: text("status", { enum: ALERT_STATUSES }).notNull().default("open"),
		statusChangedBy: uuid("status_changed_by").references(() => users.id, { onDelete: "set null" }),
		statusChangedAt: at("status_changed_at"),
		firstSeenAt: at("first_seen_at").notNull(),
		lastSeenAt: at("last_seen_at").notNull(),
		clearedAt: at("cleared_at"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("alerts_active_condition").on(t.organizationId, t.conditionKey).where(sql`${t.clearedAt} is null`),
		index("alerts_org_idx").on(t.organizationId, t.firstSeenAt, t.id),
	],
);

export const alertDeliveries = pgTable(
	"alert_deliveries",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		alertId: uuid("alert_id")
			.notNull()
			.references(() => alerts.id, { onDelete: "cascade" }),
		channel: text("channel", { enum: ["email", "webhook"] }).notNull(),
		target: text("target").notNull(),
		status: text("status", { enum: ["pending", "delivered", "failed"] })
			.notNull()
			.default("pending"),
		attempts: integer("attempts").notNull().default(0),
		lastStatusCode: integer("last_status_code"),
		lastError: text("last_error"),
		emailId: uuid("email_id"),
		/** A webhook's JSON body, fixed when the alert fired: every retry sends the same message. */
		payload: jsonb("payload").$type<Record<string, unknown>>(),
		deliveredAt: at("delivered_at"),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [index("alert_deliveries_alert_idx").on(t.alertId)],
);

/** Per organization: when the default alert rules were created (so deleting them all does not bring them back). */
export const alertSettings = pgTable("alert_settings", {
	organizationId: uuid("organization_id")
		.primaryKey()
		.references(() => organizations.id, { onDelete: "cascade" }),
	defaultRulesCreatedAt: at("default_rules_created_at").notNull(),
});
