// Payloads of the response API: public submission (widget, page, email, API), the explorer with keyset
// pagination, response detail, exports and survey results. Pure zod: the web app and the widget import this.
import { z } from "zod";
import { Audience, ScoreGroup, ScoreType, Slug, SurveyLanguage } from "../surveys/contract";

export const RESPONSE_CHANNELS = ["link", "qr", "widget", "email", "api"] as const;
export const ResponseChannel = z.enum(RESPONSE_CHANNELS);
export type ResponseChannel = z.infer<typeof ResponseChannel>;

export const SENTIMENTS = ["negative", "neutral", "positive"] as const;
export const ANALYSIS_STATUSES = ["pending", "done", "failed"] as const;

/** Largest accepted body of POST /api/v1/public/responses. */
export const MAX_RESPONSE_BODY_BYTES = 64 * 1024;

/**
 * POST /api/v1/public/responses (JSON, or text/plain holding JSON for beacons). `responseId` is the client's
 * uuid and the idempotency key: the same id sent again with more answers updates the partial response until a
 * submission with `completed: true`; after that the response is immutable and repeats change nothing.
 * Answers are validated against the survey version: `{ [questionId]: value }` where value is a whole number for
 * nps (0–10), csat (1–5), ces (1–7) and rating (1–scale), an option id for single_choice, a list of option ids
 * for multiple_choice, a string for open_text and `{ [rowId]: 1–scale }` for matrix; null or blank = no answer.
 */
export const SubmitResponseInput = z
	.object({
		/** The site's public key: required for browser requests (CORS is checked against the site's origins). */
		siteKey: z.string().min(1).max(100).optional(),
		surveySlug: Slug,
		responseId: z.uuid(),
		language: SurveyLanguage,
		answers: z
			.record(z.string().max(60), z.unknown())
			.refine((a) => Object.keys(a).length <= 100, "At most 100 answers"),
		/** Values of the hidden fields the survey declares (e.g. order_id, channel). */
		hiddenFields: z.record(z.string().max(40), z.string().max(500)).optional(),
		completed: z.boolean(),
		visitorId: z.string().min(1).max(100).optional(),
		sessionId: z.string().min(1).max(100).optional(),
		/** From an email invitation link; lets the outreach module attribute the response to its contact. */
		invitationToken: z.string().min(1).max(500).optional(),
		/** When the respondent started (client clock): submissions faster than a human are dropped as spam. */
		startedAt: z.iso.datetime({ offset: true }).optional(),
		/** Must stay empty: a field bots fill in. */
		honeypot: z.string().max(1000).optional(),
	})
	.strict();
export type SubmitResponseInput = z.infer<typeof SubmitResponseInput>;

/**
 * 201 created, 200 updated (a partial) or unchanged (a repeat), 202 accepted but dropped as spam (the body
 * looks the same so that bots learn nothing).
 */
export const ResponseReceipt = z.object({
	responseId: z.uuid(),
	completed: z.boolean(),
	status: z.enum(["created", "updated", "unchanged", "accepted"]),
});
export type ResponseReceipt = z.infer<typeof ResponseReceipt>;

const DateTime = z.iso.datetime({ offset: true });

/**
 * Explorer filters. `stageId` means the stage's touchpoints; `q` searches the comment (case-insensitive
 * substring). Employee-survey responses are never listed (anonymity): see GET /api/v1/surveys/{id}/results.
 */
export const ResponseQuery = z
	.object({
		surveyId: z.uuid().optional(),
		touchpointId: z.uuid().optional(),
		stageId: z.uuid().optional(),
		scoreGroup: ScoreGroup.optional(),
		language: SurveyLanguage.optional(),
		channel: ResponseChannel.optional(),
		completed: z.enum(["true", "false"]).optional(),
		from: DateTime.optional(),
		to: DateTime.optional(),
		q: z.string().trim().min(1).max(200).optional(),
		sentiment: z.enum(SENTIMENTS).optional(),
		theme: z.string().trim().min(2).max(40).optional(),
		intent: z.enum(["complaint", "praise", "question", "suggestion"]).optional(),
		limit: z.coerce.number().int().min(1).max(200).default(50),
		cursor: z.string().max(500).optional(),
	})
	.refine((v) => !v.from || !v.to || new Date(v.from) < new Date(v.to), {
		message: "from must be before to",
		path: ["to"],
	});
export type ResponseQuery = z.infer<typeof ResponseQuery>;

/** The same filters without paging, for CSV and XLSX exports (streamed in batches). */
export const ResponseExportQuery = z
	.object({
		surveyId: z.uuid().optional(),
		touchpointId: z.uuid().optional(),
		stageId: z.uuid().optional(),
		scoreGroup: ScoreGroup.optional(),
		language: SurveyLanguage.optional(),
		channel: ResponseChannel.optional(),
		completed: z.enum(["true", "false"]).optional(),
		from: DateTime.optional(),
		to: DateTime.optional(),
		q: z.string().trim().min(1).max(200).optional(),
		sentiment: z.enum(SENTIMENTS).optional(),
		theme: z.string().trim().min(2).max(40).optional(),
		intent: z.enum(["complaint", "praise", "question", "suggestion"]).optional(),
	})
	.refine((v) => !v.from || !v.to || new Date(v.from) < new Date(v.to), {
		message: "from must be before to",
		path: ["to"],
	});
export type ResponseExportQuery = z.infer<typeof ResponseExportQuery>;

export const ResponseView = z.object({
	id: z.uuid(),
	surveyId: z.uuid(),
	surveyVersionId: z.uuid(),
	touchpointId: z.uuid(),
	channel: ResponseChannel,
	language: SurveyLanguage,
	scoreType: ScoreType.nullable(),
	score: z.number().int().nullable(),
	scoreGroup: ScoreGroup.nullable(),
	comment: z.string().nullable(),
	hiddenFields: z.record(z.string(), z.string()),
	completed: z.boolean(),
	submittedAt: z.iso.datetime(),
	completedAt: z.iso.datetime().nullable(),
	sentiment: z.enum(SENTIMENTS).nullable(),
	intents: z.array(z.string()),
	themes: z.array(z.unknown()).nullable(),
	/** The comment's detected language (the survey's language is `language`). */
	textLanguage: z.string().nullable(),
	analysisCorrected: z.boolean(),
	analysisStatus: z.enum(ANALYSIS_STATUSES),
});
export type ResponseView = z.infer<typeof ResponseView>;

/** One answer with its question as the respondent saw it (texts in the response's language). */
export const AnsweredQuestionView = z.object({
	questionId: z.string(),
	type: z.string(),
	text: z.string(),
	/** The answer as stored (null when not answered). */
	answer: z.unknown(),
	/** The answer for people: option labels, "8 / 10", matrix rows "Row: 4 / 5"; null when not answered. */
	display: z.string().nullable(),
});
export type AnsweredQuestionView = z.infer<typeof AnsweredQuestionView>;

export const ResponseDetailView = ResponseView.extend({
	surveyName: z.string(),
	surveyVersion: z.number().int(),
	answers: z.record(z.string(), z.unknown()),
	questions: z.array(AnsweredQuestionView),
	sentimentScores: z.record(z.string(), z.number()).nullable(),
	themes: z.array(z.unknown()).nullable(),
	analysisError: z.string().nullable(),
	startedAt: z.iso.datetime().nullable(),
	visitorId: z.string().nullable(),
	sessionId: z.string().nullable(),
});
export type ResponseDetailView = z.infer<typeof ResponseDetailView>;

export const SurveyResultsQuery = z
	.object({
		from: DateTime.optional(),
		to: DateTime.optional(),
		/** Break the results down by the value of one hidden field (e.g. `department`). */
		groupBy: z
			.string()
			.regex(/^[a-z][a-z0-9_]{0,39}$/)
			.optional(),
	})
	.refine((v) => !v.from || !v.to || new Date(v.from) < new Date(v.to), {
		message: "from must be before to",
		path: ["to"],
	});
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

/** NPS = % promoters − % detractors; topBoxShare = share of satisfied (CSAT 4–5) or easy (CES 5–7), in %. */
export const ScoreSummaryView = z.object({
	type: ScoreType,
	n: z.number().int(),
	average: z.number().nullable(),
	nps: z.number().nullable(),
	topBoxShare: z.number().nullable(),
	groupCounts: z.record(z.string(), z.number().int()),
});
export type ScoreSummaryView = z.infer<typeof ScoreSummaryView>;

/** A group below the minimum size is `suppressed`: its count and numbers are withheld (null). */
export const ResultGroupView = z.object({
	key: z.string().nullable(),
	suppressed: z.boolean(),
	n: z.number().int().nullable(),
	score: ScoreSummaryView.nullable(),
});

export const QuestionResultView = z.object({
	questionId: z.string(),
	type: z.string(),
	suppressed: z.boolean(),
	answered: z.number().int().nullable(),
	/** Counts per answer value (option id, scale point, `row:point` for matrix); empty for open text. */
	counts: z.array(z.object({ value: z.string(), count: z.number().int() })),
});

/** Aggregates of completed responses of one survey (its current version's questions). */
export const SurveyResultsView = z.object({
	surveyId: z.uuid(),
	audience: Audience,
	minGroupSize: z.number().int(),
	total: ResultGroupView,
	groups: z.array(ResultGroupView),
	questions: z.array(QuestionResultView),
});
export type SurveyResultsView = z.infer<typeof SurveyResultsView>;
