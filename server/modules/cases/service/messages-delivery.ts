// What the email job reports about a case email (a reply or a follow-up): a permanent refusal is recorded as a
// case event (the email row alone cannot tell "given up" from "will retry"), and every outcome updates open inboxes.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import type { LiveBus } from "../../../platform/live/bus";
import type { Logger } from "../../../platform/logging";
import type { EmailOutcome } from "../../../platform/mail/mailer";
import { outboundEmails } from "../../../platform/mail/schema";
import { caseMessages } from "../schema";
import { caseFollowUps } from "../schema-loop";
import { publishCaseEvents } from "./live";
import { getCaseInOrg, recordCaseEvent } from "./load";

export type DeliveryEnv = { db: Db; live: LiveBus; log: Logger };

export async function recordMessageDelivery(env: DeliveryEnv, outcome: EmailOutcome): Promise<void> {
	const [email] = await env.db
		.select({ organizationId: outboundEmails.organizationId })
		.from(outboundEmails)
		.where(eq(outboundEmails.id, outcome.emailId));
	const organizationId = email?.organizationId;
	if (!organizationId) return;
	const [message] = await env.db
		.select({ id: caseMessages.id, caseId: caseMessages.caseId })
		.from(caseMessages)
		.where(and(eq(caseMessages.organizationId, organizationId), eq(caseMessages.emailId, outcome.emailId)));
	const [followUp] = message
		? []
		: await env.db
				.select({ id: caseFollowUps.id, caseId: caseFollowUps.caseId })
				.from(caseFollowUps)
				.where(and(eq(caseFollowUps.organizationId, organizationId), eq(caseFollowUps.emailId, outcome.emailId)));
	const caseId = message?.caseId ?? followUp?.caseId;
	if (!caseId) return;
	if (outcome.status === "failed" && outcome.isPermanent) {
		await recordCaseEvent(env.db, {
			organizationId,
			caseId,
			actor: "system",
			kind: message ? "message_failed" : "follow_up_failed",
			data: {
				emailId: outcome.emailId,
				...(message ? { messageId: message.id } : { followUpId: followUp?.id }),
				error: outcome.error,
			},
		});
	}
	const row = await getCaseInOrg(env.db, organizationId, caseId);
	await publishCaseEvents(env.live, "case.message", [row], env.log);
}
