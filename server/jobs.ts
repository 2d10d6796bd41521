// Every job the modules define, and the environment their handlers receive.

import { funnelRollupJob, rollupJob } from "./modules/events/rollup/job";
import { outreachJobs } from "./modules/outreach/jobs";
import { mentionAnalysisTarget } from "./modules/outreach/service/analysis-target";
import { responseAnalysisTarget } from "./modules/responses/service/analysis-target";
import { textJobs } from "./modules/text/jobs";
import { registerAnalysisTarget } from "./modules/text/targets";
import type { Config } from "./platform/config";
import type { Db } from "./platform/db";
import { healthCheckJob } from "./platform/jobs/health";
import type { JobDefinition, Jobs } from "./platform/jobs/jobs";
import type { LiveBus } from "./platform/live/bus";
import type { Logger } from "./platform/logging";
import { sendEmailJob } from "./platform/mail/mailer";

export type JobEnv = {
	db: Db;
	jobs: Jobs;
	live: LiveBus;
	log: Logger;
	config: Config;
	smtpUrl: string | undefined;
	smtpFrom: string;
};

export const jobDefinitions = [
	healthCheckJob,
	sendEmailJob,
	...textJobs,
	rollupJob,
	funnelRollupJob,
	...outreachJobs,
] as unknown as JobDefinition<never, never>[];

// The text pipeline reads responses and mentions through these adapters (the composition root wires modules).
registerAnalysisTarget(responseAnalysisTarget);
registerAnalysisTarget(mentionAnalysisTarget);

export function jobEnv(db: Db, jobs: Jobs, live: LiveBus, log: Logger, config: Config): JobEnv {
	return { db, jobs, live, log, config, smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom };
}
