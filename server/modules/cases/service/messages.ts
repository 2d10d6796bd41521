// An agent's reply to the customer by email. In one transaction: the message row, the email (queued for the
// email job, with the case's reply address as Reply-To and threading headers), the case's first response time,
// status → waiting, the feedback's reply state → answered, and the case events.
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { renderReplyTemplate, unknownVariables } from "../../../../lib/cases/reply-template";
import type { Config } from "../../../platform/config";
import type { Ctx } from "../../../platform/context";
import type { Db, Tx } from "../../../platform/db";
import { conflict, invalid } from "../../../platform/errors";
import { queueEmail } from "../../../platform/mail/mailer";
import { REPLY_VARIABLES, type SendCaseMessageInput, type ThreadMessageView } from "../contract-loop";
import { caseMessages, cases } from "../schema";
import { assertMayWorkCase, caseActorOf } from "./access";
import { type CaseRow, lockCaseInOrg, recordCaseEvent } from "./load";
import { ensureReplyToken, messageIdOf, replyAddressOf } from "./messages-address";
import { threadMessageViewsOf } from "./messages-view";
import { markFeedbackState } from "./reply-state";
import { getReplyTemplateInOrg } from "./templates";
import { htmlOfText, replyValuesOf } from "./templates-email";

/** The job told each delivery outcome of a case email (see jobs-loop.ts). */
export const MESSAGE_DELIVERY_JOB = "cases.message-delivery";

/** How many earlier Message-IDs a reply lists in References (RFC 5322 §3.6.4 allows trimming the middle). */
const MAX_REFERENCES = 20;

export type SentReply = { message: ThreadMessageView; caseRow: CaseRow };

function assertKnown(fields: Record<string, string>) {
	for (const [field, text] of Object.entries(fields)) {
		const unknown = unknownVariables(text);
		if (unknown.length > 0) {
			throw invalid(`${field}: unknown variable {{${unknown[0]}}}; known: ${REPLY_VARIABLES.join(", ")}`, {
				fields: unknown.map((name) => ({ field, message: `Unknown variable {{${name}}}` })),
			});
		}
	}
}

/** The Message-IDs of the thread so far (oldest first) and the one this reply answers (the customer's latest). */
async function threadingOf(tx: Db | Tx, organizationId: string, caseId: string) {
	const rows = await tx
		.select({ messageId: caseMessages.messageId, kind: caseMessages.kind })
		.from(caseMessages)
		.where(
			and(
				eq(caseMessages.organizationId, organizationId),
				eq(caseMessages.caseId, caseId),
				isNotNull(caseMessages.messageId),
			),
		)
		.orderBy(desc(caseMessages.createdAt), desc(caseMessages.id))
		.limit(MAX_REFERENCES);
	const references = rows.flatMap((r) => (r.messageId ? [r.messageId] : [])).reverse();
	const inReplyTo = rows.find((r) => r.kind === "inbound")?.messageId ?? rows[0]?.messageId ?? undefined;
	return { references, inReplyTo };
}

export async function sendCaseReply(
	ctx: Ctx,
	config: Pick<Config, "replyAddress">,
	caseId: string,
	input: SendCaseMessageInput,
): Promise<SentReply> {
	return ctx.db.transaction(async (tx) => {
		const row = await lockCaseInOrg(tx, ctx.organizationId, caseId);
		await assertMayWorkCase(tx, ctx, row);
		if (!row.customerEmail) {
			throw invalid(
				"This customer left no email address: answer anonymous feedback with a public note where the channel allows it",
			);
		}
		if (row.status === "closed") throw conflict("The case is closed: reopen it before writing to the customer");
		const template = input.templateId ? await getReplyTemplateInOrg(tx, ctx.organizationId, input.templateId) : null;
		const subjectSource = input.subject ?? template?.subject ?? `${row.subject} [#${row.number}]`;
		const bodySource = input.body ?? template?.body ?? "";
		assertKnown({ subject: subjectSource, body: bodySource });
		const values = { ...(await replyValuesOf(tx, ctx, row)), ...input.variables };
		const subject = renderReplyTemplate(subjectSource, values).replace(/\s+/g, " ").trim().slice(0, 300);
		const body = renderReplyTemplate(bodySource, values).trim();
		if (!subject || !body) throw invalid("body: the reply is empty after filling in the variables");

		const id = randomUUID();
		const messageId = messageIdOf(config, id);
		const replyTo = replyAddressOf(config, await ensureReplyToken(tx, ctx.organizationId, row.id));
		const { references, inReplyTo } = await threadingOf(tx, ctx.organizationId, row.id);
		const emailId = await queueEmail(tx, ctx.jobs, {
			organizationId: ctx.organizationId,
			to: row.customerEmail,
			subject,
			text: body,
			html: htmlOfText(body, row.language, subject),
			headers: { replyTo, messageId, ...(inReplyTo ? { inReplyTo } : {}), references },
			notifyJob: MESSAGE_DELIVERY_JOB,
		});
		await tx.insert(caseMessages).values({
			id,
			organizationId: ctx.organizationId,
			caseId: row.id,
			kind: "outbound",
			authorId: ctx.actor.type === "user" ? ctx.actor.userId : null,
			body,
			subject,
			emailId,
			messageId,
			fromAddress: replyTo,
			createdAt: ctx.now,
		});
		const caseRow = await markCaseAnswered(tx, ctx, row);
		await recordCaseEvent(tx, {
			organizationId: ctx.organizationId,
			caseId: row.id,
			actor: caseActorOf(ctx.actor),
			kind: "message_out",
			data: { messageId: id, emailId, templateId: template?.id ?? null, to: row.customerEmail },
			at: ctx.now,
		});
		const [message] = await threadMessageViewsOf(tx, ctx.organizationId, [id]);
		if (!message) throw new Error("case message not written");
		return { message, caseRow };
	});
}

/**
 * What answering the customer does to a case (email or public note): the first response time is set once,
 * an open case now waits on the customer's reply, and the feedback it came from counts as answered.
 */
export async function markCaseAnswered(tx: Db | Tx, ctx: Ctx, row: CaseRow, waitsOnCustomer = true): Promise<CaseRow> {
	// A public note cannot be answered by mail: the case stays with the agent (a new case is now open).
	const isActive = row.status === "new" || row.status === "open";
	const nextStatus = isActive ? (waitsOnCustomer ? "waiting" : "open") : row.status;
	const [updated] = await tx
		.update(cases)
		.set({
			firstRespondedAt: row.firstRespondedAt ?? ctx.now,
			status: nextStatus,
			version: sql`${cases.version} + 1`,
			updatedAt: ctx.now,
		})
		.where(and(eq(cases.organizationId, ctx.organizationId), eq(cases.id, row.id)))
		.returning();
	if (!updated) throw new Error("case not updated");
	if (nextStatus !== row.status) {
		await recordCaseEvent(tx, {
			organizationId: ctx.organizationId,
			caseId: row.id,
			actor: caseActorOf(ctx.actor),
			kind: "status",
			data: { from: row.status, to: nextStatus },
			at: ctx.now,
		});
	}
	await markFeedbackState(
		tx,
		ctx.organizationId,
		{ responseId: row.responseId, responseSubmittedAt: row.responseSubmittedAt, mentionId: row.mentionId },
		"answered",
	);
	return updated;
}
