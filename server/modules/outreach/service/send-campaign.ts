// The campaign jobs: fan out one personalised email per contact of the list (skipping unsubscribed, bounced and
// capped contacts, each recorded), send the one reminder to non-responders, and record each delivery outcome.
// Every step is idempotent: an invitation row per (campaign, contact) and `reminded_at` make reruns harmless.
import { and, asc, eq, gt, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { Config } from "../../../platform/config";
import type { Db } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { Logger } from "../../../platform/logging";
import { type EmailOutcome, queueEmail } from "../../../platform/mail/mailer";
import { getOrganization } from "../../admin/service/organizations";
import { contactListMembers, contacts, emailCampaigns, emailInvitations, type SKIP_REASONS } from "../schema";
import { type EmailLanguage, renderInvitationEmail } from "./invitation-email";
import type { CampaignRow, ContactRow } from "./load";
import { ensureOutreachSettings } from "./settings";
import { getSurveyForEmail, type SurveyForEmail } from "./survey-for-email";
import { signInvitationToken } from "./tokens";

export type OutreachJobEnv = { db: Db; jobs: Jobs; log: Logger; config: Pick<Config, "publicUrl"> };
export type CampaignJobData = { organizationId: string; campaignId: string };

export const REMIND_CAMPAIGN_JOB = "outreach.campaign.remind";
export const DELIVERY_OUTCOME_JOB = "outreach.invitation.delivery";
const BATCH = 200;
const DAY_MS = 24 * 3600 * 1000;

type SkipReason = (typeof SKIP_REASONS)[number];

async function loadCampaign(db: Db, data: CampaignJobData): Promise<CampaignRow | undefined> {
	const [row] = await db
		.select()
		.from(emailCampaigns)
		.where(and(eq(emailCampaigns.organizationId, data.organizationId), eq(emailCampaigns.id, data.campaignId)));
	return row;
}

function skipReasonOf(contact: ContactRow, capDays: number, now: Date): SkipReason | null {
	if (contact.unsubscribedAt) return "unsubscribed";
	if (contact.bouncedAt) return "bounced";
	if (capDays > 0 && contact.lastInvitedAt && now.getTime() - contact.lastInvitedAt.getTime() < capDays * DAY_MS)
		return "frequency_cap";
	return null;
}

/** The email's language: the contact's when the survey has it, else the survey's default. */
const languageFor = (contact: { language: EmailLanguage }, survey: SurveyForEmail): EmailLanguage =>
	survey.languages.includes(contact.language) ? contact.language : survey.defaultLanguage;

type Renderer = (
	invitationId: string,
	language: EmailLanguage,
	isReminder: boolean,
) => ReturnType<typeof renderInvitationEmail>;

async function rendererFor(
	env: OutreachJobEnv,
	campaign: CampaignRow,
): Promise<{ render: Renderer; survey: SurveyForEmail; capDays: number }> {
	const settings = await ensureOutreachSettings(env.db, campaign.organizationId);
	const survey = await getSurveyForEmail(env.db, campaign.organizationId, campaign.surveyId);
	const organization = await getOrganization(env.db, campaign.organizationId);
	const base = env.config.publicUrl;
	const render: Renderer = (invitationId, language, isReminder) => {
		const other: EmailLanguage = language === "de" ? "en" : "de";
		const surveyUrl = new URL(`${base}/s/${survey.slug}`);
		surveyUrl.searchParams.set("t", signInvitationToken(settings.tokenSecret, "survey", invitationId));
		surveyUrl.searchParams.set("lang", language);
		return renderInvitationEmail({
			language,
			subject: campaign.subject[language] ?? campaign.subject[other] ?? "",
			intro: campaign.intro[language] ?? campaign.intro[other] ?? "",
			organizationName: organization.name,
			isEmployeeSurvey: survey.audience === "employee",
			surveyUrl: surveyUrl.toString(),
			unsubscribeUrl: `${base}/u/${signInvitationToken(settings.tokenSecret, "unsubscribe", invitationId)}`,
			question: survey.firstQuestion?.[language] ?? null,
			isReminder,
		});
	};
	return { render, survey, capDays: settings.contactCapDays };
}

/** Fans the campaign out in batches of contacts that have no invitation yet (so a rerun continues). */
export async function sendCampaign(env: OutreachJobEnv, data: CampaignJobData, now = new Date()): Promise<void> {
	const campaign = await loadCampaign(env.db, data);
	if (!campaign || campaign.status === "sent") return;
	await env.db
		.update(emailCampaigns)
		.set({ status: "sending", startedAt: campaign.startedAt ?? now })
		.where(eq(emailCampaigns.id, campaign.id));
	const { render, survey, capDays } = await rendererFor(env, campaign);
	for (;;) {
		const batch = campaign.contactListId
			? await env.db
					.select({ contact: contacts })
					.from(contactListMembers)
					.innerJoin(contacts, eq(contacts.id, contactListMembers.contactId))
					.where(
						and(
							eq(contactListMembers.organizationId, campaign.organizationId),
							eq(contactListMembers.listId, campaign.contactListId),
							notExists(
								env.db
									.select({ one: sql`1` })
									.from(emailInvitations)
									.where(
										and(eq(emailInvitations.campaignId, campaign.id), eq(emailInvitations.contactId, contacts.id)),
									),
							),
						),
					)
					.orderBy(asc(contacts.id))
					.limit(BATCH)
			: [];
		if (batch.length === 0) break;
		await env.db.transaction(async (tx) => {
			const drafts = batch.map(({ contact }) => ({ contact, skipReason: skipReasonOf(contact, capDays, now) }));
			const inserted = await tx
				.insert(emailInvitations)
				.values(
					drafts.map(({ contact, skipReason }) => ({
						organizationId: campaign.organizationId,
						campaignId: campaign.id,
						contactId: contact.id,
						surveyId: campaign.surveyId,
						language: languageFor(contact, survey),
						status: skipReason ? ("skipped" as const) : ("queued" as const),
						skipReason,
						createdAt: now,
					})),
				)
				.returning({
					id: emailInvitations.id,
					contactId: emailInvitations.contactId,
					language: emailInvitations.language,
					status: emailInvitations.status,
				});
			const emailOf = new Map(batch.map(({ contact }) => [contact.id, contact.email]));
			const invited: string[] = [];
			for (const invitation of inserted) {
				if (invitation.status !== "queued" || !invitation.contactId) continue;
				const email = render(invitation.id, invitation.language, false);
				const emailId = await queueEmail(tx, env.jobs, {
					organizationId: campaign.organizationId,
					to: emailOf.get(invitation.contactId) ?? "",
					...email,
					notifyJob: DELIVERY_OUTCOME_JOB,
				});
				await tx.update(emailInvitations).set({ emailId }).where(eq(emailInvitations.id, invitation.id));
				invited.push(invitation.contactId);
			}
			if (invited.length > 0) {
				await tx.update(contacts).set({ lastInvitedAt: now }).where(inArray(contacts.id, invited));
			}
		});
	}
	const reminderDueAt = campaign.reminderAfterDays
		? new Date(now.getTime() + campaign.reminderAfterDays * DAY_MS)
		: null;
	await env.db.transaction(async (tx) => {
		await tx
			.update(emailCampaigns)
			.set({ status: "sent", finishedAt: now, reminderDueAt })
			.where(eq(emailCampaigns.id, campaign.id));
		if (reminderDueAt) {
			await env.jobs.enqueue(tx, REMIND_CAMPAIGN_JOB, data, {
				startAfter: reminderDueAt,
				singletonKey: `campaign-remind:${campaign.id}`,
			});
		}
	});
}

/** The one reminder: to every invited contact who has neither answered nor unsubscribed nor bounced, once. */
export async function sendCampaignReminders(
	env: OutreachJobEnv,
	data: CampaignJobData,
	now = new Date(),
): Promise<void> {
	const campaign = await loadCampaign(env.db, data);
	if (!campaign || campaign.reminderSentAt || !campaign.reminderDueAt || now < campaign.reminderDueAt) return;
	const { render } = await rendererFor(env, campaign);
	let afterId = "00000000-0000-0000-0000-000000000000";
	for (;;) {
		const batch = await env.db
			.select({ id: emailInvitations.id, language: emailInvitations.language, email: contacts.email })
			.from(emailInvitations)
			.innerJoin(contacts, eq(contacts.id, emailInvitations.contactId))
			.where(
				and(
					eq(emailInvitations.campaignId, campaign.id),
					eq(emailInvitations.status, "sent"),
					isNull(emailInvitations.respondedAt),
					isNull(emailInvitations.remindedAt),
					isNull(emailInvitations.unsubscribedAt),
					isNull(contacts.unsubscribedAt),
					isNull(contacts.bouncedAt),
					gt(emailInvitations.id, afterId),
				),
			)
			.orderBy(asc(emailInvitations.id))
			.limit(BATCH);
		const last = batch[batch.length - 1];
		if (!last) break;
		afterId = last.id;
		await env.db.transaction(async (tx) => {
			for (const invitation of batch) {
				const reminderEmailId = await queueEmail(tx, env.jobs, {
					organizationId: campaign.organizationId,
					to: invitation.email,
					...render(invitation.id, invitation.language, true),
					notifyJob: DELIVERY_OUTCOME_JOB,
				});
				await tx
					.update(emailInvitations)
					.set({ remindedAt: now, reminderEmailId })
					.where(and(eq(emailInvitations.id, invitation.id), isNull(emailInvitations.remindedAt)));
			}
		});
	}
	await env.db.update(emailCampaigns).set({ reminderSentAt: now }).where(eq(emailCampaigns.id, campaign.id));
}

/** Records what the mailer reports: sent, failed for now (retried), or refused for good (a bounce). */
export async function recordDeliveryOutcome(env: Pick<OutreachJobEnv, "db">, outcome: EmailOutcome, now = new Date()) {
	const [invitation] = await env.db
		.select()
		.from(emailInvitations)
		.where(
			sql`${emailInvitations.emailId} = ${outcome.emailId} or ${emailInvitations.reminderEmailId} = ${outcome.emailId}`,
		);
	if (!invitation) return;
	await env.db.transaction(async (tx) => {
		const isFirstEmail = invitation.emailId === outcome.emailId;
		const stillOpen = and(
			eq(emailInvitations.id, invitation.id),
			inArray(emailInvitations.status, ["queued", "failed"]),
		);
		if (isFirstEmail && outcome.status === "sent") {
			await tx.update(emailInvitations).set({ status: "sent", sentAt: now, deliveryError: null }).where(stillOpen);
		} else if (isFirstEmail && outcome.status === "failed") {
			await tx
				.update(emailInvitations)
				.set({ status: outcome.isPermanent ? "bounced" : "failed", deliveryError: outcome.error })
				.where(stillOpen);
		}
		if (outcome.status === "failed" && outcome.isPermanent && invitation.contactId) {
			await tx
				.update(contacts)
				.set({ bouncedAt: now, bounceReason: outcome.error?.slice(0, 500) ?? "rejected", updatedAt: now })
				.where(and(eq(contacts.id, invitation.contactId), isNull(contacts.bouncedAt)));
		}
	});
}
