// Closed loop with the customer: reply templates, the secrets of reply addresses and the inbound-mail webhook,
// the reply token of each case's conversation, and the "was your issue solved?" follow-ups.
import { sql } from "drizzle-orm";
import { boolean, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../admin/schema";
import { cases } from "./schema";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () =>
	uuid("organization_id")
		.notNull()
		.references(() => organizations.id, { onDelete: "cascade" });

export const REPLY_LANGUAGES = ["de", "en"] as const;
export const FOLLOW_UP_STATUSES = ["sent", "answered"] as const;

/** Per organization: the HMAC key of reply-address and follow-up tokens, and the hashed inbound webhook secret. */
export const caseLoopSettings = pgTable("case_loop_settings", {
	organizationId: uuid("organization_id")
		.primaryKey()
		.references(() => organizations.id, { onDelete: "cascade" }),
	/** Made on first use and kept only in the database. */
	tokenSecret: text("token_secret").notNull(),
	/** SHA-256 of the bearer secret of the inbound-mail webhook (null: not set up). */
	inboundSecretHash: text("inbound_secret_hash").unique(),
	inboundSecretPrefix: text("inbound_secret_prefix"),
	updatedAt: at("updated_at").notNull().defaultNow(),
});

export const caseReplyTemplates = pgTable(
	"case_reply_templates",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		name: text("name").notNull(),
		language: text("language", { enum: REPLY_LANGUAGES }).notNull(),
		subject: text("subject").notNull(),
		body: text("body").notNull(),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [uniqueIndex("case_reply_templates_org_name_key").on(t.organizationId, t.language, sql`lower(${t.name})`)],
);

/** The token in a case's reply address (`<local>+c-<token>@<domain>`): an HMAC of the case id, stored to look it up. */
export const caseReplyTokens = pgTable(
	"case_reply_tokens",
	{
		caseId: uuid("case_id")
			.primaryKey()
			.references(() => cases.id, { onDelete: "cascade" }),
		organizationId: orgId(),
		token: text("token").notNull(),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [uniqueIndex("case_reply_tokens_token_key").on(t.token)],
);

/** One follow-up per resolution of a case (a case resolved again after a reopen asks again). */
export const caseFollowUps = pgTable(
	"case_follow_ups",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		caseId: uuid("case_id")
			.notNull()
			.references(() => cases.id, { onDelete: "cascade" }),
		/** The resolution this follow-up asks about. */
		resolvedAt: at("resolved_at").notNull(),
		language: text("language", { enum: REPLY_LANGUAGES }).notNull(),
		emailId: uuid("email_id"),
		status: text("status", { enum: FOLLOW_UP_STATUSES }).notNull().default("sent"),
		isSolved: boolean("is_solved"),
		/** 1–5, optional. */
		satisfaction: smallint("satisfaction"),
		answeredAt: at("answered_at"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("case_follow_ups_case_resolution_key").on(t.caseId, t.resolvedAt),
		index("case_follow_ups_org_created_idx").on(t.organizationId, t.createdAt),
	],
);
