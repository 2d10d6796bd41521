// A public "we heard you" note for feedback without an email address. Loupe cannot post on review sites or social
// networks: the note is stored (kind `public`) with the address of the mention, for the agent to post there, and
// the mention counts as answered. A survey response without contact details has no public place to answer.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { invalid } from "../../../platform/errors";
import type { PublicNoteInput, PublicNoteView } from "../contract-loop";
import { caseMessages } from "../schema";
import { assertMayWorkCase, caseActorOf } from "./access";
import { type CaseRow, lockCaseInOrg, recordCaseEvent } from "./load";
import { markCaseAnswered } from "./messages";
import { threadMessageViewsOf } from "./messages-view";

export type PostedNote = { note: PublicNoteView; caseRow: CaseRow };

export async function addPublicNote(ctx: Ctx, caseId: string, input: PublicNoteInput): Promise<PostedNote> {
	return ctx.db.transaction(async (tx) => {
		const row = await lockCaseInOrg(tx, ctx.organizationId, caseId);
		await assertMayWorkCase(tx, ctx, row);
		if (!row.mentionId) {
			throw invalid(
				row.customerEmail
					? "Public notes are for reviews and posts: this customer has an email address, reply by email"
					: row.source === "response"
						? "A survey response has no public place to answer: without contact details the respondent cannot be reached. Keep an internal note instead."
						: "Public notes are for reviews and posts (mentions): this case has none",
			);
		}
		const result = (await tx.execute(
			sql`select url from mentions where organization_id = ${ctx.organizationId} and id = ${row.mentionId}`,
		)) as unknown as { rows: { url: string | null }[] };
		const postUrl = result.rows[0]?.url ?? null;
		const id = randomUUID();
		await tx.insert(caseMessages).values({
			id,
			organizationId: ctx.organizationId,
			caseId: row.id,
			kind: "public",
			authorId: ctx.actor.type === "user" ? ctx.actor.userId : null,
			body: input.body,
			createdAt: ctx.now,
		});
		const caseRow = await markCaseAnswered(tx, ctx, row, false);
		await recordCaseEvent(tx, {
			organizationId: ctx.organizationId,
			caseId: row.id,
			actor: caseActorOf(ctx.actor),
			kind: "public_note",
			data: { messageId: id, postUrl },
			at: ctx.now,
		});
		const [message] = await threadMessageViewsOf(tx, ctx.organizationId, [id]);
		if (!message) throw new Error("public note not written");
		return { note: { ...message, postUrl }, caseRow };
	});
}
