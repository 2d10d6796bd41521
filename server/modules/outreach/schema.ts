// Outreach: contacts and their lists, email campaigns with one invitation per contact, imported mentions,
// and the organization's outreach settings (contact-frequency cap, token and webhook secrets).
import { sql } from "drizzle-orm";
import {
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "../admin/schema";
import { touchpoints } from "../journey/schema";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const outreachSettings = pgTable("outreach_settings", {
	organizationId: uuid("organization_id")
		.primaryKey()
		.references(() => organizations.id, { onDelete: "cascade" }),
	/** At most one invitation per contact within this many days (0 = no cap). */
	contactCapDays: integer("contact_cap_days").notNull().default(30),
	/** HMAC key of invitation and unsubscribe tokens: random per organization, never leaves the database. */
	tokenSecret: text("token_secret").notNull(),
	/** SHA-256 of the bearer secret of the inbound email-events webhook. */
	webhookSecretHash: text("webhook_secret_hash").unique(),
	updatedAt: at("updated_at").notNull().defaultNow(),
});

export const contacts = pgTable(
	"contacts",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		/** Stored lower-cased, unique per organization. */
		email: text("email").notNull(),
		name: text("name"),
		language: text("language", { enum: ["de", "en"] })
			.notNull()
			.default("de"),
		externalId: text("external_id"),
		attributes: jsonb("attributes").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
		unsubscribedAt: at("unsubscribed_at"),
		lastInvitedAt: at("last_invited_at"),
		bouncedAt: at("bounced_at"),
		bounceReason: text("bounce_reason"),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("contacts_org_email_key").on(t.organizationId, t.email),
		index("contacts_org_created_idx").on(t.organizationId, t.createdAt, t.id),
	],
);

export const contactLists = pgTable(
	"contact_lists",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		description: text("description"),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [uniqueIndex("contact_lists_org_name_key").on(t.organizationId, sql`lower(${t.name})`)],
);

export const contactListMembers = pgTable(
	"contact_list_members",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		listId: uuid("list_id")
			.notNull()
			.references(() => contactLists.id, { onDelete: "cascade" }),
		contactId: uuid("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		addedAt: at("added_at").notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.listId, t.contactId] }), index("contact_list_members_contact_idx").on(t.contactId)],
);

export const emailCampaigns = pgTable(
	"email_campaigns",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		/** The surveys module's survey; a plain id (modules reference each other through services). */
		surveyId: uuid("survey_id").notNull(),
		contactListId: uuid("contact_list_id").references(() => contactLists.id, { onDelete: "set null" }),
		subject: jsonb("subject").$type<Partial<Record<"de" | "en", string>>>().notNull(),
		intro: jsonb("intro").$type<Partial<Record<"de" | "en", string>>>().notNull(),
		reminderAfterDays: integer("reminder_after_days"),
		status: text("status", { enum: ["scheduled", "sending", "sent"] })
			.notNull()
			.default("scheduled"),
		sendAt: at("send_at").notNull(),
		startedAt: at("started_at"),
		finishedAt: at("finished_at"),
		reminderDueAt: at("reminder_due_at"),
		reminderSentAt: at("reminder_sent_at"),
		createdBy: text("created_by"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [index("email_campaigns_org_idx").on(t.organizationId, t.createdAt, t.id)],
);

export const INVITATION_STATUSES = ["skipped", "queued", "sent", "failed", "bounced"] as const;
export const SKIP_REASONS = ["unsubscribed", "bounced", "frequency_cap"] as const;

/** One contact in one campaign: delivery, reminder, click, response and unsubscribe, for the campaign's stats. */
export const emailInvitations = pgTable(
	"email_invitations",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		campaignId: uuid("campaign_id")
			.notNull()
			.references(() => emailCampaigns.id, { onDelete: "cascade" }),
		/** Null once the contact was erased; the row stays (without personal data) for the campaign's numbers. */
		contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
		surveyId: uuid("survey_id").notNull(),
		language: text("language", { enum: ["de", "en"] }).notNull(),
		status: text("status", { enum: INVITATION_STATUSES }).notNull(),
		skipReason: text("skip_reason", { enum: SKIP_REASONS }),
		emailId: uuid("email_id"),
		reminderEmailId: uuid("reminder_email_id"),
		deliveryError: text("delivery_error"),
		sentAt: at("sent_at"),
		remindedAt: at("reminded_at"),
		clickedAt: at("clicked_at"),
		respondedAt: at("responded_at"),
		responseId: uuid("response_id"),
		unsubscribedAt: at("unsubscribed_at"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("email_invitations_campaign_contact_key").on(t.campaignId, t.contactId),
		index("email_invitations_campaign_idx").on(t.campaignId, t.status),
		index("email_invitations_email_idx").on(t.emailId),
		index("email_invitations_reminder_email_idx").on(t.reminderEmailId),
		index("email_invitations_contact_idx").on(t.contactId),
	],
);

export const ANALYSIS_STATUSES = ["pending", "done", "failed"] as const;

/** An imported review, social post or community thread; analysed like an open-text response. */
export const mentions = pgTable(
	"mentions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		touchpointId: uuid("touchpoint_id").references(() => touchpoints.id, { onDelete: "set null" }),
		source: text("source").notNull(),
		sourceId: text("source_id").notNull(),
		author: text("author"),
		rating: doublePrecision("rating"),
		text: text("text").notNull(),
		publishedAt: at("published_at").notNull(),
		url: text("url"),
		language: text("language"),
		sentiment: text("sentiment", { enum: ["negative", "neutral", "positive"] }),
		sentimentScores: jsonb("sentiment_scores").$type<Record<string, number>>(),
		intents: text("intents").array().notNull().default(sql`'{}'::text[]`),
		themes: jsonb("themes").$type<unknown[]>(),
		analysisStatus: text("analysis_status", { enum: ANALYSIS_STATUSES }).notNull().default("pending"),
		analysisError: text("analysis_error"),
		/** The text with personal data masked, when the organization redacts. */
		textRedacted: text("text_redacted"),
		/** A person corrected the labels: re-analysis leaves them alone. */
		analysisCorrected: boolean("analysis_corrected").notNull().default(false),
		/** Closed loop: whether someone answered this feedback (cases module). */
		replyState: text("reply_state", { enum: ["unanswered", "acknowledged", "answered"] })
			.notNull()
			.default("unanswered"),
		importedAt: at("imported_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex("mentions_org_source_key").on(t.organizationId, t.source, t.sourceId),
		index("mentions_org_published_idx").on(t.organizationId, t.publishedAt, t.id),
		index("mentions_org_touchpoint_idx").on(t.organizationId, t.touchpointId, t.publishedAt),
		index("mentions_analysis_idx").on(t.analysisStatus, t.importedAt),
		index("mentions_unanswered_idx")
			.on(t.organizationId, t.publishedAt, t.id)
			.where(sql`${t.replyState} = 'unanswered'`),
	],
);
