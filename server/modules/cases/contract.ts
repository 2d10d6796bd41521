// Payloads of the cases API: the inbox list and case detail, case changes (single and bulk), notes, rules,
// root causes, SLA policies and the business calendar. Pure zod (the web app imports it).
import { z } from "zod";
import { PageQuery } from "../../../lib/api/pagination";
import { SessionPathView } from "../events/contract";

export const CASE_STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;

export const CASE_SOURCES = ["response", "mention", "manual"] as const;
export const CaseSource = z.enum(CASE_SOURCES);
export type CaseSource = z.infer<typeof CaseSource>;

export const CASE_MESSAGE_KINDS = ["note", "outbound", "inbound", "public"] as const;
export const CaseMessageKind = z.enum(CASE_MESSAGE_KINDS);
export type CaseMessageKind = z.infer<typeof CaseMessageKind>;

export const CaseLanguage = z.enum(["de", "en"]);
export type CaseLanguage = z.infer<typeof CaseLanguage>;

/** Which status may follow which: reopening (resolved/closed → open) counts in `reopenCount`. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
	new: ["open", "waiting", "resolved"],
	open: ["waiting", "resolved"],
	waiting: ["open", "resolved"],
	resolved: ["closed", "open"],
	closed: ["open"],
};

export const isCaseTransitionAllowed = (from: CaseStatus, to: CaseStatus) => CASE_TRANSITIONS[from].includes(to);

const DateTime = z.iso.datetime({ offset: true });
const Tag = z.string().trim().min(1).max(40);
const Tags = z.array(Tag).max(20);
const Label = z.object({ de: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120) }).strict();

// ── Cases ────────────────────────────────────────────────────────────────────────────────────────────────

export const CaseView = z.object({
	id: z.uuid(),
	number: z.number().int(),
	status: CaseStatus,
	priority: CasePriority,
	departmentId: z.uuid().nullable(),
	departmentName: z.string().nullable(),
	assigneeId: z.uuid().nullable(),
	assigneeName: z.string().nullable(),
	ruleId: z.uuid().nullable(),
	source: CaseSource,
	responseId: z.uuid().nullable(),
	mentionId: z.uuid().nullable(),
	contactId: z.uuid().nullable(),
	touchpointId: z.uuid().nullable(),
	touchpointName: z.string().nullable(),
	subject: z.string(),
	customerEmail: z.string().nullable(),
	customerName: z.string().nullable(),
	language: CaseLanguage,
	tags: z.array(z.string()),
	rootCauseId: z.uuid().nullable(),
	resolutionNote: z.string().nullable(),
	firstResponseDueAt: DateTime.nullable(),
	resolutionDueAt: DateTime.nullable(),
	firstRespondedAt: DateTime.nullable(),
	resolvedAt: DateTime.nullable(),
	closedAt: DateTime.nullable(),
	/** An unresolved case past its first-response (not yet answered) or resolution due time. */
	isOverdue: z.boolean(),
	reopenCount: z.number().int(),
	/** 0–3: 1 notified the assignee, 2 notified the department lead, 3 raised the priority. */
	escalationLevel: z.number().int(),
	agentMinutes: z.number().int(),
	/** Send as `If-Match: W/"<version>"` (or the ETag of GET) when changing the case. */
	version: z.number().int(),
	createdAt: DateTime,
	updatedAt: DateTime,
});
export type CaseView = z.infer<typeof CaseView>;

/** Comma-separated values in a query string ("new,open"). */
const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
	z
		.string()
		.max(500)
		.transform((v) => v.split(",").filter((s) => s.length > 0))
		.pipe(z.array(item));

export const CaseListQuery = PageQuery.extend({
	status: csv(CaseStatus).optional(),
	departmentId: z.uuid().optional(),
	/** "me", "none" (unassigned) or a user id. */
	assignee: z.union([z.enum(["me", "none"]), z.uuid()]).optional(),
	priority: csv(CasePriority).optional(),
	overdue: z.enum(["true", "false"]).optional(),
	touchpointId: z.uuid().optional(),
	/** Searches subject, customer name and email, and the case number ("123" or "#123"). */
	q: z.string().trim().max(200).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseListView = z.object({
	items: z.array(CaseView),
	nextCursor: z.string().nullable(),
	/** Cases per status under the same filters except `status` (for the inbox tabs). */
	counts: z.record(CaseStatus, z.number().int()),
});
export type CaseListView = z.infer<typeof CaseListView>;

export const CaseEventView = z.object({
	id: z.uuid(),
	at: DateTime,
	/** A user id, "job:<name>" or "system". */
	actor: z.string(),
	actorName: z.string().nullable(),
	kind: z.string(),
	data: z.record(z.string(), z.unknown()),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

export const CaseMessageView = z.object({
	id: z.uuid(),
	kind: CaseMessageKind,
	authorId: z.uuid().nullable(),
	authorName: z.string().nullable(),
	body: z.string(),
	subject: z.string().nullable(),
	emailId: z.uuid().nullable(),
	/** The delivery of an outbound email: queued, sent or failed (retried until its last attempt). */
	emailStatus: z.enum(["queued", "sent", "failed"]).nullable(),
	emailAttempts: z.number().int().nullable(),
	emailError: z.string().nullable(),
	fromAddress: z.string().nullable(),
	createdAt: DateTime,
});
export type CaseMessageView = z.infer<typeof CaseMessageView>;

export const Analysis = z.object({
	sentiment: z.string().nullable(),
	intents: z.array(z.string()),
	themes: z.array(z.string()),
});

/** The response or mention the case was opened from. */
export const LinkedFeedbackView = z.object({
	kind: z.enum(["response", "mention"]),
	id: z.uuid(),
	at: DateTime,
	touchpointId: z.uuid().nullable(),
	scoreType: z.string().nullable(),
	score: z.number().nullable(),
	comment: z.string().nullable(),
	source: z.string().nullable(),
	url: z.string().nullable(),
	sessionId: z.string().nullable(),
	...Analysis.shape,
});
export type LinkedFeedbackView = z.infer<typeof LinkedFeedbackView>;

/** What else the customer told us and did: their other responses, earlier cases, the session of the response. */
export const CustomerHistoryView = z.object({
	responses: z.array(
		z.object({
			id: z.uuid(),
			at: DateTime,
			touchpointId: z.uuid(),
			scoreType: z.string().nullable(),
			score: z.number().nullable(),
			comment: z.string().nullable(),
			sentiment: z.string().nullable(),
		}),
	),
	cases: z.array(
		z.object({ id: z.uuid(), number: z.number().int(), status: CaseStatus, subject: z.string(), createdAt: DateTime }),
	),
	/** The session of the linked response (its page path before and after answering), when it has one. */
	sessionPath: SessionPathView.nullable(),
});
export type CustomerHistoryView = z.infer<typeof CustomerHistoryView>;

export const CaseDetailView = CaseView.extend({
	rootCauseLabel: Label.nullable(),
	events: z.array(CaseEventView),
	messages: z.array(CaseMessageView),
	feedback: LinkedFeedbackView.nullable(),
	customer: CustomerHistoryView,
});
export type CaseDetailView = z.infer<typeof CaseDetailView>;

/** A case opened by hand (e.g. from a phone call, or from a response no rule caught). */
export const OpenCaseInput = z
	.object({
		subject: z.string().trim().min(1).max(300),
		departmentId: z.uuid().nullable().optional(),
		priority: CasePriority.default("normal"),
		assigneeId: z.uuid().nullable().optional(),
		touchpointId: z.uuid().nullable().optional(),
		/** Link a response or mention (at most one case each: 409 if it has one). */
		responseId: z.uuid().optional(),
		mentionId: z.uuid().optional(),
		customerEmail: z.email().max(320).optional(),
		customerName: z.string().trim().min(1).max(200).optional(),
		language: CaseLanguage.default("de"),
		tags: Tags.default([]),
		/** An internal note written with the case. */
		note: z.string().trim().min(1).max(10_000).optional(),
	})
	.strict()
	.refine((v) => !(v.responseId && v.mentionId), "Link a response or a mention, not both");
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

/** PATCH /api/v1/cases/:id with `If-Match`; resolving needs a root cause (given now or set before). */
export const UpdateCaseInput = z
	.object({
		status: CaseStatus.optional(),
		priority: CasePriority.optional(),
		assigneeId: z.uuid().nullable().optional(),
		departmentId: z.uuid().nullable().optional(),
		tags: Tags.optional(),
		rootCauseId: z.uuid().nullable().optional(),
		resolutionNote: z.string().trim().max(10_000).nullable().optional(),
		/** Minutes an agent worked on the case, added to its total (for service cost). */
		addAgentMinutes: z.number().int().min(1).max(1440).optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateCaseInput = z.infer<typeof UpdateCaseInput>;

export const BulkCaseChange = z.discriminatedUnion("kind", [
	z.object({ kind: z.literal("assign"), assigneeId: z.uuid().nullable() }).strict(),
	z
		.object({
			kind: z.literal("status"),
			status: CaseStatus,
			rootCauseId: z.uuid().optional(),
			resolutionNote: z.string().trim().max(10_000).optional(),
		})
		.strict(),
	z.object({ kind: z.literal("priority"), priority: CasePriority }).strict(),
	z
		.object({ kind: z.literal("tags"), add: Tags.default([]), remove: Tags.default([]) })
		.strict()
		.refine((v) => v.add.length + v.remove.length > 0, "Add or remove at least one tag"),
]);
export type BulkCaseChange = z.infer<typeof BulkCaseChange>;

/** One change applied to each case on its own: every case is validated and saved (or refused) separately. */
export const BulkCaseInput = z
	.object({ ids: z.array(z.uuid()).min(1).max(200), change: BulkCaseChange })
	.strict()
	.refine((v) => new Set(v.ids).size === v.ids.length, "ids: each case once");
export type BulkCaseInput = z.infer<typeof BulkCaseInput>;

export const BulkCaseResultView = z.object({
	results: z.array(
		z.object({
			id: z.uuid(),
			ok: z.boolean(),
			case: CaseView.nullable(),
			error: z.object({ code: z.string(), message: z.string() }).nullable(),
		}),
	),
	succeeded: z.number().int(),
	failed: z.number().int(),
});
export type BulkCaseResultView = z.infer<typeof BulkCaseResultView>;

export const AddCaseNoteInput = z.object({ body: z.string().trim().min(1).max(10_000) }).strict();
export type AddCaseNoteInput = z.infer<typeof AddCaseNoteInput>;

/** A member who can work cases, with their departments (for the assignee picker). */
export const CaseAgentView = z.object({
	userId: z.uuid(),
	name: z.string(),
	email: z.string(),
	role: z.string(),
	departmentIds: z.array(z.uuid()),
});
export type CaseAgentView = z.infer<typeof CaseAgentView>;

// ── Rules ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every given condition must hold (absent = any). `maxScore` applies to `scoreType` (NPS ≤ 6, CSAT ≤ 2);
 * `keywords` match the text case-insensitively (any of them); customer value is read from the contact's numeric
 * attribute `customerValueAttribute` (default `valueCents`), in cents.
 */
export const CaseRuleConditions = z
	.object({
		scoreType: z.enum(["nps", "csat", "ces"]).optional(),
		maxScore: z.number().int().min(0).max(10).optional(),
		sentiments: z
			.array(z.enum(["negative", "neutral", "positive"]))
			.min(1)
			.optional(),
		intents: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
		themes: z.array(z.string().trim().min(1).max(80)).min(1).max(50).optional(),
		touchpointIds: z.array(z.uuid()).min(1).max(300).optional(),
		keywords: z.array(z.string().trim().min(2).max(80)).min(1).max(50).optional(),
		minCustomerValueCents: z.number().int().min(0).optional(),
		customerValueAttribute: z
			.string()
			.trim()
			.regex(/^[A-Za-z0-9_.-]{1,60}$/)
			.optional(),
		sources: z
			.array(z.enum(["response", "mention"]))
			.min(1)
			.optional(),
	})
	.strict()
	.refine((v) => v.maxScore === undefined || v.scoreType !== undefined, "maxScore needs a scoreType")
	.refine((v) => Object.keys(v).length > 0, "Give at least one condition");
export type CaseRuleConditions = z.infer<typeof CaseRuleConditions>;

export const CaseRuleView = z.object({
	id: z.uuid(),
	name: z.string(),
	enabled: z.boolean(),
	position: z.number().int(),
	conditions: CaseRuleConditions,
	priority: CasePriority,
	departmentId: z.uuid().nullable(),
	autoAssign: z.boolean(),
	createdAt: DateTime,
	updatedAt: DateTime,
});
export type CaseRuleView = z.infer<typeof CaseRuleView>;

export const CreateCaseRuleInput = z
	.object({
		name: z.string().trim().min(1).max(120),
		enabled: z.boolean().default(true),
		conditions: CaseRuleConditions,
		priority: CasePriority.default("normal"),
		/** Null or absent: the department that owns the feedback's touchpoint. */
		departmentId: z.uuid().nullable().optional(),
		autoAssign: z.boolean().default(false),
	})
	.strict();
export type CreateCaseRuleInput = z.infer<typeof CreateCaseRuleInput>;

export const UpdateCaseRuleInput = z
	.object({
		name: z.string().trim().min(1).max(120).optional(),
		enabled: z.boolean().optional(),
		conditions: CaseRuleConditions.optional(),
		priority: CasePriority.optional(),
		departmentId: z.uuid().nullable().optional(),
		autoAssign: z.boolean().optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateCaseRuleInput = z.infer<typeof UpdateCaseRuleInput>;

/** All rules of the organization in their new order (first match wins). */
export const ReorderCaseRulesInput = z.object({ ruleIds: z.array(z.uuid()).max(200) }).strict();
export type ReorderCaseRulesInput = z.infer<typeof ReorderCaseRulesInput>;

// ── Root causes ──────────────────────────────────────────────────────────────────────────────────────────

export const RootCauseView = z.object({
	id: z.uuid(),
	label: Label,
	archived: z.boolean(),
	createdAt: DateTime,
});
export type RootCauseView = z.infer<typeof RootCauseView>;

export const CreateRootCauseInput = z.object({ label: Label }).strict();
export type CreateRootCauseInput = z.infer<typeof CreateRootCauseInput>;

/** Archived root causes stay on the cases that used them but cannot be chosen any more. */
export const UpdateRootCauseInput = z
	.object({ label: Label.optional(), archived: z.boolean().optional() })
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateRootCauseInput = z.infer<typeof UpdateRootCauseInput>;

// ── SLA and business calendar ────────────────────────────────────────────────────────────────────────────

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM");
const Range = z.tuple([Clock, Clock]).refine(([from, to]) => from < to, "A range must end after it starts");

/** Weekday "1" (Monday) … "7" (Sunday) → opening ranges in the organization's time zone; absent day = closed. */
export const BusinessHours = z
	.partialRecord(z.enum(["1", "2", "3", "4", "5", "6", "7"]), z.array(Range).max(4))
	.refine(
		(hours) =>
			Object.values(hours).every((ranges) =>
				[...(ranges ?? [])].sort().every((r, i, all) => i === 0 || (all[i - 1]?.[1] ?? "") <= r[0]),
			),
		"Ranges of a day must not overlap",
	)
	.refine((hours) => Object.values(hours).some((ranges) => (ranges ?? []).length > 0), "Open at least one day");
export type BusinessHours = z.infer<typeof BusinessHours>;

export const SlaPolicyView = z.object({
	priority: CasePriority,
	/** Business minutes. */
	firstResponseMinutes: z.number().int(),
	resolutionMinutes: z.number().int(),
});
export type SlaPolicyView = z.infer<typeof SlaPolicyView>;

export const CaseSettingsView = z.object({
	/** The organization's time zone (organization settings), in which business hours are read. */
	timezone: z.string(),
	businessHours: BusinessHours,
	holidays: z.array(z.iso.date()),
	costPerHourCents: z.number().int(),
	currency: z.string(),
	autoAcknowledge: z.boolean(),
	slaPolicies: z.array(SlaPolicyView),
});
export type CaseSettingsView = z.infer<typeof CaseSettingsView>;

const SlaMinutes = z
	.number()
	.int()
	.min(1)
	.max(60 * 24 * 60);

export const UpdateCaseSettingsInput = z
	.object({
		businessHours: BusinessHours.optional(),
		holidays: z.array(z.iso.date()).max(366).optional(),
		costPerHourCents: z.number().int().min(0).max(10_000_000).optional(),
		currency: z
			.string()
			.regex(/^[A-Z]{3}$/)
			.optional(),
		autoAcknowledge: z.boolean().optional(),
		slaPolicies: z
			.array(
				z
					.object({ priority: CasePriority, firstResponseMinutes: SlaMinutes, resolutionMinutes: SlaMinutes })
					.strict()
					.refine((p) => p.firstResponseMinutes <= p.resolutionMinutes, "First response must be due before resolution"),
			)
			.max(4)
			.refine((list) => new Set(list.map((p) => p.priority)).size === list.length, "Each priority once")
			.optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateCaseSettingsInput = z.infer<typeof UpdateCaseSettingsInput>;
