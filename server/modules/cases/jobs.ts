// The cases module's jobs: evaluate new feedback against the rules, and escalate SLA breaches (every minute).
import type { Config } from "../../platform/config";
import type { Db } from "../../platform/db";
import type { JobDefinition, Jobs } from "../../platform/jobs/jobs";
import type { LiveBus } from "../../platform/live/bus";
import type { Logger } from "../../platform/logging";
import { ESCALATE_JOB, escalateOverdueCases } from "./service/escalate";
import { EVALUATE_JOB, type EvaluateInput, evaluateFeedback } from "./service/evaluate";

type Env = { db: Db; jobs: Jobs; live: LiveBus; log: Logger; config: Config };

export const evaluateCasesJob: JobDefinition<EvaluateInput, Env> = {
	name: EVALUATE_JOB,
	retryLimit: 5,
	retryDelaySeconds: 5,
	retryBackoff: true,
	async handle(env, input) {
		await evaluateFeedback(env, input, new Date());
	},
};

/** `now` (ISO) lets an operator or a test run it for another instant; the schedule sends none. */
export const escalateCasesJob: JobDefinition<{ now?: string }, Env> = {
	name: ESCALATE_JOB,
	retryLimit: 2,
	retryDelaySeconds: 30,
	cron: "* * * * *",
	async handle(env, data) {
		const now = data?.now ? new Date(data.now) : new Date();
		await escalateOverdueCases({ ...env, publicUrl: env.config.publicUrl }, now);
	},
};

export const caseJobs = [evaluateCasesJob, escalateCasesJob];
