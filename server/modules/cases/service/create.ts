// Writes new cases: per-organization numbers under a transaction-scoped advisory lock, at most one case per
// response or mention (unique partial indexes + on conflict do nothing), and the "created" history rows.
import { and, eq, max, sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db";
import { caseEvents, cases } from "../schema";
import type { CaseRow } from "./load";
import { acknowledgeCaseFeedback } from "./reply-state";

export type CaseDraft = Omit<typeof cases.$inferInsert, "id" | "organizationId" | "number" | "version">;

/**
 * Inserts the drafts of one organization in one statement; drafts whose response/mention has a case already are
 * skipped (returned rows are the cases created). Call inside a transaction.
 */
export async function insertCases(
	tx: Tx,
	organizationId: string,
	drafts: CaseDraft[],
	history: { actor: string; at: Date },
): Promise<CaseRow[]> {
	if (drafts.length === 0) return [];
	// Serialises numbering per organization; released at commit. Numbers of skipped drafts are not reused gaps
	// because the insert below is the only writer of numbers while the lock is held.
	await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`cases:${organizationId}`}, 0))`);
	const [last] = await tx
		.select({ n: max(cases.number) })
		.from(cases)
		.where(eq(cases.organizationId, organizationId));
	const start = (last?.n ?? 0) + 1;
	const rows = await tx
		.insert(cases)
		.values(drafts.map((draft, i) => ({ ...draft, organizationId, number: start + i })))
		.onConflictDoNothing()
		.returning();
	rows.sort((a, b) => a.number - b.number);
	// Close the number gaps left by skipped drafts so that numbers stay dense.
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i];
		if (row && row.number !== start + i) {
			const [moved] = await tx
				.update(cases)
				.set({ number: start + i })
				.where(and(eq(cases.organizationId, organizationId), eq(cases.id, row.id)))
				.returning();
			if (moved) rows[i] = moved;
		}
	}
	const auto = history.actor.startsWith("job:");
	const events = rows.flatMap((row) => [
		{
			organizationId,
			caseId: row.id,
			actor: history.actor,
			kind: "created",
			at: history.at,
			data: {
				source: row.source,
				ruleId: row.ruleId,
				priority: row.priority,
				departmentId: row.departmentId,
				responseId: row.responseId,
				mentionId: row.mentionId,
			},
		},
		...(row.assigneeId
			? [
					{
						organizationId,
						caseId: row.id,
						actor: history.actor,
						kind: "assignee",
						at: history.at,
						data: { from: null, to: row.assigneeId, auto },
					},
				]
			: []),
	]);
	if (events.length > 0) await tx.insert(caseEvents).values(events);
	await acknowledgeCaseFeedback(tx, organizationId, rows);
	return rows;
}
