// Response ingestion as a named pipeline: find the live survey → check site, language, hidden fields → drop
// spam (counted) → validate the answers against the version → store idempotently (new responses batched with
// concurrent ones by the writer; a known id continues its partial response). The caller acknowledges only after
// this returns, i.e. after the commit.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { AppError, invalid } from "../../../platform/errors";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import type { Logger } from "../../../platform/logging";
import type { SiteRow } from "../../admin/service/sites";
import { enqueueCaseEvaluation } from "../../cases/service/evaluate";
import { markInvitationResponded, redeemInvitationToken } from "../../outreach/service/redeem";
import { type Answers, checkAnswers, commentOf, type FieldIssue, scoreOf } from "../../surveys/answers";
import type { SurveyContent } from "../../surveys/contract";
import type { SurveyRow } from "../../surveys/service/load";
import { getLiveSurvey, getSurveyVersion } from "../../surveys/service/public-lookup";
import { countSpamDrop } from "../../surveys/service/surveys";
import { enqueueAnalysis } from "../../text/service/analyze";
import type { ResponseChannel, ResponseReceipt, SubmitResponseInput } from "../contract";
import { responseKeys, responses } from "../schema";
import { ensurePartitionFor } from "./partitions";
import { isReadyForAnalysis, writeNewResponse } from "./writer";

export type IngestEnv = { db: Db; jobs: Jobs; log: Logger; now: Date; live?: LiveBus };

export type Submission = {
	input: SubmitResponseInput;
	channel: ResponseChannel;
	/** The site of `input.siteKey`, resolved (and its origin checked) by the caller. */
	site?: SiteRow;
	/** Completed submissions faster than this after `startedAt` are dropped as spam. */
	minFillMs?: number;
};

export type IngestResult = { receipt: ResponseReceipt; httpStatus: 200 | 201 | 202 };

/** Below this, a completed survey was filled in by a script, not a person (a tap on one score takes longer). */
export const DEFAULT_MIN_FILL_MS = 1000;

function rejected(issues: FieldIssue[]): AppError {
	const first = issues[0];
	return invalid(first ? `${first.field}: ${first.message}` : "Invalid answers", { fields: issues });
}

function isSpam(submission: Submission, now: Date): boolean {
	const { input } = submission;
	if (input.honeypot && input.honeypot.trim() !== "") return true;
	if (!input.completed || !input.startedAt) return false;
	const elapsedMs = now.getTime() - new Date(input.startedAt).getTime();
	// A negative elapsed time is a client clock ahead of ours, not a bot.
	return elapsedMs >= 0 && elapsedMs < (submission.minFillMs ?? DEFAULT_MIN_FILL_MS);
}

function checkEnvelope(survey: SurveyRow, submission: Submission) {
	const { input, site } = submission;
	if (site && site.organizationId !== survey.organizationId) throw new AppError("not_found", "Survey not found");
	const issues: FieldIssue[] = [];
	if (!survey.languages.includes(input.language)) {
		issues.push({ field: "language", message: `Use one of ${survey.languages.join(", ")}`, code: "invalid_value" });
	}
	for (const key of Object.keys(input.hiddenFields ?? {})) {
		if (!survey.hiddenFields.includes(key)) {
			issues.push({
				field: `hiddenFields.${key}`,
				message: "Not a hidden field of this survey",
				code: "unrecognized_key",
			});
		}
	}
	if (issues.length > 0) throw rejected(issues);
}

/** What gets stored of a valid answer set: the answers, the normalised score with its group, the comment. */
function derived(survey: SurveyRow, content: SurveyContent, raw: Record<string, unknown>, completed: boolean) {
	const check = checkAnswers(content, raw, completed);
	if (!check.ok) throw rejected(check.issues);
	const answers: Answers = check.answers;
	const score = scoreOf(content, survey.kind, answers);
	return {
		answers,
		scoreType: score?.scoreType ?? null,
		score: score?.score ?? null,
		scoreGroup: score?.scoreGroup ?? null,
		comment: commentOf(content, answers),
	};
}

/** The invitation token to redeem: none for employee surveys, whose respondents stay anonymous. */
function invitationTokenOf(survey: SurveyRow, input: SubmitResponseInput): string | undefined {
	return survey.audience === "customer" ? input.invitationToken : undefined;
}

/** Who answered: nothing for employee surveys (anonymous by design). */
function respondentOf(survey: SurveyRow, input: SubmitResponseInput) {
	if (survey.audience === "employee") return { visitorId: null, sessionId: null, startedAt: null };
	return {
		visitorId: input.visitorId ?? null,
		sessionId: input.sessionId ?? null,
		startedAt: input.startedAt ? new Date(input.startedAt) : null,
	};
}

/** Stores a submission and tells the organization's open web apps (live stream) about a new or completed response. */
export async function ingestResponse(env: IngestEnv, submission: Submission): Promise<IngestResult> {
	const result = await ingest(env, submission);
	const { receipt } = result;
	if (env.live && result.httpStatus !== 202 && receipt.status !== "unchanged") {
		const { survey } = await getLiveSurvey(env.db, submission.input.surveySlug, env.now.getTime());
		if (survey.audience === "customer") {
			await env.live.publish({
				type: receipt.status === "created" ? "response.created" : "response.updated",
				organizationId: survey.organizationId,
				data: { id: receipt.responseId, surveyId: survey.id, completed: receipt.completed },
			});
		}
	}
	return result;
}

async function ingest(env: IngestEnv, submission: Submission): Promise<IngestResult> {
	const { input } = submission;
	const { survey, version } = await getLiveSurvey(env.db, input.surveySlug, env.now.getTime());
	checkEnvelope(survey, submission);
	// Validated before any write, so that bad input touches nothing. Answers that are not complete on their own
	// may complete a partial response stored before: that one is checked with the stored answers merged in.
	let fresh: ReturnType<typeof derived>;
	try {
		fresh = derived(survey, version.content, input.answers, input.completed);
	} catch (error) {
		const [seen] = await env.db
			.select({ id: responseKeys.id })
			.from(responseKeys)
			.where(eq(responseKeys.id, input.responseId));
		if (!seen) throw error;
		return env.db.transaction((tx) => continueResponse(tx, env, survey, submission));
	}
	// After validation, so that a person who was quick still sees what is missing; bots learn nothing.
	if (isSpam(submission, env.now)) {
		await countSpamDrop(env.db, survey.id);
		env.log.info({ survey: survey.id, channel: submission.channel }, "response dropped as spam");
		return {
			receipt: { responseId: input.responseId, completed: input.completed, status: "accepted" },
			httpStatus: 202,
		};
	}
	await ensurePartitionFor(env.db, env.now);
	const row = {
		id: input.responseId,
		submittedAt: env.now,
		organizationId: survey.organizationId,
		surveyId: survey.id,
		surveyVersionId: version.id,
		touchpointId: survey.touchpointId,
		audience: survey.audience,
		channel: submission.channel,
		language: input.language,
		hiddenFields: input.hiddenFields ?? {},
		...fresh,
		completed: input.completed,
		completedAt: input.completed ? env.now : null,
		updatedAt: env.now,
		...respondentOf(survey, input),
	};
	const token = invitationTokenOf(survey, input);
	if (token && input.completed) {
		// An invitation is redeemed in the transaction that stores the response, so that it is answered once.
		return env.db.transaction(async (tx) => {
			const [claimed] = await tx
				.insert(responseKeys)
				.values({
					id: row.id,
					organizationId: row.organizationId,
					surveyId: row.surveyId,
					submittedAt: row.submittedAt,
				})
				.onConflictDoNothing()
				.returning({ id: responseKeys.id });
			if (!claimed) return continueResponse(tx, env, survey, submission);
			const invitation = await redeemInvitationToken(tx, token, { surveyId: survey.id });
			await tx.insert(responses).values({
				...row,
				channel: "email",
				contactId: invitation.contactId,
				invitationId: invitation.invitationId,
			});
			await markInvitationResponded(tx, invitation.invitationId, row.id, env.now);
			if (isReadyForAnalysis(row)) await enqueueAnalysis(tx, env.jobs, "response", [row.id]);
			else await enqueueCaseEvaluation(tx, env.jobs, "response", [row.id]);
			return { receipt: { responseId: row.id, completed: true, status: "created" }, httpStatus: 201 };
		});
	}
	const outcome = await writeNewResponse(env.db, env.jobs, token ? { ...row, channel: "email" } : row);
	if (outcome === "exists") return env.db.transaction((tx) => continueResponse(tx, env, survey, submission));
	return {
		receipt: { responseId: input.responseId, completed: input.completed, status: "created" },
		httpStatus: 201,
	};
}

/** A response id seen before: a repeat of a completed response changes nothing; a partial takes the new answers. */
async function continueResponse(
	tx: Tx,
	env: IngestEnv,
	survey: SurveyRow,
	submission: Submission,
): Promise<IngestResult> {
	const { input } = submission;
	const [key] = await tx.select().from(responseKeys).where(eq(responseKeys.id, input.responseId));
	if (!key || key.surveyId !== survey.id) {
		throw new AppError("conflict", "responseId: this id belongs to another response; send a new uuid");
	}
	const [existing] = await tx
		.select()
		.from(responses)
		.where(and(eq(responses.id, key.id), eq(responses.submittedAt, key.submittedAt)))
		.for("update");
	if (!existing) throw new AppError("conflict", "responseId: the response is still being stored; retry");
	if (existing.completed) {
		return { receipt: { responseId: existing.id, completed: true, status: "unchanged" }, httpStatus: 200 };
	}
	const version = await getSurveyVersion(tx, survey.id, existing.surveyVersionId);
	const merged = { ...existing.answers, ...input.answers };
	const next = derived(survey, version.content, merged, input.completed);
	const respondent = respondentOf(survey, input);
	const token = invitationTokenOf(survey, input);
	const invitation =
		token && input.completed ? await redeemInvitationToken(tx, token, { surveyId: survey.id }) : undefined;
	if (invitation) await markInvitationResponded(tx, invitation.invitationId, existing.id, env.now);
	await tx
		.update(responses)
		.set({
			...(invitation
				? { channel: "email" as const, contactId: invitation.contactId, invitationId: invitation.invitationId }
				: {}),
			...next,
			language: input.language,
			hiddenFields: { ...existing.hiddenFields, ...input.hiddenFields },
			completed: input.completed,
			completedAt: input.completed ? env.now : null,
			updatedAt: env.now,
			visitorId: respondent.visitorId ?? existing.visitorId,
			sessionId: respondent.sessionId ?? existing.sessionId,
			startedAt: respondent.startedAt ?? existing.startedAt,
		})
		.where(and(eq(responses.id, existing.id), eq(responses.submittedAt, existing.submittedAt)));
	if (isReadyForAnalysis({ completed: input.completed, comment: next.comment })) {
		await enqueueAnalysis(tx, env.jobs, "response", [existing.id]);
	} else if (input.completed) {
		await enqueueCaseEvaluation(tx, env.jobs, "response", [existing.id]);
	}
	return {
		receipt: { responseId: existing.id, completed: input.completed, status: "updated" },
		httpStatus: 200,
	};
}
