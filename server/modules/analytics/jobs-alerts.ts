// Jobs of alerts: evaluation (every 15 minutes by cron, and when kicked after rollups), webhook delivery with
// retries, and the outcome of alert emails.
import { sql } from "drizzle-orm";
import type { Config } from "../../platform/config";
import type { Db } from "../../platform/db";
import type { JobDefinition, Jobs } from "../../platform/jobs/jobs";
import type { LiveBus } from "../../platform/live/bus";
import type { Logger } from "../../platform/logging";
import type { EmailOutcome } from "../../platform/mail/mailer";
import { ALERTS_JOB, EVERY_15_MINUTES } from "./alerts-schedule";
import { evaluateAlerts } from "./service/alert-evaluate";
import { ALERT_EMAIL_OUTCOME_JOB, ALERT_WEBHOOK_JOB, deliverWebhook, recordEmailOutcome } from "./service/alert-notify";

type Env = { db: Db; jobs: Jobs; live: LiveBus; log: Logger; config: Pick<Config, "publicUrl"> };
const WEBHOOK_RETRIES = 6;

export const alertsJob: JobDefinition<{ organizationId?: string }, Env> = {
	name: ALERTS_JOB,
	retryLimit: 3,
	retryDelaySeconds: 30,
	retryBackoff: true,
	cron: EVERY_15_MINUTES,
	async handle(env, { organizationId }) {
		const ids = organizationId
			? [organizationId]
			: (
					(await env.db.execute(sql`select id from organizations order by created_at`)) as unknown as {
						rows: { id: string }[];
					}
				).rows.map((r) => r.id);
		const alertEnv = { ...env, publicUrl: env.config.publicUrl };
		for (const id of ids) {
			const result = await evaluateAlerts(alertEnv, id, new Date());
			if (result.fired > 0 || result.cleared > 0) env.log.info({ organizationId: id, ...result }, "alerts evaluated");
		}
	},
};

export const alertWebhookJob: JobDefinition<{ deliveryId: string }, Env> = {
	name: ALERT_WEBHOOK_JOB,
	retryLimit: WEBHOOK_RETRIES,
	// 2–4 s, then doubling (pg-boss backoff with jitter): a receiver that was down for minutes still gets it.
	retryDelaySeconds: 2,
	retryBackoff: true,
	async handle(env, { deliveryId }, meta) {
		await deliverWebhook(env, deliveryId, { retryCount: meta.retryCount, retryLimit: WEBHOOK_RETRIES });
	},
};

export const alertEmailOutcomeJob: JobDefinition<EmailOutcome, Env> = {
	name: ALERT_EMAIL_OUTCOME_JOB,
	retryLimit: 3,
	retryDelaySeconds: 5,
	async handle(env, outcome) {
		await recordEmailOutcome(env.db, outcome);
	},
};

export const alertJobs = [alertsJob, alertWebhookJob, alertEmailOutcomeJob];
