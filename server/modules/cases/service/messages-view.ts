// A case's message thread in order, each outbound email with its delivery read from the platform's email row:
// queued, sent, retrying (an attempt failed; the email job tries again) or failed (refused for good or out of tries).
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db, Tx } from "../../../platform/db";
import { sendEmailJob } from "../../../platform/mail/mailer";
import { outboundEmails } from "../../../platform/mail/schema";
import { afterCursor, toPage } from "../../../platform/pagination";
import type { DeliveryStatus, ThreadMessagePage, ThreadMessagesQuery, ThreadMessageView } from "../contract-loop";
import { caseEvents, caseMessages } from "../schema";
import { getCaseInOrg } from "./load";

/** Attempts the email job makes before giving up: the first plus its retries. */
const MAX_ATTEMPTS = 1 + sendEmailJob.retryLimit;

export function deliveryStatusOf(email: { status: string; attempts: number }, isGivenUp: boolean): DeliveryStatus {
	if (email.status === "sent") return "sent";
	// Queued: not tried yet, or an attempt is under way.
	if (email.status === "queued") return "queued";
	return isGivenUp || email.attempts >= MAX_ATTEMPTS ? "failed" : "retrying";
}

const columns = {
	message: caseMessages,
	authorName: sql<string | null>`(select u.name from users u where u.id = ${caseMessages.authorId})`,
	email: {
		toAddress: outboundEmails.toAddress,
		status: outboundEmails.status,
		attempts: outboundEmails.attempts,
		lastError: outboundEmails.lastError,
		sentAt: outboundEmails.sentAt,
	},
	// A permanent refusal is recorded as a case event by the delivery job (the email row cannot say so).
	isGivenUp: sql<boolean>`exists (select 1 from ${caseEvents} e where e.case_id = ${caseMessages.caseId}
		and e.kind = 'message_failed' and e.data->>'emailId' = ${caseMessages.emailId}::text)`,
};

type Joined = {
	message: typeof caseMessages.$inferSelect;
	authorName: string | null;
	email: {
		toAddress: string | null;
		status: string | null;
		attempts: number | null;
		lastError: string | null;
		sentAt: Date | null;
	};
	isGivenUp: boolean;
};

export function toThreadMessageView(row: Joined): ThreadMessageView {
	const m = row.message;
	const e = row.email;
	return {
		id: m.id,
		caseId: m.caseId,
		kind: m.kind,
		authorId: m.authorId,
		authorName: row.authorName,
		subject: m.subject,
		body: m.body,
		fromAddress: m.kind === "inbound" ? m.fromAddress : null,
		delivery:
			m.emailId && e.status !== null && e.toAddress !== null
				? {
						status: deliveryStatusOf({ status: e.status, attempts: e.attempts ?? 0 }, row.isGivenUp),
						toAddress: e.toAddress,
						attempts: e.attempts ?? 0,
						lastError: e.lastError,
						sentAt: e.sentAt?.toISOString() ?? null,
					}
				: null,
		createdAt: m.createdAt.toISOString(),
	};
}

async function selectThread(db: Db | Tx, where: SQL | undefined, limit: number) {
	return (await db
		.select(columns)
		.from(caseMessages)
		.leftJoin(outboundEmails, eq(outboundEmails.id, caseMessages.emailId))
		.where(where)
		.orderBy(asc(caseMessages.createdAt), asc(caseMessages.id))
		.limit(limit)) as Joined[];
}

export async function threadMessageViewsOf(db: Db | Tx, organizationId: string, ids: string[]) {
	if (ids.length === 0) return [];
	const rows = await selectThread(
		db,
		and(eq(caseMessages.organizationId, organizationId), inArray(caseMessages.id, ids)),
		ids.length,
	);
	return rows.map(toThreadMessageView);
}

/** The thread oldest first (notes included, for the agent's view), keyset paginated. */
export async function findCaseThread(ctx: Ctx, caseId: string, query: ThreadMessagesQuery): Promise<ThreadMessagePage> {
	await getCaseInOrg(ctx.db, ctx.organizationId, caseId);
	const rows = await selectThread(
		ctx.db,
		and(
			eq(caseMessages.organizationId, ctx.organizationId),
			eq(caseMessages.caseId, caseId),
			afterCursor(query.cursor, { column: caseMessages.createdAt, kind: "time" }, caseMessages.id, "asc"),
		),
		query.limit + 1,
	);
	return toPage(rows, query.limit, toThreadMessageView, (r) => [r.message.createdAt, r.message.id]);
}
