// One case with everything an agent needs: history, notes and messages (with email delivery status), the
// linked feedback, and the customer's history (other responses, earlier cases, the session's path).
import { and, asc, desc, eq, ne, or, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { outboundEmails } from "../../../platform/mail/schema";
import { findSessionPath } from "../../events/service/session-path";
import type { CaseDetailView, CaseMessageView, CustomerHistoryView, LinkedFeedbackView } from "../contract";
import { caseEvents, caseMessages, cases, rootCauses } from "../schema";
import { type FeedbackRow, findCustomerResponses, loadFeedback } from "./feedback";
import { caseViewOf, getCaseInOrg } from "./load";

const userName = (column: unknown) =>
	sql<string | null>`(select u.name from users u where u.id::text = ${column}::text)`;

function linkedFeedbackView(f: FeedbackRow): LinkedFeedbackView {
	return {
		kind: f.kind,
		id: f.id,
		at: f.at.toISOString(),
		touchpointId: f.touchpointId,
		scoreType: f.scoreType,
		score: f.score,
		comment: f.text,
		source: f.source,
		url: f.url,
		sessionId: f.sessionId,
		sentiment: f.sentiment,
		intents: f.intents,
		themes: f.themes,
	};
}

async function sessionPathOf(ctx: Ctx, sessionId: string | null): Promise<CustomerHistoryView["sessionPath"]> {
	if (!sessionId) return null;
	try {
		return await findSessionPath(ctx, sessionId);
	} catch (error) {
		if (error instanceof AppError && (error.code === "not_found" || error.code === "invalid")) return null;
		throw error;
	}
}

export async function getCaseDetail(ctx: Ctx, caseId: string): Promise<CaseDetailView> {
	const row = await getCaseInOrg(ctx.db, ctx.organizationId, caseId);
	const feedbackKind = row.responseId ? "response" : row.mentionId ? "mention" : null;
	const [view, events, messages, rootCause, feedbackRows] = await Promise.all([
		caseViewOf(ctx.db, ctx.organizationId, caseId, ctx.now),
		ctx.db
			.select({ event: caseEvents, actorName: userName(caseEvents.actor) })
			.from(caseEvents)
			.where(and(eq(caseEvents.organizationId, ctx.organizationId), eq(caseEvents.caseId, caseId)))
			.orderBy(asc(caseEvents.at), asc(caseEvents.id)),
		ctx.db
			.select({ message: caseMessages, authorName: userName(caseMessages.authorId), email: outboundEmails })
			.from(caseMessages)
			.leftJoin(
				outboundEmails,
				and(
					eq(outboundEmails.id, caseMessages.emailId),
					eq(outboundEmails.organizationId, caseMessages.organizationId),
				),
			)
			.where(and(eq(caseMessages.organizationId, ctx.organizationId), eq(caseMessages.caseId, caseId)))
			.orderBy(asc(caseMessages.createdAt), asc(caseMessages.id)),
		row.rootCauseId
			? ctx.db
					.select({ label: rootCauses.label })
					.from(rootCauses)
					.where(and(eq(rootCauses.organizationId, ctx.organizationId), eq(rootCauses.id, row.rootCauseId)))
			: Promise.resolve([]),
		feedbackKind
			? loadFeedback(ctx.db, feedbackKind, [row.responseId ?? row.mentionId ?? ""], ctx.organizationId)
			: Promise.resolve([]),
	]);
	const feedback = feedbackRows[0];
	const sameCustomer = [
		row.contactId ? eq(cases.contactId, row.contactId) : undefined,
		row.customerEmail ? eq(cases.customerEmail, row.customerEmail) : undefined,
	].filter((c) => c !== undefined);
	const [otherResponses, earlierCases, sessionPath] = await Promise.all([
		feedback?.kind === "response" ? findCustomerResponses(ctx.db, ctx.organizationId, feedback) : Promise.resolve([]),
		sameCustomer.length > 0
			? ctx.db
					.select({
						id: cases.id,
						number: cases.number,
						status: cases.status,
						subject: cases.subject,
						createdAt: cases.createdAt,
					})
					.from(cases)
					.where(and(eq(cases.organizationId, ctx.organizationId), ne(cases.id, caseId), or(...sameCustomer)))
					.orderBy(desc(cases.createdAt))
					.limit(20)
			: Promise.resolve([]),
		sessionPathOf(ctx, feedback?.sessionId ?? null),
	]);
	return {
		...view,
		rootCauseLabel: rootCause[0]?.label ?? null,
		events: events.map(({ event, actorName }) => ({
			id: event.id,
			at: event.at.toISOString(),
			actor: event.actor,
			actorName,
			kind: event.kind,
			data: event.data,
		})),
		messages: messages.map(
			({ message, authorName, email }): CaseMessageView => ({
				id: message.id,
				kind: message.kind,
				authorId: message.authorId,
				authorName,
				body: message.body,
				subject: message.subject,
				emailId: message.emailId,
				emailStatus: email?.status ?? null,
				emailAttempts: email?.attempts ?? null,
				emailError: email?.lastError ?? null,
				fromAddress: message.fromAddress,
				createdAt: message.createdAt.toISOString(),
			}),
		),
		feedback: feedback ? linkedFeedbackView(feedback) : null,
		customer: {
			responses: otherResponses,
			cases: earlierCases.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
			sessionPath,
		},
	};
}
