// Starting the rollup job: after accepted events (at most once per few seconds per process, throttled in
// pg-boss too); the job re-sends itself while newer events wait, so a quiet period ends with fresh rollups.
import type { Jobs } from "../../../platform/jobs/jobs";
import type { Logger } from "../../../platform/logging";

export const ROLLUP_JOB = "behaviour.rollup";
const KICK_EVERY_MS = 5_000;
let lastKickMs = 0;

export function kickRollup(jobs: Jobs, log: Logger, delaySeconds = 2): void {
	const nowMs = Date.now();
	if (nowMs - lastKickMs < KICK_EVERY_MS) return;
	lastKickMs = nowMs;
	jobs.boss
		.send(ROLLUP_JOB, {}, { singletonSeconds: 5, startAfter: delaySeconds })
		.catch((error) => log.warn({ err: error }, "could not start the behaviour rollup"));
}

export function resetRollupKick(): void {
	lastKickMs = 0;
}
