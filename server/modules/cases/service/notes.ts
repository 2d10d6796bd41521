// Internal notes on a case (case_messages of kind "note"), with their history row.
import type { AddCaseNoteInput, CaseMessageView } from "../contract";
import { caseMessages } from "../schema";
import { assertMayWorkCase, caseActorOf } from "./access";
import { type CaseCtx, publishCaseEvents } from "./live";
import { lockCaseInOrg, recordCaseEvent } from "./load";

/** Notes do not change the case's version: a note written meanwhile never makes a status change fail. */
export async function addCaseNote(ctx: CaseCtx, caseId: string, input: AddCaseNoteInput): Promise<CaseMessageView> {
	const { row, message } = await ctx.db.transaction(async (tx) => {
		const row = await lockCaseInOrg(tx, ctx.organizationId, caseId);
		await assertMayWorkCase(tx, ctx, row);
		const [message] = await tx
			.insert(caseMessages)
			.values({
				organizationId: ctx.organizationId,
				caseId,
				kind: "note",
				authorId: ctx.actor.type === "user" ? ctx.actor.userId : null,
				body: input.body,
				createdAt: ctx.now,
			})
			.returning();
		if (!message) throw new Error("note not written");
		await recordCaseEvent(tx, {
			organizationId: ctx.organizationId,
			caseId,
			actor: caseActorOf(ctx.actor),
			kind: "note",
			at: ctx.now,
			data: { messageId: message.id },
		});
		return { row, message };
	});
	await publishCaseEvents(ctx.live, "case.message", [row], ctx.log);
	return {
		id: message.id,
		kind: message.kind,
		authorId: message.authorId,
		authorName: null,
		body: message.body,
		subject: message.subject,
		emailId: null,
		emailStatus: null,
		emailAttempts: null,
		emailError: null,
		fromAddress: null,
		createdAt: message.createdAt.toISOString(),
	};
}
