// Survey responses (append-mostly; partitioned by month of `submitted_at` on the database, see the
// responses_partitioning migration) and the idempotency ledger of client response ids.
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../admin/schema";
import { AUDIENCES, SCORE_GROUPS, type SurveyLanguage } from "../surveys/contract";
import { surveys, surveyVersions } from "../surveys/schema";
import { ANALYSIS_STATUSES, RESPONSE_CHANNELS, SENTIMENTS } from "./contract";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One respondent's answers to one survey version. `submitted_at` is the server time of the first receipt and
 * never changes (it is the partition key); a partial response is updated until `completed`, then immutable.
 */
export const responses = pgTable(
	"responses",
	{
		id: uuid("id").notNull(),
		submittedAt: at("submitted_at").notNull(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		surveyId: uuid("survey_id")
			.notNull()
			.references(() => surveys.id, { onDelete: "cascade" }),
		surveyVersionId: uuid("survey_version_id")
			.notNull()
			.references(() => surveyVersions.id, { onDelete: "cascade" }),
		/** The survey's touchpoint when the response arrived (a journey module id). */
		touchpointId: uuid("touchpoint_id").notNull(),
		audience: text("audience", { enum: AUDIENCES }).notNull(),
		channel: text("channel", { enum: RESPONSE_CHANNELS }).notNull(),
		language: text("language").notNull().$type<SurveyLanguage>(),
		answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
		hiddenFields: jsonb("hidden_fields").$type<Record<string, string>>().notNull().default({}),
		scoreType: text("score_type", { enum: ["nps", "csat", "ces"] }),
		score: smallint("score"),
		scoreGroup: text("score_group", { enum: SCORE_GROUPS }),
		/** The open-text answers joined: what the text pipeline analyses. */
		comment: text("comment"),
		completed: boolean("completed").notNull(),
		completedAt: at("completed_at"),
		startedAt: at("started_at"),
		updatedAt: at("updated_at").notNull(),
		/** Never stored for employee surveys (anonymous). */
		visitorId: text("visitor_id"),
		sessionId: text("session_id"),
		contactId: uuid("contact_id"),
		invitationId: uuid("invitation_id"),
		sentiment: text("sentiment", { enum: SENTIMENTS }),
		sentimentScores: jsonb("sentiment_scores").$type<Record<string, number>>(),
		intents: text("intents").array().notNull().default(sql`'{}'::text[]`),
		themes: jsonb("themes").$type<unknown[]>(),
		analysisStatus: text("analysis_status", { enum: ANALYSIS_STATUSES }).notNull().default("pending"),
		analysisError: text("analysis_error"),
		/** The comment's language as detected (the survey language is `language`). */
		textLanguage: text("text_language"),
		/** The comment with personal data masked, when the organization redacts. */
		commentRedacted: text("comment_redacted"),
		/** A person corrected the labels: re-analysis leaves them alone. */
		analysisCorrected: boolean("analysis_corrected").notNull().default(false),
		/** Closed loop: whether someone answered this feedback (cases module). */
		replyState: text("reply_state", { enum: ["unanswered", "acknowledged", "answered"] })
			.notNull()
			.default("unanswered"),
	},
	(t) => [
		primaryKey({ columns: [t.id, t.submittedAt] }),
		index("responses_org_submitted_idx").on(t.organizationId, t.submittedAt, t.id),
		index("responses_survey_submitted_idx").on(t.surveyId, t.submittedAt),
		index("responses_touchpoint_submitted_idx").on(t.organizationId, t.touchpointId, t.submittedAt),
		index("responses_analysis_idx").on(t.analysisStatus, t.submittedAt).where(sql`${t.analysisStatus} = 'pending'`),
		index("responses_unanswered_idx")
			.on(t.organizationId, t.submittedAt, t.id)
			.where(sql`${t.replyState} = 'unanswered' and ${t.comment} is not null`),
	],
);

/** The idempotency ledger: a client response id is stored once, whatever partition its row is in. */
export const responseKeys = pgTable("response_keys", {
	id: uuid("id").primaryKey(),
	organizationId: uuid("organization_id")
		.notNull()
		.references(() => organizations.id, { onDelete: "cascade" }),
	surveyId: uuid("survey_id").notNull(),
	submittedAt: at("submitted_at").notNull(),
});
