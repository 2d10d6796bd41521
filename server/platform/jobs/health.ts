// The health job: proves that jobs are queued, picked up, retried after a failure and completed.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import type { JobDefinition, Jobs } from "./jobs";
import { jobHealthChecks } from "./schema";

export const healthCheckJob: JobDefinition<{ checkId: string }, { db: Db }> = {
	name: "system.health-check",
	retryLimit: 3,
	retryDelaySeconds: 1,
	async handle(env, { checkId }) {
		const [check] = await env.db
			.update(jobHealthChecks)
			.set({ attempts: sql`${jobHealthChecks.attempts} + 1` })
			.where(eq(jobHealthChecks.id, checkId))
			.returning();
		if (!check || check.completedAt) return;
		// Fails on purpose as often as asked, so that a check can prove the retry path too.
		if (check.attempts <= check.failuresWanted) throw new Error(`planned failure ${check.attempts}`);
		await env.db.update(jobHealthChecks).set({ completedAt: new Date() }).where(eq(jobHealthChecks.id, checkId));
	},
};

export async function startHealthCheck(db: Db, jobs: Jobs, failuresWanted = 0): Promise<string> {
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(jobHealthChecks).values({ failuresWanted }).returning({ id: jobHealthChecks.id });
		if (!row) throw new Error("health check not written");
		await jobs.enqueue(tx, healthCheckJob.name, { checkId: row.id });
		return row.id;
	});
}

export async function getHealthCheck(db: Db, checkId: string) {
	const [row] = await db.select().from(jobHealthChecks).where(eq(jobHealthChecks.id, checkId));
	return row;
}
