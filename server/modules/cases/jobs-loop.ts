// The closed loop's jobs: the follow-up after a resolution, and delivery outcomes of case emails.
import type { JobDefinition } from "../../platform/jobs/jobs";
import type { EmailOutcome } from "../../platform/mail/mailer";
import { FOLLOW_UP_JOB, type FollowUpJobData, type FollowUpJobEnv, sendFollowUp } from "./service/follow-up";
import { MESSAGE_DELIVERY_JOB } from "./service/messages";
import { recordMessageDelivery } from "./service/messages-delivery";

export const followUpJob: JobDefinition<FollowUpJobData, FollowUpJobEnv> = {
	name: FOLLOW_UP_JOB,
	retryLimit: 5,
	retryDelaySeconds: 60,
	retryBackoff: true,
	handle: (env, data) => sendFollowUp(env, data),
};

export const messageDeliveryJob: JobDefinition<EmailOutcome, FollowUpJobEnv> = {
	name: MESSAGE_DELIVERY_JOB,
	retryLimit: 5,
	retryDelaySeconds: 10,
	handle: (env, outcome) => recordMessageDelivery(env, outcome),
};

export const caseLoopJobs = [followUpJob, messageDeliveryJob];
