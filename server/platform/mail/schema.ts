// Outgoing email, recorded before it is sent so that a failed or retried delivery stays visible.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../../modules/admin/schema";

export type EmailHeaders = { replyTo?: string; messageId?: string; inReplyTo?: string; references?: string[] };

export const outboundEmails = pgTable(
	"outbound_emails",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
		toAddress: text("to_address").notNull(),
		subject: text("subject").notNull(),
		textBody: text("text_body").notNull(),
		htmlBody: text("html_body"),
		/** Reply-To and threading headers (Message-ID, In-Reply-To, References), for conversations such as cases. */
		headers: jsonb("headers").$type<EmailHeaders>(),
		/** A job told the outcome of each attempt (see EmailDraft.notifyJob). */
		notifyJob: text("notify_job"),
		status: text("status", { enum: ["queued", "sent", "failed"] })
			.notNull()
			.default("queued"),
		attempts: integer("attempts").notNull().default(0),
		lastError: text("last_error"),
		sentAt: timestamp("sent_at", { withTimezone: true, precision: 3 }),
		createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
	},
	(t) => [index("outbound_emails_org_idx").on(t.organizationId, t.createdAt)],
);
