// A customer's emailed reply, posted by the mail provider's inbound webhook: found by the token in the reply
// address (or the Message-ID it answers), stripped of the quoted earlier mail, stored as an inbound message; a case
// waiting on the customer or resolved opens again. The same provider Message-ID is stored once (webhooks retry).
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { stripQuotedText } from "../../../../lib/cases/quoted-text";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import type { InboundMailInput, InboundMailView } from "../contract-loop";
import { caseMessages, cases } from "../schema";
import { type CaseRow, lockCaseInOrg, recordCaseEvent } from "./load";
import { bareAddressOf, caseIdOfReplyToken, messageIdsIn, replyTokenInRecipients } from "./messages-address";

/** An inbound body longer than this is cut (the whole mail stays with the provider). */
const MAX_BODY_CHARS = 20_000;

export type ReceivedReply = { view: InboundMailView; caseRow: CaseRow };

/** Text of an HTML-only mail: tags dropped, block ends as line breaks, the common entities decoded. */
export function textOfHtml(html: string): string {
	return html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
		.replace(/<blockquote[\s\S]*?<\/blockquote>/gi, "")
		.replace(/<br\s*\/?>/gi, "\n")
		.replace(/<\/(p|div|li|tr|h[1-6])>/gi, "\n")
		.replace(/<[^>]+>/g, "")
		.replace(/&nbsp;/g, " ")
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, "&")
		.replace(/\n{3,}/g, "\n\n");
}

const normalizeMessageId = (id: string) => {
	const trimmed = id.trim();
	return trimmed.startsWith("<") ? trimmed : `<${trimmed}>`;
};

async function caseIdOf(db: Db, organizationId: string, input: InboundMailInput): Promise<string | undefined> {
	const token = replyTokenInRecipients(input.to);
	if (token) return caseIdOfReplyToken(db, organizationId, token);
	// Without the address (a client that replied to From), the Message-ID it answers names our message.
	const answered = messageIdsIn([input.inReplyTo, input.references]).slice(-50);
	if (answered.length === 0) return undefined;
	const [row] = await db
		.select({ caseId: caseMessages.caseId })
		.from(caseMessages)
		.where(and(eq(caseMessages.organizationId, organizationId), inArray(caseMessages.messageId, answered)))
		.limit(1);
	return row?.caseId;
}

export async function receiveInboundReply(
	db: Db,
	organizationId: string,
	input: InboundMailInput,
	now: Date,
): Promise<ReceivedReply> {
	const caseId = await caseIdOf(db, organizationId, input);
	if (!caseId) throw notFound("Case for this reply address");
	// PostgreSQL text cannot hold NUL characters; a mail may carry them.
	const clean = (text: string) => text.replaceAll("\u0000", "");
	const messageId = normalizeMessageId(clean(input.messageId));
	const fullText = clean(input.text.trim() ? input.text : textOfHtml(input.html ?? ""));
	const body = (stripQuotedText(fullText) || fullText.trim()).slice(0, MAX_BODY_CHARS);
	const fromAddress = clean(bareAddressOf(input.from) ?? input.from.slice(0, 320));
	return db.transaction(async (tx) => {
		const row = await lockCaseInOrg(tx, organizationId, caseId);
		const [existing] = await tx
			.select({ id: caseMessages.id })
			.from(caseMessages)
			.where(
				and(
					eq(caseMessages.organizationId, organizationId),
					eq(caseMessages.caseId, caseId),
					eq(caseMessages.messageId, messageId),
				),
			)
			.limit(1);
		if (existing) return { view: { caseId, messageId: existing.id, stored: false, reopened: false }, caseRow: row };
		const id = randomUUID();
		await tx.insert(caseMessages).values({
			id,
			organizationId,
			caseId,
			kind: "inbound",
			body: body || "(empty)",
			subject: clean(input.subject).slice(0, 300) || null,
			messageId,
			fromAddress,
			createdAt: now,
		});
		const reopens = row.status === "waiting" || row.status === "resolved";
		let caseRow = row;
		if (reopens) {
			const [updated] = await tx
				.update(cases)
				.set({
					status: "open",
					...(row.status === "resolved"
						? { reopenCount: sql`${cases.reopenCount} + 1`, resolvedAt: null, closedAt: null }
						: {}),
					version: sql`${cases.version} + 1`,
					updatedAt: now,
				})
				.where(and(eq(cases.organizationId, organizationId), eq(cases.id, caseId)))
				.returning();
			if (!updated) throw new Error("case not updated");
			caseRow = updated;
			await recordCaseEvent(tx, {
				organizationId,
				caseId,
				actor: "system",
				kind: "status",
				data: {
					from: row.status,
					to: "open",
					...(row.status === "resolved" ? { reopen: true } : {}),
					reason: "customer_replied",
				},
				at: now,
			});
		}
		const isFromCustomer = !!row.customerEmail && fromAddress.toLowerCase() === row.customerEmail.toLowerCase();
		await recordCaseEvent(tx, {
			organizationId,
			caseId,
			actor: "system",
			kind: "message_in",
			data: { messageId: id, from: fromAddress, isFromCustomer },
			at: now,
		});
		return { view: { caseId, messageId: id, stored: true, reopened: reopens }, caseRow };
	});
}
