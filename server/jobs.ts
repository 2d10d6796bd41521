// Every job the modules define, and the environment their handlers receive.
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

export const jobDefinitions = [healthCheckJob, sendEmailJob] as unknown as JobDefinition<never, never>[];

export function jobEnv(db: Db, jobs: Jobs, live: LiveBus, log: Logger, config: Config): JobEnv {
	return { db, jobs, live, log, config, smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom };
}
