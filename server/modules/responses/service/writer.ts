// Writes new responses in small batches: submissions that arrive while a write is running wait for the next
// one, which stores them all in one transaction (claim the ids in response_keys, insert the claimed rows). Each
// caller is answered only after that commit. Under load this turns hundreds of commits per second into a few
// dozen, which is what lets one node take well over a thousand responses per second; alone, a submission is
// written at once. The transaction is also where follow-up jobs of new responses are to be enqueued.
import type { Db } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import { enqueueCaseEvaluation } from "../../cases/service/evaluate";
import { enqueueAnalysis } from "../../text/service/analyze";
import { responseKeys, responses } from "../schema";

export type NewResponse = typeof responses.$inferInsert & { id: string; submittedAt: Date };

/** `created` when stored now; `exists` when the id was claimed before (the caller continues that response). */
export type WriteOutcome = "created" | "exists";

type Pending = { row: NewResponse; resolve: (outcome: WriteOutcome) => void; reject: (error: unknown) => void };

const MAX_BATCH = 250;
// Writes in flight at once: PostgreSQL overlaps them on several connections; PGlite runs them one by one.
const MAX_IN_FLIGHT = 2;

class ResponseWriter {
	private queue: Pending[] = [];
	private inFlight = 0;

	constructor(
		private readonly db: Db,
		private readonly jobs: Jobs,
	) {}

	write(row: NewResponse): Promise<WriteOutcome> {
		return new Promise((resolve, reject) => {
			this.queue.push({ row, resolve, reject });
			this.pump();
		});
	}

	private pump() {
		while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
			const batch = this.queue.splice(0, MAX_BATCH);
			this.inFlight++;
			this.flush(batch).finally(() => {
				this.inFlight--;
				this.pump();
			});
		}
	}

	private async flush(batch: Pending[]): Promise<void> {
		// One id twice in a batch: the first is written, the repeat continues it after the commit.
		const first = new Map<string, Pending>();
		for (const pending of batch) if (!first.has(pending.row.id)) first.set(pending.row.id, pending);
		try {
			const claimed = await this.db.transaction(async (tx) => {
				const rows = [...first.values()].map((p) => p.row);
				const keys = await tx
					.insert(responseKeys)
					.values(
						rows.map((r) => ({
							id: r.id,
							organizationId: r.organizationId,
							surveyId: r.surveyId,
							submittedAt: r.submittedAt,
						})),
					)
					.onConflictDoNothing()
					.returning({ id: responseKeys.id });
				const ids = new Set(keys.map((k) => k.id));
				const fresh = rows.filter((r) => ids.has(r.id));
				if (fresh.length > 0) await tx.insert(responses).values(fresh);
				await enqueueAnalysis(
					tx,
					this.jobs,
					"response",
					fresh.filter(isReadyForAnalysis).map((r) => r.id),
				);
				// Without a comment there is nothing to analyse: case rules see the response now (one job per batch).
				await enqueueCaseEvaluation(
					tx,
					this.jobs,
					"response",
					fresh.filter((r) => r.completed && !isReadyForAnalysis(r)).map((r) => r.id),
				);
				return ids;
			});
			for (const pending of batch) {
				pending.resolve(first.get(pending.row.id) === pending && claimed.has(pending.row.id) ? "created" : "exists");
			}
		} catch (error) {
			for (const pending of batch) pending.reject(error);
		}
	}
}

/** A completed response with a comment gets its text analysed. */
export const isReadyForAnalysis = (row: { completed?: boolean | null; comment?: string | null }) =>
	!!row.completed && !!row.comment?.trim();

const writers = new WeakMap<Db, ResponseWriter>();

/** Stores a new response (batched with concurrent ones); resolves after the commit. */
export function writeNewResponse(db: Db, jobs: Jobs, row: NewResponse): Promise<WriteOutcome> {
	let writer = writers.get(db);
	if (!writer) {
		writer = new ResponseWriter(db, jobs);
		writers.set(db, writer);
	}
	return writer.write(row);
}
