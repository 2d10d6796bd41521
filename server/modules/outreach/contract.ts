// Payloads of the outreach API: contacts and lists (with CSV import and GDPR export), email campaigns with their
// invitations and stats, outreach settings, and imported mentions. Pure zod: the web app imports this file.
import { z } from "zod";

/** Trimmed text without NUL characters (PostgreSQL text cannot store them). */
const plain = () =>
	z
		.string()
		.trim()
		.refine((text) => !text.includes("\u0000"), "Contains NUL characters");

export const OutreachLanguage = z.enum(["de", "en"]);
export type OutreachLanguage = z.infer<typeof OutreachLanguage>;

/** Caps of one upload: the request body is also limited to 1 MB by the app. */
export const IMPORT_MAX_CHARS = 1_000_000;
export const CONTACT_IMPORT_MAX_ROWS = 10_000;
export const MENTION_IMPORT_MAX_ROWS = 5_000;
/** At most this many errors are listed in a report (`errorCount` counts all). */
export const IMPORT_MAX_LISTED_ERRORS = 200;

export const ContactEmail = z
	.string()
	.trim()
	.toLowerCase()
	.max(254)
	.pipe(z.email({ message: "Enter a valid email address" }));

/** Attribute keys: lower-case letters, digits, underscore (CSV columns `attr_<key>`). */
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const ContactAttributes = z
	.record(
		z.string().regex(ATTRIBUTE_KEY, "Keys: a–z, 0–9, _ (start with a letter, at most 40)"),
		z.union([plain().max(500), z.number(), z.boolean(), z.null()]),
	)
	.refine((v) => Object.keys(v).length <= 50, "At most 50 attributes");
export type ContactAttributes = z.infer<typeof ContactAttributes>;

const Name = plain().min(1, "Required").max(120);
const OptionalName = plain().max(200).nullable();
const ExternalId = plain().min(1).max(200).nullable();

export const ContactView = z.object({
	id: z.uuid(),
	email: z.string(),
	name: z.string().nullable(),
	language: OutreachLanguage,
	externalId: z.string().nullable(),
	attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
	unsubscribedAt: z.iso.datetime().nullable(),
	lastInvitedAt: z.iso.datetime().nullable(),
	bouncedAt: z.iso.datetime().nullable(),
	bounceReason: z.string().nullable(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
});
export type ContactView = z.infer<typeof ContactView>;

export const ContactDetailView = ContactView.extend({
	lists: z.array(z.object({ id: z.uuid(), name: z.string(), addedAt: z.iso.datetime() })),
});
export type ContactDetailView = z.infer<typeof ContactDetailView>;

export const CreateContactInput = z
	.object({
		email: ContactEmail,
		name: OptionalName.optional(),
		language: OutreachLanguage.default("de"),
		externalId: ExternalId.optional(),
		attributes: ContactAttributes.default({}),
		listIds: z.array(z.uuid()).max(20).default([]),
	})
	.strict();
export type CreateContactInput = z.infer<typeof CreateContactInput>;

export const UpdateContactInput = z
	.object({
		email: ContactEmail.optional(),
		name: OptionalName.optional(),
		language: OutreachLanguage.optional(),
		externalId: ExternalId.optional(),
		/** Replaces all attributes. */
		attributes: ContactAttributes.optional(),
		/** true sets unsubscribedAt (now); false clears it (only on the contact's own renewed consent). */
		unsubscribed: z.boolean().optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;

export const ContactStatus = z.enum(["reachable", "unsubscribed", "bounced"]);
export const ContactQuery = z.object({
	listId: z.uuid().optional(),
	/** Case-insensitive part of email or name. */
	q: plain().min(1).max(100).optional(),
	status: ContactStatus.optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	cursor: z.string().max(500).optional(),
});
export type ContactQuery = z.infer<typeof ContactQuery>;

/** Everything stored about one contact (GDPR Art. 15/20). */
export const ContactExportView = z.object({
	exportedAt: z.iso.datetime(),
	contact: ContactDetailView,
	invitations: z.array(
		z.object({
			id: z.uuid(),
			campaignId: z.uuid(),
			campaignName: z.string(),
			surveyId: z.uuid(),
			status: z.string(),
			sentAt: z.iso.datetime().nullable(),
			remindedAt: z.iso.datetime().nullable(),
			clickedAt: z.iso.datetime().nullable(),
			respondedAt: z.iso.datetime().nullable(),
			responseId: z.uuid().nullable(),
			unsubscribedAt: z.iso.datetime().nullable(),
		}),
	),
});
export type ContactExportView = z.infer<typeof ContactExportView>;

export const ContactListView = z.object({
	id: z.uuid(),
	name: z.string(),
	description: z.string().nullable(),
	memberCount: z.number().int(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
});
export type ContactListView = z.infer<typeof ContactListView>;

export const CreateContactListInput = z
	.object({ name: Name, description: plain().max(2000).nullable().optional() })
	.strict();
export type CreateContactListInput = z.infer<typeof CreateContactListInput>;

export const UpdateContactListInput = z
	.object({ name: Name.optional(), description: plain().max(2000).nullable().optional() })
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateContactListInput = z.infer<typeof UpdateContactListInput>;

export const AddContactListMembersInput = z
	.object({ contactIds: z.array(z.uuid()).min(1).max(1000) })
	.strict()
	.refine((v) => new Set(v.contactIds).size === v.contactIds.length, "Each contact once");
export type AddContactListMembersInput = z.infer<typeof AddContactListMembersInput>;

/**
 * A CSV upload, sent as JSON. Columns (header row, `,` or `;`): `email` (required), `name`, `language` (de|en),
 * `external_id`, and `attr_<key>` for attributes. All or nothing: any error → 400 whose `details` is the
 * ImportReport, nothing written. `dryRun: true` validates and reports (200) without writing.
 */
export const ImportContactsInput = z
	.object({ csv: z.string().min(1, "The file is empty").max(IMPORT_MAX_CHARS), dryRun: z.boolean().default(false) })
	.strict();
export type ImportContactsInput = z.infer<typeof ImportContactsInput>;

/** One problem: `line` is the 1-based line of the CSV (1 = header) or the 1-based item of a JSON array. */
export const ImportError = z.object({ line: z.number().int(), field: z.string().nullable(), message: z.string() });
export type ImportError = z.infer<typeof ImportError>;

/** The validation report of an import (also the `details` of the 400 when rows have errors). */
export const ImportReport = z.object({
	dryRun: z.boolean(),
	/** New rows (contacts created, or mentions new by source + source id). */
	imported: z.number().int(),
	/** Existing rows whose fields changed (or contacts newly added to the list). */
	updated: z.number().int(),
	/** Rows identical to what is stored: nothing to do. */
	skipped: z.number().int(),
	errorCount: z.number().int(),
	errors: z.array(ImportError),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const OutreachSettingsView = z.object({
	/** At most one invitation per contact within this many days (0 = no cap). */
	contactCapDays: z.number().int(),
	/** Whether a secret for POST /api/v1/public/email-events exists. */
	hasWebhookSecret: z.boolean(),
	/** Where the email provider posts bounce and complaint notifications. */
	webhookUrl: z.string(),
});
export type OutreachSettingsView = z.infer<typeof OutreachSettingsView>;

export const UpdateOutreachSettingsInput = z.object({ contactCapDays: z.number().int().min(0).max(365) }).strict();
export type UpdateOutreachSettingsInput = z.infer<typeof UpdateOutreachSettingsInput>;

/** Shown once: the provider sends it as `Authorization: Bearer <secret>`. */
export const WebhookSecretView = z.object({ secret: z.string() });
export type WebhookSecretView = z.infer<typeof WebhookSecretView>;

export const LocalizedText = (max: number) =>
	z
		.object({ de: plain().min(1).max(max).optional(), en: plain().min(1).max(max).optional() })
		.strict()
		.refine((v) => v.de !== undefined || v.en !== undefined, "Give at least one language (de or en)");

export const CreateEmailCampaignInput = z
	.object({
		name: Name.optional(),
		surveyId: z.uuid(),
		contactListId: z.uuid(),
		/** Per contact language; a language left out falls back to the other one. */
		subject: LocalizedText(200),
		intro: LocalizedText(2000),
		/** One reminder to non-responders this many days after sending. */
		reminderAfterDays: z.number().int().min(1).max(30).nullable().optional(),
		/** Send later (at most a year ahead); now when left out. */
		sendAt: z.iso.datetime({ offset: true }).optional(),
	})
	.strict();
export type CreateEmailCampaignInput = z.infer<typeof CreateEmailCampaignInput>;

export const CampaignStats = z.object({
	/** Contacts considered (one invitation row each, skipped ones included). */
	recipients: z.number().int(),
	queued: z.number().int(),
	sent: z.number().int(),
	failed: z.number().int(),
	bounced: z.number().int(),
	/** Opened the survey through the link (no tracking pixels). */
	clicked: z.number().int(),
	responded: z.number().int(),
	/** Unsubscribed through this campaign's emails. */
	unsubscribed: z.number().int(),
	reminded: z.number().int(),
	skippedUnsubscribed: z.number().int(),
	skippedBounced: z.number().int(),
	skippedByCap: z.number().int(),
	/** responded ÷ sent (0 when nothing was sent). */
	responseRate: z.number(),
});
export type CampaignStats = z.infer<typeof CampaignStats>;

export const CampaignStatus = z.enum(["scheduled", "sending", "sent"]);
export const EmailCampaignView = z.object({
	id: z.uuid(),
	name: z.string(),
	surveyId: z.uuid(),
	contactListId: z.uuid().nullable(),
	subject: z.object({ de: z.string().optional(), en: z.string().optional() }),
	intro: z.object({ de: z.string().optional(), en: z.string().optional() }),
	reminderAfterDays: z.number().int().nullable(),
	status: CampaignStatus,
	sendAt: z.iso.datetime(),
	startedAt: z.iso.datetime().nullable(),
	finishedAt: z.iso.datetime().nullable(),
	reminderDueAt: z.iso.datetime().nullable(),
	reminderSentAt: z.iso.datetime().nullable(),
	createdAt: z.iso.datetime(),
	stats: CampaignStats,
});
export type EmailCampaignView = z.infer<typeof EmailCampaignView>;

export const InvitationStatus = z.enum(["skipped", "queued", "sent", "failed", "bounced"]);
export const SkipReason = z.enum(["unsubscribed", "bounced", "frequency_cap"]);
export const InvitationView = z.object({
	id: z.uuid(),
	contactId: z.uuid().nullable(),
	/** Null once the contact was erased. */
	email: z.string().nullable(),
	language: OutreachLanguage,
	status: InvitationStatus,
	skipReason: SkipReason.nullable(),
	deliveryError: z.string().nullable(),
	sentAt: z.iso.datetime().nullable(),
	remindedAt: z.iso.datetime().nullable(),
	clickedAt: z.iso.datetime().nullable(),
	respondedAt: z.iso.datetime().nullable(),
	unsubscribedAt: z.iso.datetime().nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationQuery = z.object({
	status: InvitationStatus.optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	cursor: z.string().max(500).optional(),
});
export type InvitationQuery = z.infer<typeof InvitationQuery>;

/** Inbound bounce/complaint notifications from the email provider (POST /api/v1/public/email-events). */
export const EmailEventsInput = z
	.object({
		events: z
			.array(
				z
					.object({
						type: z.enum(["bounce", "complaint"]),
						email: ContactEmail,
						reason: plain().max(500).optional(),
						occurredAt: z.iso.datetime({ offset: true }).optional(),
					})
					.strict(),
			)
			.min(1)
			.max(500),
	})
	.strict();
export type EmailEventsInput = z.infer<typeof EmailEventsInput>;

export const EmailEventsView = z.object({ recorded: z.number().int(), unknown: z.number().int() });
export type EmailEventsView = z.infer<typeof EmailEventsView>;

export const Sentiment = z.enum(["negative", "neutral", "positive"]);
export const AnalysisStatus = z.enum(["pending", "done", "failed"]);

/** One mention as a source delivers it (file row, JSON item or connector). */
export const MentionDraft = z
	.object({
		/** The platform, e.g. "Trustpilot", "Google", "Community-Forum"; with sourceId the dedupe key (case-sensitive). */
		source: plain().min(1).max(60),
		sourceId: plain().min(1).max(200),
		author: plain().max(200).nullable().optional(),
		/** In the source's own scale (stars 1–5 for reviews); null for posts. */
		rating: z.number().min(0).max(10).nullable().optional(),
		text: plain().min(1, "Required").max(10_000),
		publishedAt: z.iso.datetime({ offset: true }).or(z.iso.date()),
		url: z
			.url({ protocol: /^https?$/ })
			.max(2000)
			.nullable()
			.optional(),
		/** ISO 639-1 when the source knows it; detected by the text pipeline otherwise. */
		language: z
			.string()
			.regex(/^[a-z]{2}$/, "Two lower-case letters (ISO 639-1)")
			.nullable()
			.optional(),
	})
	.strict();
export type MentionDraft = z.infer<typeof MentionDraft>;

/**
 * Mentions from a file: `csv` (columns source, source_id, author, rating, text, published_at, url, language;
 * `source` may be left out when `defaultSource` is given) or `mentions` (JSON items shaped like MentionDraft).
 * Deduplicated by (source, sourceId): a re-import updates only changed fields (changed text → analysed again).
 * All or nothing like the contact import.
 */
export const ImportMentionsInput = z
	.object({
		touchpointId: z.uuid(),
		defaultSource: plain().min(1).max(60).optional(),
		csv: z.string().min(1, "The file is empty").max(IMPORT_MAX_CHARS).optional(),
		mentions: z.array(z.record(z.string(), z.unknown())).min(1).max(MENTION_IMPORT_MAX_ROWS).optional(),
		dryRun: z.boolean().default(false),
	})
	.strict()
	.refine((v) => (v.csv === undefined) !== (v.mentions === undefined), "Send either csv or mentions");
export type ImportMentionsInput = z.infer<typeof ImportMentionsInput>;

export const MentionView = z.object({
	id: z.uuid(),
	touchpointId: z.uuid().nullable(),
	source: z.string(),
	sourceId: z.string(),
	author: z.string().nullable(),
	rating: z.number().nullable(),
	text: z.string(),
	publishedAt: z.iso.datetime(),
	url: z.string().nullable(),
	language: z.string().nullable(),
	sentiment: Sentiment.nullable(),
	sentimentScores: z.record(z.string(), z.number()).nullable(),
	intents: z.array(z.string()),
	themes: z.array(z.unknown()).nullable(),
	analysisStatus: AnalysisStatus,
	analysisError: z.string().nullable(),
	importedAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
});
export type MentionView = z.infer<typeof MentionView>;

export const MentionQuery = z
	.object({
		touchpointId: z.uuid().optional(),
		source: plain().min(1).max(60).optional(),
		from: z.iso.datetime({ offset: true }).optional(),
		to: z.iso.datetime({ offset: true }).optional(),
		/** Case-insensitive part of the text or author. */
		q: plain().min(1).max(100).optional(),
		sentiment: Sentiment.optional(),
		analysisStatus: AnalysisStatus.optional(),
		limit: z.coerce.number().int().min(1).max(200).default(50),
		cursor: z.string().max(500).optional(),
	})
	.refine((v) => !v.from || !v.to || new Date(v.from) < new Date(v.to), "from must be before to");
export type MentionQuery = z.infer<typeof MentionQuery>;
