// Opening a case by hand (a call, a letter, a response no rule caught): validated like any change, numbered,
// with SLA due times, and linked to a response or mention of the organization when given.
import { conflict, invalid } from "../../../platform/errors";
import { getDepartmentInOrg } from "../../admin/service/departments";
import { getTouchpointInOrg } from "../../journey/service/load";
import type { CaseView, OpenCaseInput } from "../contract";
import { caseMessages } from "../schema";
import { assertAssignable, assertMayWorkCase, caseActorOf } from "./access";
import { insertCases } from "./create";
import { type FeedbackRow, loadFeedback } from "./feedback";
import { type CaseCtx, publishCaseEvents } from "./live";
import { caseViewOf, recordCaseEvent } from "./load";
import { dueTimesFor, slaClockOf } from "./settings";

export async function openCase(ctx: CaseCtx, input: OpenCaseInput): Promise<CaseView> {
	const row = await ctx.db.transaction(async (tx) => {
		let feedback: FeedbackRow | undefined;
		if (input.responseId || input.mentionId) {
			const kind = input.responseId ? "response" : "mention";
			[feedback] = await loadFeedback(tx, kind, [input.responseId ?? input.mentionId ?? ""], ctx.organizationId);
			if (!feedback) {
				const field = input.responseId ? "responseId" : "mentionId";
				throw invalid(`${field}: not feedback of this organization`, {
					fields: [{ field, message: "Unknown feedback" }],
				});
			}
		}
		const touchpointId = input.touchpointId ?? feedback?.touchpointId ?? null;
		const touchpoint = touchpointId ? await getTouchpointInOrg(tx, ctx.organizationId, touchpointId) : undefined;
		const departmentId = input.departmentId !== undefined ? input.departmentId : (touchpoint?.departmentId ?? null);
		if (departmentId) await getDepartmentInOrg(tx, ctx.organizationId, departmentId);
		await assertMayWorkCase(tx, ctx, { departmentId });
		const assigneeId = input.assigneeId ?? null;
		if (assigneeId) await assertAssignable(tx, ctx.organizationId, assigneeId, departmentId);
		const clock = await slaClockOf(tx, ctx.organizationId);
		const actor = caseActorOf(ctx.actor);
		const [created] = await insertCases(
			tx,
			ctx.organizationId,
			[
				{
					status: "new",
					priority: input.priority,
					departmentId,
					assigneeId,
					ruleId: null,
					source: feedback?.kind ?? "manual",
					responseId: input.responseId ?? null,
					responseSubmittedAt: feedback?.kind === "response" ? feedback.submittedAt : null,
					mentionId: input.mentionId ?? null,
					contactId: feedback?.contactId ?? null,
					touchpointId,
					subject: input.subject,
					customerEmail: input.customerEmail ?? feedback?.customerEmail ?? null,
					customerName: input.customerName ?? feedback?.customerName ?? null,
					language: input.language,
					tags: [...new Set(input.tags)],
					...dueTimesFor(clock, input.priority, ctx.now),
					createdAt: ctx.now,
					updatedAt: ctx.now,
				},
			],
			{ actor, at: ctx.now },
		);
		if (!created) throw conflict("This feedback has a case already");
		if (input.note) {
			const [note] = await tx
				.insert(caseMessages)
				.values({
					organizationId: ctx.organizationId,
					caseId: created.id,
					kind: "note",
					authorId: ctx.actor.type === "user" ? ctx.actor.userId : null,
					body: input.note,
					createdAt: ctx.now,
				})
				.returning({ id: caseMessages.id });
			await recordCaseEvent(tx, {
				organizationId: ctx.organizationId,
				caseId: created.id,
				actor,
				kind: "note",
				at: ctx.now,
				data: { messageId: note?.id },
			});
		}
		return created;
	});
	await publishCaseEvents(ctx.live, "case.created", [row], ctx.log);
	return caseViewOf(ctx.db, ctx.organizationId, row.id, ctx.now);
}
