// SLA escalation: each breached case climbs one step per run, at most once per step and with a pause between
// steps — 1 notify the assignee, 2 notify the department lead, 3 raise the priority one level. A conditional
// UPDATE on escalation_level is the guard, so concurrent or repeated runs cannot repeat a step.
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import type { Logger } from "../../../platform/logging";
import { queueEmail } from "../../../platform/mail/mailer";
import { CASE_PRIORITIES, type CasePriority } from "../contract";
import { cases } from "../schema";
import { publishCaseEvents } from "./live";
import { type CaseRow, recordCaseEvent } from "./load";

export const ESCALATE_JOB = "cases.escalate";
/** Wall-clock minutes between two escalation steps of one case. */
export const ESCALATION_STEP_MINUTES = 60;
const BATCH = 200;

export type EscalateEnv = { db: Db; jobs: Jobs; live?: LiveBus; log?: Logger; publicUrl: string };

const STEPS = ["notify_assignee", "notify_lead", "raise_priority"] as const;

const raised = (p: CasePriority): CasePriority =>
	CASE_PRIORITIES[Math.min(CASE_PRIORITIES.indexOf(p) + 1, CASE_PRIORITIES.length - 1)] ?? p;

type Recipient = { email: string; name: string; locale: string };

async function recipientOf(tx: Tx, userId: string | null): Promise<Recipient | undefined> {
	if (!userId) return undefined;
	const result = await tx.execute(sql`select email, name, locale from users where id = ${userId}`);
	return (result as unknown as { rows: Recipient[] }).rows[0];
}

async function leadOf(tx: Tx, organizationId: string, departmentId: string | null): Promise<string | null> {
	if (!departmentId) return null;
	const result = await tx.execute(
		sql`select lead_user_id from departments where id = ${departmentId} and organization_id = ${organizationId}`,
	);
	return (result as unknown as { rows: { lead_user_id: string | null }[] }).rows[0]?.lead_user_id ?? null;
}

function breachOf(row: CaseRow, now: Date): "first_response" | "resolution" | null {
	if (!row.firstRespondedAt && row.firstResponseDueAt && row.firstResponseDueAt < now) return "first_response";
	if (row.resolutionDueAt && row.resolutionDueAt < now) return "resolution";
	return null;
}

/** A due time as people read it: in the organization's time zone, in the recipient's language. */
function formatDue(due: Date | null, locale: "de" | "en", timeZone: string): string {
	if (!due) return "?";
	const format = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
		year: "numeric",
		month: "short",
		day: "numeric",
		hour: "2-digit",
		minute: "2-digit",
		timeZone,
		timeZoneName: "short",
	});
	return format.format(due);
}

async function timeZoneOf(tx: Db | Tx, organizationId: string): Promise<string> {
	const result = await tx.execute(sql`select timezone from organizations where id = ${organizationId}`);
	return (result as unknown as { rows: { timezone: string }[] }).rows[0]?.timezone ?? "UTC";
}

function overdueEmail(
	row: CaseRow,
	recipient: Recipient,
	breach: string,
	asLead: boolean,
	env: { publicUrl: string; timeZone: string },
) {
	const link = `${env.publicUrl.replace(/\/$/, "")}/cases/${row.id}`;
	const dueAt = breach === "first_response" ? row.firstResponseDueAt : row.resolutionDueAt;
	const due = formatDue(dueAt, recipient.locale === "de" ? "de" : "en", env.timeZone);
	if (recipient.locale === "de") {
		const what = breach === "first_response" ? "Die erste Antwort" : "Die Lösung";
		return {
			subject: `Fall #${row.number} ist überfällig: ${row.subject}`.slice(0, 200),
			text: `Hallo ${recipient.name},\n\n${what} für Fall #${row.number} war fällig am ${due}.${
				asLead ? "\nSie erhalten diese Nachricht als Leitung der Abteilung." : ""
			}\n\n${row.subject}\n\n${link}\n`,
		};
	}
	const what = breach === "first_response" ? "The first response" : "The resolution";
	return {
		subject: `Case #${row.number} is overdue: ${row.subject}`.slice(0, 200),
		text: `Hello ${recipient.name},\n\n${what} of case #${row.number} was due on ${due}.${
			asLead ? "\nYou receive this as the department's lead." : ""
		}\n\n${row.subject}\n\n${link}\n`,
	};
}

/** Runs one escalation step for every breached case that is due its next step; returns the steps taken. */
export async function escalateOverdueCases(env: EscalateEnv, now: Date): Promise<{ caseId: string; level: number }[]> {
	const pause = new Date(now.getTime() - ESCALATION_STEP_MINUTES * 60_000);
	const candidates = await env.db
		.select()
		.from(cases)
		.where(
			and(
				inArray(cases.status, ["new", "open", "waiting"]),
				lt(cases.escalationLevel, 3),
				or(and(isNull(cases.firstRespondedAt), lt(cases.firstResponseDueAt, now)), lt(cases.resolutionDueAt, now)),
				or(isNull(cases.escalatedAt), lte(cases.escalatedAt, pause)),
			),
		)
		.orderBy(asc(cases.resolutionDueAt), asc(cases.id))
		.limit(BATCH);
	const taken: { caseId: string; level: number }[] = [];
	const changed: CaseRow[] = [];
	for (const candidate of candidates) {
		const breach = breachOf(candidate, now);
		if (!breach) continue;
		const level = candidate.escalationLevel + 1;
		const step = STEPS[level - 1];
		if (!step) continue;
		const row = await env.db.transaction(async (tx) => {
			// The guard: only the run that moves the level from what it read takes the step.
			const [claimed] = await tx
				.update(cases)
				.set({
					escalationLevel: level,
					escalatedAt: now,
					...(step === "raise_priority" ? { priority: raised(candidate.priority) } : {}),
					version: sql`${cases.version} + 1`,
					updatedAt: now,
				})
				.where(
					and(
						eq(cases.id, candidate.id),
						eq(cases.escalationLevel, candidate.escalationLevel),
						inArray(cases.status, ["new", "open", "waiting"]),
					),
				)
				.returning();
			if (!claimed) return undefined;
			const data: Record<string, unknown> = { level, step, breach };
			if (step === "raise_priority") Object.assign(data, { from: candidate.priority, to: claimed.priority });
			else {
				const userId =
					step === "notify_assignee"
						? claimed.assigneeId
						: await leadOf(tx, claimed.organizationId, claimed.departmentId);
				const recipient = await recipientOf(tx, userId);
				data.recipientId = userId;
				if (recipient) {
					const email = overdueEmail(claimed, recipient, breach, step === "notify_lead", {
						publicUrl: env.publicUrl,
						timeZone: await timeZoneOf(tx, claimed.organizationId),
					});
					data.emailId = await queueEmail(tx, env.jobs, {
						organizationId: claimed.organizationId,
						to: recipient.email,
						...email,
					});
				} else data.skipped = userId ? "recipient_gone" : step === "notify_assignee" ? "no_assignee" : "no_lead";
			}
			if (level === 1) {
				await recordCaseEvent(tx, {
					organizationId: claimed.organizationId,
					caseId: claimed.id,
					actor: `job:${ESCALATE_JOB}`,
					kind: "sla_breached",
					at: now,
					data: { breach },
				});
			}
			await recordCaseEvent(tx, {
				organizationId: claimed.organizationId,
				caseId: claimed.id,
				actor: `job:${ESCALATE_JOB}`,
				kind: "escalated",
				at: now,
				data,
			});
			return claimed;
		});
		if (row) {
			taken.push({ caseId: row.id, level });
			changed.push(row);
		}
	}
	await publishCaseEvents(env.live, "case.updated", changed, env.log);
	return taken;
}
