// Payloads of the closed loop with the customer: replies by email and their templates, the message thread with
// delivery status, public notes, inbound replies, feedback reply state, follow-ups and metrics. Pure zod: the web
// app imports this file.
import { z } from "zod";
import { REPLY_VARIABLES } from "../../../lib/cases/reply-template";
import { CaseMessageKind } from "./contract";

export { REPLY_VARIABLES };

/** Trimmed text without NUL characters (PostgreSQL text cannot store them). */
const plain = () =>
	z
		.string()
		.trim()
		.refine((text) => !text.includes("\u0000"), "Contains NUL characters");

export const ReplyLanguage = z.enum(["de", "en"]);
export type ReplyLanguage = z.infer<typeof ReplyLanguage>;

export const ReplyVariableName = z.enum(REPLY_VARIABLES);
export type ReplyVariableName = z.infer<typeof ReplyVariableName>;

// ---------------------------------------------------------------- templates

export const ReplyTemplateView = z.object({
	id: z.uuid(),
	name: z.string(),
	language: ReplyLanguage,
	subject: z.string(),
	body: z.string(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
});
export type ReplyTemplateView = z.infer<typeof ReplyTemplateView>;

export const ReplyTemplateList = z.object({
	items: z.array(ReplyTemplateView),
	/** The variables a template may use as `{{ name }}` or `{{ name | fallback }}`. */
	variables: z.array(ReplyVariableName),
});
export type ReplyTemplateList = z.infer<typeof ReplyTemplateList>;

export const CreateReplyTemplateInput = z
	.object({
		name: plain().min(1, "Required").max(120),
		language: ReplyLanguage,
		subject: plain().min(1, "Required").max(300),
		body: plain().min(1, "Required").max(20_000),
	})
	.strict();
export type CreateReplyTemplateInput = z.infer<typeof CreateReplyTemplateInput>;

export const UpdateReplyTemplateInput = CreateReplyTemplateInput.partial()
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateReplyTemplateInput = z.infer<typeof UpdateReplyTemplateInput>;

// ---------------------------------------------------------------- messages

/**
 * Delivery of an outbound email: `queued` (not tried yet), `sent`, `retrying` (an attempt failed, the email job
 * tries again with backoff), `failed` (given up: permanent refusal or retries exhausted).
 */
export const DeliveryStatus = z.enum(["queued", "sent", "retrying", "failed"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const MessageDeliveryView = z.object({
	status: DeliveryStatus,
	toAddress: z.string(),
	attempts: z.number().int(),
	lastError: z.string().nullable(),
	sentAt: z.iso.datetime().nullable(),
});
export type MessageDeliveryView = z.infer<typeof MessageDeliveryView>;

export const ThreadMessageView = z.object({
	id: z.uuid(),
	caseId: z.uuid(),
	kind: CaseMessageKind,
	authorId: z.uuid().nullable(),
	authorName: z.string().nullable(),
	subject: z.string().nullable(),
	body: z.string(),
	/** The customer's address for inbound messages. */
	fromAddress: z.string().nullable(),
	/** Outbound only: the email and its delivery. */
	delivery: MessageDeliveryView.nullable(),
	createdAt: z.iso.datetime(),
});
export type ThreadMessageView = z.infer<typeof ThreadMessageView>;

export const ThreadMessagePage = z.object({ items: z.array(ThreadMessageView), nextCursor: z.string().nullable() });
export type ThreadMessagePage = z.infer<typeof ThreadMessagePage>;

export const ThreadMessagesQuery = z.object({
	limit: z.coerce.number().int().min(1).max(200).default(100),
	cursor: z.string().max(500).optional(),
});
export type ThreadMessagesQuery = z.infer<typeof ThreadMessagesQuery>;

/** A reply by email: either a body (which may use variables too) or a template, plus optional variable values. */
export const SendCaseMessageInput = z
	.object({
		templateId: z.uuid().optional(),
		subject: plain().min(1).max(300).optional(),
		body: plain().min(1).max(20_000).optional(),
		/** Overrides of the variables' values (e.g. a nicer customer name). */
		variables: z.partialRecord(ReplyVariableName, plain().max(500)).optional(),
	})
	.strict()
	.refine((v) => v.body !== undefined || v.templateId !== undefined, {
		message: "Send a body or a template id",
		path: ["body"],
	});
export type SendCaseMessageInput = z.infer<typeof SendCaseMessageInput>;

/** A public reply for anonymous feedback, to be posted by the agent where the feedback was published. */
export const PublicNoteInput = z.object({ body: plain().min(1, "Required").max(5_000) }).strict();
export type PublicNoteInput = z.infer<typeof PublicNoteInput>;

export const PublicNoteView = ThreadMessageView.extend({
	/** Where to post it (the review's or post's address), when the mention has one. */
	postUrl: z.string().nullable(),
});
export type PublicNoteView = z.infer<typeof PublicNoteView>;

// ---------------------------------------------------------------- inbound replies (public webhook)

const References = z.union([z.string().max(10_000), z.array(z.string().max(998)).max(100)]);

/** An inbound email as the mail provider posts it (JSON; a provider's form-encoded shape is mapped to this). */
export const InboundMailInput = z.object({
	to: z.string().min(3).max(2_000),
	from: z.string().min(3).max(1_000),
	subject: z.string().max(1_000).default(""),
	text: z.string().max(200_000).default(""),
	html: z.string().max(500_000).optional(),
	messageId: z.string().min(1).max(998),
	inReplyTo: z.string().max(998).optional(),
	references: References.optional(),
});
export type InboundMailInput = z.infer<typeof InboundMailInput>;

export const InboundMailView = z.object({
	caseId: z.uuid(),
	messageId: z.uuid(),
	/** False when the same Message-ID was already stored (the provider retried). */
	stored: z.boolean(),
	reopened: z.boolean(),
});
export type InboundMailView = z.infer<typeof InboundMailView>;

export const InboundSettingsView = z.object({
	isConfigured: z.boolean(),
	secretPrefix: z.string().nullable(),
	webhookUrl: z.string(),
	/** What replies look like: `<local>+c-<token>@<domain>`. */
	replyAddressPattern: z.string(),
});
export type InboundSettingsView = z.infer<typeof InboundSettingsView>;

export const InboundSecretView = InboundSettingsView.extend({
	/** Shown once; send it as `Authorization: Bearer <secret>`. */
	secret: z.string(),
});
export type InboundSecretView = z.infer<typeof InboundSecretView>;

// ---------------------------------------------------------------- reply state of feedback

export const REPLY_STATES = ["unanswered", "acknowledged", "answered"] as const;
export const ReplyState = z.enum(REPLY_STATES);
export type ReplyState = z.infer<typeof ReplyState>;

export const FeedbackSource = z.enum(["response", "mention"]);
export type FeedbackSource = z.infer<typeof FeedbackSource>;

export const SetReplyStateInput = z
	.object({
		items: z
			.array(z.object({ source: FeedbackSource, id: z.uuid() }).strict())
			.min(1)
			.max(200),
		/** `answered` is set only by a reply; a mistaken acknowledgement can be undone with `unanswered`. */
		state: z.enum(["acknowledged", "unanswered"]).default("acknowledged"),
	})
	.strict();
export type SetReplyStateInput = z.infer<typeof SetReplyStateInput>;

export const SetReplyStateView = z.object({ updated: z.number().int() });
export type SetReplyStateView = z.infer<typeof SetReplyStateView>;

export const UnansweredQuery = z.object({
	departmentId: z.uuid().optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	cursor: z.string().max(500).optional(),
});
export type UnansweredQuery = z.infer<typeof UnansweredQuery>;

export const UnansweredFeedbackView = z.object({
	source: FeedbackSource,
	id: z.uuid(),
	/** Submitted (responses) or published (mentions). */
	at: z.iso.datetime(),
	touchpointId: z.uuid().nullable(),
	touchpointName: z.string().nullable(),
	departmentId: z.uuid().nullable(),
	scoreType: z.enum(["nps", "csat", "ces"]).nullable(),
	score: z.number().nullable(),
	sentiment: z.enum(["negative", "neutral", "positive"]).nullable(),
	text: z.string(),
	/** Mentions: where it was published. */
	channel: z.string(),
	replyState: ReplyState,
	/** The case opened from this feedback (at most one per response or mention), or null: link to it, don't open one. */
	caseId: z.uuid().nullable(),
});
export type UnansweredFeedbackView = z.infer<typeof UnansweredFeedbackView>;

export const UnansweredDepartmentCount = z.object({
	/** Null: touchpoints without an owner department (or feedback without a touchpoint). */
	departmentId: z.uuid().nullable(),
	departmentName: z.string().nullable(),
	count: z.number().int(),
});

export const UnansweredPage = z.object({
	items: z.array(UnansweredFeedbackView),
	nextCursor: z.string().nullable(),
	countsByDepartment: z.array(UnansweredDepartmentCount),
});
export type UnansweredPage = z.infer<typeof UnansweredPage>;

// ---------------------------------------------------------------- follow-ups

export const FollowUpAnswerInput = z
	.object({
		solved: z.enum(["yes", "no"]).optional(),
		satisfaction: z.coerce.number().int().min(1).max(5).optional(),
	})
	.strict();
export type FollowUpAnswerInput = z.infer<typeof FollowUpAnswerInput>;

export const FollowUpView = z.object({
	id: z.uuid(),
	caseId: z.uuid(),
	status: z.enum(["sent", "answered"]),
	isSolved: z.boolean().nullable(),
	satisfaction: z.number().int().nullable(),
	language: ReplyLanguage,
	delivery: MessageDeliveryView.nullable(),
	createdAt: z.iso.datetime(),
	answeredAt: z.iso.datetime().nullable(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const FollowUpList = z.object({ items: z.array(FollowUpView) });
export type FollowUpList = z.infer<typeof FollowUpList>;

// ---------------------------------------------------------------- metrics

export const CaseMetricsQuery = z
	.object({
		from: z.iso.datetime({ offset: true }),
		to: z.iso.datetime({ offset: true }),
		departmentId: z.uuid().optional(),
	})
	.refine((q) => new Date(q.from) < new Date(q.to), { message: "from must be before to", path: ["to"] })
	.refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= 366 * 2 * 86_400_000, {
		message: "At most two years",
		path: ["to"],
	});
export type CaseMetricsQuery = z.infer<typeof CaseMetricsQuery>;

const Interval = z.tuple([z.number(), z.number()]).nullable();

/** A share with its Wilson 95 % interval (null when n = 0). */
export const RateView = z.object({
	successes: z.number().int(),
	n: z.number().int(),
	rate: z.number().nullable(),
	interval: Interval,
});
export type RateView = z.infer<typeof RateView>;

export const DurationStatsView = z.object({
	count: z.number().int(),
	medianCalendarMinutes: z.number().nullable(),
	p90CalendarMinutes: z.number().nullable(),
	medianBusinessMinutes: z.number().nullable(),
	p90BusinessMinutes: z.number().nullable(),
});
export type DurationStatsView = z.infer<typeof DurationStatsView>;

export const CaseMetricsView = z.object({
	from: z.iso.datetime(),
	to: z.iso.datetime(),
	departmentId: z.uuid().nullable(),
	/** Cases created in [from, to). */
	caseCount: z.number().int(),
	byStatus: z.array(z.object({ status: z.enum(["new", "open", "waiting", "resolved", "closed"]), count: z.number() })),
	firstResponse: DurationStatsView,
	resolution: DurationStatsView,
	/** Met: responded/resolved by the due time; cases still open past due count as missed, open ones not yet due are left out. */
	slaFirstResponse: RateView,
	slaResolution: RateView,
	/** Cases reopened at least once among those resolved at least once. */
	reopen: RateView,
	/** Negative feedback (detractors, dissatisfied, difficult, negative sentiment) received in the period that was answered. */
	closedLoop: RateView,
	/** Answered follow-ups that said "solved" (the closed-loop score). */
	followUpSolved: RateView,
	followUpSatisfactionMean: z.number().nullable(),
	/** Detractors with a case who later answered an NPS survey as promoters (matched by contact). */
	recovery: RateView,
	byRootCause: z.array(
		z.object({
			rootCauseId: z.uuid().nullable(),
			label: z.object({ de: z.string(), en: z.string() }).nullable(),
			count: z.number(),
		}),
	),
	byTouchpoint: z.array(
		z.object({ touchpointId: z.uuid().nullable(), name: z.string().nullable(), count: z.number() }),
	),
	serviceCost: z.object({
		currency: z.string(),
		costPerHourCents: z.number().int(),
		agentMinutes: z.number().int(),
		totalCents: z.number().int(),
		perCaseCents: z.number().nullable(),
	}),
});
export type CaseMetricsView = z.infer<typeof CaseMetricsView>;
