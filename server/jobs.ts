// Every job the modules define, and the environment their handlers receive.

import { alertJobs } from "./modules/analytics/jobs-alerts";
import { analyticsRollupJob } from "./modules/analytics/rollup/job";
import { analyticsDriversJob } from "./modules/analytics/service/drivers-job";
import { caseJobs } from "./modules/cases/jobs";
import { caseLoopJobs } from "./modules/cases/jobs-loop";
import { enqueueCaseEvaluation } from "./modules/cases/service/evaluate";
import { funnelRollupJob, rollupJob } from "./modules/events/rollup/job";
import { outreachJobs } from "./modules/outreach/jobs";
import { mentionAnalysisTarget } from "./modules/outreach/service/analysis-target";
import { responseAnalysisTarget } from "./modules/responses/service/analysis-target";
import { textJobs } from "./modules/text/jobs";
import { registerAnalysisStoredHook, registerAnalysisTarget } from "./modules/text/targets";
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
	analyticsRollupJob,
	analyticsDriversJob,
	...alertJobs,
	...outreachJobs,
	...caseLoopJobs,
	...caseJobs,
] as unknown as JobDefinition<never, never>[];

// The text pipeline reads responses and mentions through these adapters (the composition root wires modules).
registerAnalysisTarget(responseAnalysisTarget);
registerAnalysisTarget(mentionAnalysisTarget);
// Newly analysed feedback goes on to the case rules (which read its sentiment, intents and themes).
registerAnalysisStoredHook(enqueueCaseEvaluation);

export function jobEnv(db: Db, jobs: Jobs, live: LiveBus, log: Logger, config: Config): JobEnv {
	return { db, jobs, live, log, config, smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom };
}
