// Works off feedback that is not analysed yet (imports, the demo data, rows whose real-time job was lost):
// a job that analyses one batch per run and enqueues itself until nothing is pending.
import type { Db } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import type { TargetKind } from "../contract";
import { allAnalysisTargets, runAnalysisStoredHooks, type TextOutcome } from "../targets";
import { analyzerFor } from "./analyze";

export const BACKLOG_JOB = "text.backlog";
const BATCH = 1000;

/**
 * Analyses one batch of distinct pending texts per target and stores each result on every row with that text
 * (feedback repeats itself: "Alles gut", "Lieferung zu spät"); returns how many texts it analysed.
 */
export async function analyzePendingTexts(
	db: Db,
	organizationId: string,
	onStored?: (tx: Db, kind: TargetKind, ids: string[]) => Promise<void>,
): Promise<number> {
	let analysed = 0;
	for (const target of allAnalysisTargets()) {
		const texts = await target.findPendingTexts(db, organizationId, BATCH);
		if (texts.length === 0) continue;
		const analyze = await analyzerFor(db, organizationId);
		const outcomes: TextOutcome[] = texts.map((text) => {
			try {
				return { text, analysis: analyze(text) };
			} catch (error) {
				return { text, error: error instanceof Error ? error.message : String(error) };
			}
		});
		if (onStored) {
			// The analyses and the follow-up jobs of the rows they reached commit together.
			await db.transaction(async (tx) =>
				onStored(tx, target.kind, await target.storeByText(tx, organizationId, outcomes)),
			);
		} else await target.storeByText(db, organizationId, outcomes);
		analysed += texts.length;
	}
	return analysed;
}

export async function workOffBacklog(
	env: { db: Db; jobs: Jobs; live: LiveBus },
	organizationId: string,
): Promise<number> {
	const analysed = await analyzePendingTexts(env.db, organizationId, (tx, kind, ids) =>
		runAnalysisStoredHooks(tx, env.jobs, kind, ids),
	);
	if (analysed > 0) {
		await env.jobs.enqueue(env.db, BACKLOG_JOB, { organizationId }, { singletonKey: `backlog:${organizationId}` });
		await env.live.publish({ type: "text.backlog.progress", organizationId, data: { analysed } });
	}
	return analysed;
}

export async function scheduleBacklog(db: Db, jobs: Jobs, organizationId: string): Promise<void> {
	await jobs.enqueue(db, BACKLOG_JOB, { organizationId }, { singletonKey: `backlog:${organizationId}` });
}
