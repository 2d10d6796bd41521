// Whether each piece of feedback (response or mention) got an answer: unanswered → acknowledged (seen, a case
// was opened, or an agent marked it) → answered (a reply or public note). Answered never goes back.
import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db, Tx } from "../../../platform/db";
import { recordAudit } from "../../admin/service/audit";
import type { ReplyState, SetReplyStateInput, SetReplyStateView } from "../contract-loop";

// Responses, mentions and touchpoints belong to other modules: written by name, always with the organization.

/** What a case links to: a response (with its partition key when known) or a mention. */
export type FeedbackRef = {
	responseId?: string | null;
	responseSubmittedAt?: Date | null;
	mentionId?: string | null;
};

/**
 * Sets the reply state of a case's feedback inside the caller's transaction. `acknowledged` leaves answered
 * feedback alone; `answered` always wins. Cases-core calls this with `acknowledged` when it opens a case.
 */
export async function markFeedbackState(
	tx: Db | Tx,
	organizationId: string,
	ref: FeedbackRef,
	state: Exclude<ReplyState, "unanswered">,
): Promise<void> {
	// Acknowledging leaves answered feedback alone; answering always wins.
	const guard = state === "acknowledged" ? sql`reply_state = 'unanswered'` : sql`reply_state <> 'answered'`;
	if (ref.responseId) {
		const partition = ref.responseSubmittedAt
			? sql` and submitted_at = ${ref.responseSubmittedAt.toISOString()}`
			: sql``;
		await tx.execute(sql`update responses set reply_state = ${state}
			where organization_id = ${organizationId} and id = ${ref.responseId}${partition} and ${guard}`);
	}
	if (ref.mentionId) {
		await tx.execute(sql`update mentions set reply_state = ${state}
			where organization_id = ${organizationId} and id = ${ref.mentionId} and ${guard}`);
	}
}

/**
 * Opening cases acknowledges the feedback they came from when the organization's "acknowledge automatically" case
 * setting is on (cases-core calls this in the creating transaction): at most two statements for any number of
 * cases; answered feedback stays answered.
 */
export async function acknowledgeCaseFeedback(tx: Db | Tx, organizationId: string, refs: FeedbackRef[]): Promise<void> {
	if (refs.length === 0) return;
	const setting = (await tx.execute(
		sql`select auto_acknowledge from case_settings where organization_id = ${organizationId}`,
	)) as unknown as { rows: { auto_acknowledge: boolean }[] };
	// On by default (no settings row yet): opening a case is the acknowledgement.
	if (setting.rows[0]?.auto_acknowledge === false) return;
	const responseRefs = refs.filter((r) => r.responseId && r.responseSubmittedAt);
	const mentionIds = refs.flatMap((r) => (r.mentionId ? [r.mentionId] : []));
	if (responseRefs.length > 0) {
		const pairs = sql.join(
			responseRefs.map((r) => sql`(${r.responseId}::uuid, ${r.responseSubmittedAt?.toISOString()}::timestamptz)`),
			sql`, `,
		);
		const times = sql.join(
			responseRefs.map((r) => sql`${r.responseSubmittedAt?.toISOString()}::timestamptz`),
			sql`, `,
		);
		// The plain list of submitted_at lets PostgreSQL skip the other monthly partitions.
		await tx.execute(sql`update responses set reply_state = 'acknowledged'
			where organization_id = ${organizationId} and submitted_at in (${times}) and (id, submitted_at) in (${pairs})
				and reply_state = 'unanswered'`);
	}
	if (mentionIds.length > 0) {
		await tx.execute(sql`update mentions set reply_state = 'acknowledged'
			where organization_id = ${organizationId} and id in (${sql.join(
				mentionIds.map((id) => sql`${id}::uuid`),
				sql`, `,
			)}) and reply_state = 'unanswered'`);
	}
}

/** Agents act only for their departments' touchpoints; everyone else holding `cases.work` for all. */
function agentTouchpointFilter(ctx: Ctx): SQL {
	if (ctx.actor.type !== "user" || ctx.actor.role !== "agent") return sql``;
	return sql` and touchpoint_id in (select t.id from touchpoints t where t.organization_id = ${ctx.organizationId}
		and t.department_id in (select md.department_id from membership_departments md
		join memberships m on m.id = md.membership_id where m.organization_id = ${ctx.organizationId}
		and m.user_id = ${ctx.actor.userId}))`;
}

/** Bulk acknowledge (or undo an acknowledgement); answered feedback is never changed here. */
export async function setReplyState(ctx: Ctx, input: SetReplyStateInput): Promise<SetReplyStateView> {
	const responseIds = [...new Set(input.items.filter((i) => i.source === "response").map((i) => i.id))];
	const mentionIds = [...new Set(input.items.filter((i) => i.source === "mention").map((i) => i.id))];
	const from = input.state === "acknowledged" ? "unanswered" : "acknowledged";
	const allowed = agentTouchpointFilter(ctx);
	return ctx.db.transaction(async (tx) => {
		let updated = 0;
		for (const [table, ids] of [
			["responses", responseIds],
			["mentions", mentionIds],
		] as const) {
			if (ids.length === 0) continue;
			const result = (await tx.execute(sql`update ${sql.identifier(table)} set reply_state = ${input.state}
				where organization_id = ${ctx.organizationId} and id in (${sql.join(
					ids.map((id) => sql`${id}::uuid`),
					sql`, `,
				)}) and reply_state = ${from}${allowed} returning id`)) as unknown as { rows: unknown[] };
			updated += result.rows.length;
		}
		if (updated > 0) {
			await recordAudit(
				tx,
				ctx,
				"feedback.reply_state_changed",
				{ type: "feedback", id: null },
				{
					state: input.state,
					responses: responseIds.length,
					mentions: mentionIds.length,
					updated,
				},
			);
		}
		return { updated };
	});
}
