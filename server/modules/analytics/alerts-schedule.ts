// Starting alert evaluation: the 15-minute cron (the job definition's `cron`, registered at boot) and a throttled
// run soon after rollups changed. Kept apart from the job so that the rollup job can import it cheaply.
import type { Jobs } from "../../platform/jobs/jobs";
import type { Logger } from "../../platform/logging";

export const ALERTS_JOB = "analytics.alerts";
export const EVERY_15_MINUTES = "*/15 * * * *";
const KICK_EVERY_MS = 60_000;
let lastKickMs = 0;

/** Evaluates every organization's alerts soon (after rollups changed), at most once a minute per process. */
export function kickAlertEvaluation(jobs: Jobs, log: Logger, delaySeconds = 5): void {
	const nowMs = Date.now();
	if (nowMs - lastKickMs < KICK_EVERY_MS) return;
	lastKickMs = nowMs;
	jobs.boss
		.send(ALERTS_JOB, {}, { singletonSeconds: 60, startAfter: delaySeconds })
		.catch((error) => log.warn({ err: error }, "could not start alert evaluation"));
}
