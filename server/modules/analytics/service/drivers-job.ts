// The analytics.drivers job: one requested analysis, or (no organization given) the nightly run over all of them.
import type { Db } from "../../../platform/db";
import type { JobDefinition, Jobs } from "../../../platform/jobs/jobs";
import type { Logger } from "../../../platform/logging";
import { DRIVER_KINDS } from "../contract-drivers";
import {
	computeAndStoreDrivers,
	computeNightlyDrivers,
	DRIVERS_JOB,
	type DriversJobData,
	NIGHTLY_DRIVERS_CRON,
} from "./drivers";

type Env = { db: Db; jobs: Jobs; log: Logger };

export const analyticsDriversJob: JobDefinition<DriversJobData, Env> = {
	name: DRIVERS_JOB,
	retryLimit: 2,
	retryDelaySeconds: 30,
	cron: NIGHTLY_DRIVERS_CRON,
	async handle(env, data) {
		const now = new Date();
		if (!data.organizationId) return computeNightlyDrivers(env.db, now, env.log);
		for (const kind of data.kind ? [data.kind] : DRIVER_KINDS) {
			await computeAndStoreDrivers(env.db, data.organizationId, kind, { from: data.from, to: data.to }, now);
		}
	},
};
