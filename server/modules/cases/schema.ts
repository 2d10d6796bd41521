// Closed loop: cases opened from responses and mentions by rules, their audit history and messages, SLA policies,
// the organization's business calendar and root-cause list.
import { sql } from "drizzle-orm";
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { departments, organizations, users } from "../admin/schema";
import {
	type BusinessHours,
	CASE_MESSAGE_KINDS,
	CASE_PRIORITIES,
	CASE_SOURCES,
	CASE_STATUSES,
	type CaseRuleConditions,
} from "./contract";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () =>
	uuid("organization_id")
		.notNull()
		.references(() => organizations.id, { onDelete: "cascade" });

/** Weekday 1 (Monday) … 7 (Sunday) → opening ranges ["08:00","18:00"] in the organization's time zone. */
type BusinessHoursJson = BusinessHours;
/** A rule's conditions; every present condition must hold (absent = any). */
type CaseRuleConditionsJson = CaseRuleConditions;

export const caseSettings = pgTable("case_settings", {
	organizationId: uuid("organization_id")
		.primaryKey()
		.references(() => organizations.id, { onDelete: "cascade" }),
	businessHours: jsonb("business_hours").$type<BusinessHoursJson>().notNull(),
	holidays: jsonb("holidays").$type<string[]>().notNull().default([]),
	costPerHourCents: integer("cost_per_hour_cents").notNull().default(4500),
	currency: text("currency").notNull().default("EUR"),
	autoAcknowledge: boolean("auto_acknowledge").notNull().default(true),
	updatedAt: at("updated_at").notNull().defaultNow(),
});

export const slaPolicies = pgTable(
	"sla_policies",
	{
		organizationId: orgId(),
		priority: text("priority", { enum: CASE_PRIORITIES }).notNull(),
		/** Business minutes. */
		firstResponseMinutes: integer("first_response_minutes").notNull(),
		resolutionMinutes: integer("resolution_minutes").notNull(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.organizationId, t.priority] })],
);

export const rootCauses = pgTable(
	"root_causes",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		label: jsonb("label").$type<{ de: string; en: string }>().notNull(),
		archivedAt: at("archived_at"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [uniqueIndex("root_causes_org_label_key").on(t.organizationId, sql`lower(${t.label}->>'en')`)],
);

export const caseRules = pgTable(
	"case_rules",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		name: text("name").notNull(),
		enabled: boolean("enabled").notNull().default(true),
		position: integer("position").notNull(),
		conditions: jsonb("conditions").$type<CaseRuleConditionsJson>().notNull(),
		priority: text("priority", { enum: CASE_PRIORITIES }).notNull(),
		/** Null: the department that owns the touchpoint. */
		departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
		autoAssign: boolean("auto_assign").notNull().default(false),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [index("case_rules_org_idx").on(t.organizationId, t.position)],
);

export const cases = pgTable(
	"cases",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		/** Per organization, for people ("#123"). */
		number: integer("number").notNull(),
		status: text("status", { enum: CASE_STATUSES }).notNull().default("new"),
		priority: text("priority", { enum: CASE_PRIORITIES }).notNull().default("normal"),
		departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
		assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
		ruleId: uuid("rule_id").references(() => caseRules.id, { onDelete: "set null" }),
		source: text("source", { enum: CASE_SOURCES }).notNull(),
		/** Responses are partitioned: a plain id plus the partition key, no foreign key. */
		responseId: uuid("response_id"),
		responseSubmittedAt: at("response_submitted_at"),
		mentionId: uuid("mention_id"),
		contactId: uuid("contact_id"),
		touchpointId: uuid("touchpoint_id"),
		subject: text("subject").notNull(),
		customerEmail: text("customer_email"),
		customerName: text("customer_name"),
		language: text("language", { enum: ["de", "en"] })
			.notNull()
			.default("de"),
		tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
		rootCauseId: uuid("root_cause_id").references(() => rootCauses.id, { onDelete: "set null" }),
		resolutionNote: text("resolution_note"),
		firstResponseDueAt: at("first_response_due_at"),
		resolutionDueAt: at("resolution_due_at"),
		firstRespondedAt: at("first_responded_at"),
		resolvedAt: at("resolved_at"),
		closedAt: at("closed_at"),
		reopenCount: integer("reopen_count").notNull().default(0),
		/** 0–3, one step each: 1 notified the assignee, 2 notified the department lead, 3 raised the priority. */
		escalationLevel: smallint("escalation_level").notNull().default(0),
		escalatedAt: at("escalated_at"),
		agentMinutes: integer("agent_minutes").notNull().default(0),
		/** Optimistic concurrency: ETag W/"<version>", PATCH requires If-Match. */
		version: integer("version").notNull().default(1),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("cases_org_number_key").on(t.organizationId, t.number),
		uniqueIndex("cases_org_response_key").on(t.organizationId, t.responseId).where(sql`${t.responseId} is not null`),
		uniqueIndex("cases_org_mention_key").on(t.organizationId, t.mentionId).where(sql`${t.mentionId} is not null`),
		index("cases_org_created_idx").on(t.organizationId, t.createdAt, t.id),
		index("cases_org_status_idx").on(t.organizationId, t.status, t.departmentId),
		index("cases_org_assignee_idx").on(t.organizationId, t.assigneeId),
		index("cases_org_contact_idx").on(t.organizationId, t.contactId),
		index("cases_open_due_idx").on(t.resolutionDueAt).where(sql`${t.status} in ('new', 'open', 'waiting')`),
	],
);

export const caseEvents = pgTable(
	"case_events",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		caseId: uuid("case_id")
			.notNull()
			.references(() => cases.id, { onDelete: "cascade" }),
		at: at("at").notNull().defaultNow(),
		actor: text("actor").notNull(),
		kind: text("kind").notNull(),
		data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
	},
	(t) => [index("case_events_case_idx").on(t.caseId, t.at), index("case_events_org_idx").on(t.organizationId, t.at)],
);

export const caseMessages = pgTable(
	"case_messages",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		caseId: uuid("case_id")
			.notNull()
			.references(() => cases.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: CASE_MESSAGE_KINDS }).notNull(),
		authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
		body: text("body").notNull(),
		subject: text("subject"),
		/** The platform's outbound_emails row, so delivery status and retries are visible. */
		emailId: uuid("email_id"),
		/** RFC 5322 Message-ID, for threading replies. */
		messageId: text("message_id"),
		fromAddress: text("from_address"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [
		index("case_messages_case_idx").on(t.caseId, t.createdAt),
		index("case_messages_message_id_idx").on(t.organizationId, t.messageId),
	],
);
