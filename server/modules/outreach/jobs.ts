// The outreach module's jobs: campaign fan-out, the one reminder, and delivery outcomes reported by the mailer.
import type { JobDefinition } from "../../platform/jobs/jobs";
import type { EmailOutcome } from "../../platform/mail/mailer";
import { SEND_CAMPAIGN_JOB } from "./service/campaigns";
import {
	type CampaignJobData,
	DELIVERY_OUTCOME_JOB,
	type OutreachJobEnv,
	REMIND_CAMPAIGN_JOB,
	recordDeliveryOutcome,
	sendCampaign,
	sendCampaignReminders,
} from "./service/send-campaign";

export const sendCampaignJob: JobDefinition<CampaignJobData, OutreachJobEnv> = {
	name: SEND_CAMPAIGN_JOB,
	retryLimit: 5,
	retryDelaySeconds: 60,
	retryBackoff: true,
	handle: (env, data) => sendCampaign(env, data),
};

export const remindCampaignJob: JobDefinition<CampaignJobData, OutreachJobEnv> = {
	name: REMIND_CAMPAIGN_JOB,
	retryLimit: 5,
	retryDelaySeconds: 60,
	retryBackoff: true,
	handle: (env, data) => sendCampaignReminders(env, data),
};

export const deliveryOutcomeJob: JobDefinition<EmailOutcome, OutreachJobEnv> = {
	name: DELIVERY_OUTCOME_JOB,
	retryLimit: 5,
	retryDelaySeconds: 10,
	handle: (env, outcome) => recordDeliveryOutcome(env, outcome),
};

export const outreachJobs = [sendCampaignJob, remindCampaignJob, deliveryOutcomeJob];
