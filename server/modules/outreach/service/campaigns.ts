// Email campaigns: create (the send job is queued in the same transaction, delayed to `sendAt`), list, read with
// stats counted from the invitations, and the invitations of a campaign.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import { actorId, type Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type {
	CampaignStats,
	CreateEmailCampaignInput,
	EmailCampaignView,
	InvitationQuery,
	InvitationView,
} from "../contract";
import { contacts, emailCampaigns, emailInvitations } from "../schema";
import { type CampaignRow, getCampaignInOrg, getContactListInOrg } from "./load";
import { getLiveSurveyForEmail } from "./survey-for-email";

export const SEND_CAMPAIGN_JOB = "outreach.campaign.send";
export const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600 * 1000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const n = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

export async function campaignStats(
	db: Db,
	organizationId: string,
	campaignIds: string[],
): Promise<Map<string, CampaignStats>> {
	if (campaignIds.length === 0) return new Map();
	const i = emailInvitations;
	const rows = await db
		.select({
			campaignId: i.campaignId,
			recipients: sql<number>`count(*)`.mapWith(Number),
			queued: n(sql`${i.status} = 'queued'`),
			sent: n(sql`${i.status} = 'sent'`),
			failed: n(sql`${i.status} = 'failed'`),
			bounced: n(sql`${i.status} = 'bounced'`),
			clicked: n(sql`${i.clickedAt} is not null`),
			responded: n(sql`${i.respondedAt} is not null`),
			unsubscribed: n(sql`${i.unsubscribedAt} is not null`),
			reminded: n(sql`${i.remindedAt} is not null`),
			skippedUnsubscribed: n(sql`${i.skipReason} = 'unsubscribed'`),
			skippedBounced: n(sql`${i.skipReason} = 'bounced'`),
			skippedByCap: n(sql`${i.skipReason} = 'frequency_cap'`),
		})
		.from(i)
		.where(and(eq(i.organizationId, organizationId), inArray(i.campaignId, campaignIds)))
		.groupBy(i.campaignId);
	return new Map(
		rows.map(({ campaignId, ...stats }) => [
			campaignId,
			{ ...stats, responseRate: stats.sent > 0 ? stats.responded / stats.sent : 0 },
		]),
	);
}

export const EMPTY_STATS: CampaignStats = {
	recipients: 0,
	queued: 0,
	sent: 0,
	failed: 0,
	bounced: 0,
	clicked: 0,
	responded: 0,
	unsubscribed: 0,
	reminded: 0,
	skippedUnsubscribed: 0,
	skippedBounced: 0,
	skippedByCap: 0,
	responseRate: 0,
};

export const toCampaignView = (row: CampaignRow, stats: CampaignStats): EmailCampaignView => ({
	id: row.id,
	name: row.name,
	surveyId: row.surveyId,
	contactListId: row.contactListId,
	subject: row.subject,
	intro: row.intro,
	reminderAfterDays: row.reminderAfterDays,
	status: row.status,
	sendAt: row.sendAt.toISOString(),
	startedAt: iso(row.startedAt),
	finishedAt: iso(row.finishedAt),
	reminderDueAt: iso(row.reminderDueAt),
	reminderSentAt: iso(row.reminderSentAt),
	createdAt: row.createdAt.toISOString(),
	stats,
});

export async function getEmailCampaign(ctx: Ctx, id: string): Promise<EmailCampaignView> {
	const row = await getCampaignInOrg(ctx.db, ctx.organizationId, id);
	const stats = await campaignStats(ctx.db, ctx.organizationId, [id]);
	return toCampaignView(row, stats.get(id) ?? EMPTY_STATS);
}

export async function findEmailCampaigns(ctx: Ctx, query: PageQuery): Promise<Page<EmailCampaignView>> {
	const rows = await ctx.db
		.select()
		.from(emailCampaigns)
		.where(
			and(
				eq(emailCampaigns.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: emailCampaigns.createdAt, kind: "time" }, emailCampaigns.id, "desc"),
			),
		)
		.orderBy(desc(emailCampaigns.createdAt), desc(emailCampaigns.id))
		.limit(query.limit + 1);
	const stats = await campaignStats(
		ctx.db,
		ctx.organizationId,
		rows.slice(0, query.limit).map((r) => r.id),
	);
	return toPage(
		rows,
		query.limit,
		(r) => toCampaignView(r, stats.get(r.id) ?? EMPTY_STATS),
		(r) => [r.createdAt, r.id],
	);
}

export async function createEmailCampaign(ctx: Ctx, input: CreateEmailCampaignInput): Promise<EmailCampaignView> {
	const requested = input.sendAt ? new Date(input.sendAt) : ctx.now;
	const sendAt = new Date(Math.max(requested.getTime(), ctx.now.getTime()));
	if (sendAt.getTime() - ctx.now.getTime() > MAX_SCHEDULE_AHEAD_MS) throw invalid("sendAt: at most a year ahead");
	const row = await ctx.db.transaction(async (tx) => {
		const list = await getContactListInOrg(tx, ctx.organizationId, input.contactListId);
		await getLiveSurveyForEmail(tx, ctx.organizationId, input.surveyId);
		const [created] = await tx
			.insert(emailCampaigns)
			.values({
				organizationId: ctx.organizationId,
				name: input.name ?? `${list.name} · ${ctx.now.toISOString().slice(0, 10)}`,
				surveyId: input.surveyId,
				contactListId: input.contactListId,
				subject: input.subject,
				intro: input.intro,
				reminderAfterDays: input.reminderAfterDays ?? null,
				sendAt,
				createdBy: actorId(ctx.actor),
				createdAt: ctx.now,
			})
			.returning();
		if (!created) throw new Error("campaign not written");
		await ctx.jobs.enqueue(
			tx,
			SEND_CAMPAIGN_JOB,
			{ organizationId: ctx.organizationId, campaignId: created.id },
			{ startAfter: created.sendAt, singletonKey: `campaign-send:${created.id}` },
		);
		await recordAudit(
			tx,
			ctx,
			"email_campaign.created",
			{ type: "email_campaign", id: created.id },
			{
				surveyId: input.surveyId,
				contactListId: input.contactListId,
			},
		);
		return created;
	});
	return toCampaignView(row, EMPTY_STATS);
}

export async function findCampaignInvitations(
	ctx: Ctx,
	campaignId: string,
	query: InvitationQuery,
): Promise<Page<InvitationView>> {
	await getCampaignInOrg(ctx.db, ctx.organizationId, campaignId);
	const rows = await ctx.db
		.select({ invitation: emailInvitations, email: contacts.email })
		.from(emailInvitations)
		.leftJoin(contacts, eq(contacts.id, emailInvitations.contactId))
		.where(
			and(
				eq(emailInvitations.organizationId, ctx.organizationId),
				eq(emailInvitations.campaignId, campaignId),
				query.status ? eq(emailInvitations.status, query.status) : undefined,
				afterCursor(query.cursor, { column: emailInvitations.createdAt, kind: "time" }, emailInvitations.id, "asc"),
			),
		)
		.orderBy(emailInvitations.createdAt, emailInvitations.id)
		.limit(query.limit + 1);
	return toPage(
		rows,
		query.limit,
		({ invitation: i, email }) => ({
			id: i.id,
			contactId: i.contactId,
			email,
			language: i.language,
			status: i.status,
			skipReason: i.skipReason,
			deliveryError: i.deliveryError,
			sentAt: iso(i.sentAt),
			remindedAt: iso(i.remindedAt),
			clickedAt: iso(i.clickedAt),
			respondedAt: iso(i.respondedAt),
			unsubscribedAt: iso(i.unsubscribedAt),
		}),
		({ invitation: i }) => [i.createdAt, i.id],
	);
}
