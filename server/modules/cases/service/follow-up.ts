// The follow-up after a case is resolved: a job (enqueued by the status change, in its transaction) emails the
// customer "was your issue solved?" once per resolution; the answer arrives through a signed link, is stored on
// case_follow_ups, and a "no" reopens the case.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Config } from "../../../platform/config";
import type { Db, Tx } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import type { Logger } from "../../../platform/logging";
import { queueEmail } from "../../../platform/mail/mailer";
import { outboundEmails } from "../../../platform/mail/schema";
import type { FollowUpAnswerInput, FollowUpList } from "../contract-loop";
import { cases } from "../schema";
import { caseFollowUps } from "../schema-loop";
import { renderFollowUpEmail } from "./follow-up-email";
import { followUpIdOf, isFollowUpTokenValid, signFollowUpToken } from "./follow-up-token";
import { ensureLoopSettings } from "./inbound-settings";
import { type CaseRow, getCaseInOrg, lockCaseInOrg, recordCaseEvent } from "./load";
import { MESSAGE_DELIVERY_JOB } from "./messages";
import { ensureReplyToken, replyAddressOf } from "./messages-address";
import { deliveryStatusOf } from "./messages-view";

export const FOLLOW_UP_JOB = "cases.follow-up";
/** Agents often reopen a case soon after resolving it: the question waits this long. */
export const FOLLOW_UP_DELAY_MS = 30 * 60_000;

export type FollowUpJobData = { organizationId: string; caseId: string; resolvedAt: string };
export type FollowUpJobEnv = {
	db: Db;
	jobs: Jobs;
	live: LiveBus;
	log: Logger;
	config: Pick<Config, "publicUrl" | "replyAddress">;
};

/**
 * Cases-core calls this in the transaction that resolves a case. The job sends nothing if the case was reopened
 * meanwhile, has no email address, or this resolution was already asked about.
 */
export async function enqueueFollowUp(
	tx: Db | Tx,
	jobs: Jobs,
	row: { organizationId: string; id: string; resolvedAt: Date | null; customerEmail: string | null },
	now: Date,
): Promise<void> {
	if (!row.resolvedAt || !row.customerEmail) return;
	const data: FollowUpJobData = {
		organizationId: row.organizationId,
		caseId: row.id,
		resolvedAt: row.resolvedAt.toISOString(),
	};
	await jobs.enqueue(tx, FOLLOW_UP_JOB, data, { startAfter: new Date(now.getTime() + FOLLOW_UP_DELAY_MS) });
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The job: one follow-up email per resolution (the unique (case, resolved_at) index makes a rerun a no-op). */
export async function sendFollowUp(env: FollowUpJobEnv, data: FollowUpJobData, now = new Date()): Promise<void> {
	await env.db.transaction(async (tx) => {
		const row = await lockCaseInOrg(tx, data.organizationId, data.caseId).catch(() => undefined);
		const isStillResolved =
			row &&
			(row.status === "resolved" || row.status === "closed") &&
			row.resolvedAt?.toISOString() === data.resolvedAt;
		if (!row || !isStillResolved || !row.customerEmail || !row.resolvedAt) return;
		const [followUp] = await tx
			.insert(caseFollowUps)
			.values({
				organizationId: row.organizationId,
				caseId: row.id,
				resolvedAt: row.resolvedAt,
				language: row.language,
				createdAt: now,
			})
			.onConflictDoNothing()
			.returning();
		if (!followUp) return;
		const settings = await ensureLoopSettings(tx, row.organizationId);
		const [organization] = rowsOf<{ name: string }>(
			await tx.execute(sql`select name from organizations where id = ${row.organizationId}`),
		);
		const answerUrl = `${env.config.publicUrl}/api/v1/public/cases/follow-up/${signFollowUpToken(settings.tokenSecret, followUp.id)}`;
		const email = renderFollowUpEmail({
			language: row.language,
			customerName: row.customerName,
			caseNumber: row.number,
			caseSubject: row.subject,
			organizationName: organization?.name ?? "",
			answerUrl,
		});
		const replyTo = replyAddressOf(env.config, await ensureReplyToken(tx, row.organizationId, row.id));
		const emailId = await queueEmail(tx, env.jobs, {
			organizationId: row.organizationId,
			to: row.customerEmail,
			...email,
			headers: { replyTo },
			notifyJob: MESSAGE_DELIVERY_JOB,
		});
		await tx.update(caseFollowUps).set({ emailId }).where(eq(caseFollowUps.id, followUp.id));
		await recordCaseEvent(tx, {
			organizationId: row.organizationId,
			caseId: row.id,
			actor: `job:${FOLLOW_UP_JOB}`,
			kind: "follow_up",
			data: { followUpId: followUp.id, emailId },
			at: now,
		});
	});
}

export type FollowUpPage =
	| { state: "invalid" }
	| {
			state: "question" | "answered";
			language: "de" | "en";
			organizationName: string;
			isSolved: boolean | null;
			satisfaction: number | null;
	  };

type Loaded = { followUp: typeof caseFollowUps.$inferSelect; organizationName: string };

async function loadByToken(db: Db | Tx, token: string): Promise<Loaded | undefined> {
	const id = followUpIdOf(token);
	if (!id) return undefined;
	const [followUp] = await db.select().from(caseFollowUps).where(eq(caseFollowUps.id, id));
	if (!followUp) return undefined;
	const settings = await ensureLoopSettings(db as Db, followUp.organizationId);
	if (!isFollowUpTokenValid(settings.tokenSecret, token)) return undefined;
	const [organization] = rowsOf<{ name: string }>(
		await db.execute(sql`select name from organizations where id = ${followUp.organizationId}`),
	);
	return { followUp, organizationName: organization?.name ?? "" };
}

const pageOf = (loaded: Loaded): FollowUpPage => ({
	state: loaded.followUp.status === "answered" ? "answered" : "question",
	language: loaded.followUp.language,
	organizationName: loaded.organizationName,
	isSolved: loaded.followUp.isSolved,
	satisfaction: loaded.followUp.satisfaction,
});

export async function describeFollowUp(db: Db, token: string): Promise<FollowUpPage> {
	const loaded = await loadByToken(db, token);
	return loaded ? pageOf(loaded) : { state: "invalid" };
}

/**
 * Records an answer (the latest click counts). A first "no" — or a change to "no" — reopens a resolved or closed
 * case; the case returned is the reopened one, for the live update.
 */
export async function answerFollowUp(
	db: Db,
	token: string,
	input: FollowUpAnswerInput,
	now: Date,
): Promise<{ page: FollowUpPage; reopened: CaseRow | null }> {
	return db.transaction(async (tx) => {
		const loaded = await loadByToken(tx, token);
		if (!loaded) return { page: { state: "invalid" }, reopened: null };
		const { followUp } = loaded;
		if (input.solved === undefined && input.satisfaction === undefined) return { page: pageOf(loaded), reopened: null };
		const isSolved = input.solved === undefined ? followUp.isSolved : input.solved === "yes";
		const [updated] = await tx
			.update(caseFollowUps)
			.set({
				status: "answered",
				isSolved,
				...(input.satisfaction !== undefined ? { satisfaction: input.satisfaction } : {}),
				answeredAt: now,
			})
			.where(eq(caseFollowUps.id, followUp.id))
			.returning();
		if (!updated) throw new Error("follow-up not updated");
		let reopened: CaseRow | null = null;
		const row = await lockCaseInOrg(tx, followUp.organizationId, followUp.caseId);
		const saysNoNow = isSolved === false && followUp.isSolved !== false;
		if (saysNoNow && (row.status === "resolved" || row.status === "closed")) {
			const [next] = await tx
				.update(cases)
				.set({
					status: "open",
					resolvedAt: null,
					closedAt: null,
					reopenCount: sql`${cases.reopenCount} + 1`,
					version: sql`${cases.version} + 1`,
					updatedAt: now,
				})
				.where(and(eq(cases.organizationId, row.organizationId), eq(cases.id, row.id)))
				.returning();
			reopened = next ?? null;
			await recordCaseEvent(tx, {
				organizationId: row.organizationId,
				caseId: row.id,
				actor: "public",
				kind: "status",
				data: { from: row.status, to: "open", reopen: true, reason: "follow_up_not_solved" },
				at: now,
			});
		}
		await recordCaseEvent(tx, {
			organizationId: row.organizationId,
			caseId: row.id,
			actor: "public",
			kind: "follow_up_answered",
			data: { followUpId: followUp.id, isSolved, satisfaction: updated.satisfaction },
			at: now,
		});
		return { page: pageOf({ followUp: updated, organizationName: loaded.organizationName }), reopened };
	});
}

/** A case's follow-ups, newest first (a handful per case: one per resolution). */
export async function findCaseFollowUps(db: Db, organizationId: string, caseId: string): Promise<FollowUpList> {
	await getCaseInOrg(db, organizationId, caseId);
	const rows = await db
		.select({
			followUp: caseFollowUps,
			email: {
				toAddress: outboundEmails.toAddress,
				status: outboundEmails.status,
				attempts: outboundEmails.attempts,
				lastError: outboundEmails.lastError,
				sentAt: outboundEmails.sentAt,
			},
		})
		.from(caseFollowUps)
		.leftJoin(outboundEmails, eq(outboundEmails.id, caseFollowUps.emailId))
		.where(and(eq(caseFollowUps.organizationId, organizationId), eq(caseFollowUps.caseId, caseId)))
		.orderBy(desc(caseFollowUps.createdAt))
		.limit(100);
	return {
		items: rows.map(({ followUp: f, email: e }) => ({
			id: f.id,
			caseId: f.caseId,
			status: f.status,
			isSolved: f.isSolved,
			satisfaction: f.satisfaction,
			language: f.language,
			delivery:
				e && e.status !== null && e.toAddress !== null
					? {
							status: deliveryStatusOf({ status: e.status, attempts: e.attempts ?? 0 }, false),
							toAddress: e.toAddress,
							attempts: e.attempts ?? 0,
							lastError: e.lastError,
							sentAt: e.sentAt?.toISOString() ?? null,
						}
					: null,
			createdAt: f.createdAt.toISOString(),
			answeredAt: f.answeredAt?.toISOString() ?? null,
		})),
	};
}
