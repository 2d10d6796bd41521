// Rules → cases: evaluates a batch of new responses or mentions against the organization's rules and opens a
// case for each match (first enabled rule by position), in the owning department, with SLA due times and an
// optional round-robin assignee. Idempotent: a response/mention opens at most one case however often this runs.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
	type FeedbackFacts,
	firstMatchingRule,
	pickLeastRecentlyAssigned,
	type RuleConditions,
} from "../../../../lib/cases/rules";
import type { Db, Tx } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import type { Logger } from "../../../platform/logging";
import { caseRules, cases } from "../schema";
import { type CaseDraft, insertCases } from "./create";
import { type FeedbackRow, loadFeedback, touchpointDepartments } from "./feedback";
import { publishCaseEvents } from "./live";
import type { CaseRow } from "./load";
import { dueTimesFor, slaClockOf } from "./settings";

export const EVALUATE_JOB = "cases.evaluate";
/** Rules are for new feedback: a late import or re-analysis of old feedback does not flood the inbox. */
export const EVALUATE_MAX_AGE_DAYS = 30;
const SUBJECT_CHARS = 140;

export type EvaluateInput = { kind: "response" | "mention"; ids: string[] };
export type EvaluateEnv = { db: Db; live?: LiveBus; log?: Logger };

/** Enqueues one evaluation job for a batch (in the caller's transaction); nothing for an empty batch. */
export async function enqueueCaseEvaluation(db: Db, jobs: Jobs, kind: "response" | "mention", ids: string[]) {
	if (ids.length === 0) return;
	await jobs.enqueue(db, EVALUATE_JOB, { kind, ids } satisfies EvaluateInput);
}

export function factsOf(feedback: FeedbackRow): FeedbackFacts {
	return {
		source: feedback.kind,
		scoreType: feedback.scoreType,
		score: feedback.score,
		sentiment: feedback.sentiment,
		intents: feedback.intents,
		themes: feedback.themes,
		touchpointId: feedback.touchpointId,
		text: feedback.text,
		contactAttributes: feedback.contactAttributes,
	};
}

const SCORE_MAX = { nps: 10, csat: 5, ces: 7 } as const;

export function subjectOf(feedback: FeedbackRow): string {
	const text = (feedback.text ?? "").replace(/\s+/g, " ").trim();
	if (text) return text.length > SUBJECT_CHARS ? `${text.slice(0, SUBJECT_CHARS - 1)}…` : text;
	if (feedback.scoreType && feedback.score !== null) {
		// A score without words: say so, so that the inbox line reads as a subject and not as a code.
		const scale = SCORE_MAX[feedback.scoreType as keyof typeof SCORE_MAX];
		const rating = `${feedback.scoreType.toUpperCase()} ${feedback.score}${scale ? `/${scale}` : ""}`;
		return `${rating} – ${feedback.language === "en" ? "no comment" : "ohne Kommentar"}`;
	}
	if (feedback.kind === "mention")
		return `${feedback.source ?? "Mention"}${feedback.score !== null ? ` ★${feedback.score}` : ""}`;
	return "Feedback";
}

const caseLanguage = (...candidates: (string | null)[]): "de" | "en" =>
	(candidates.find((l) => l === "de" || l === "en") as "de" | "en" | undefined) ?? "de";

/** Agents (agent and up) of a department, by user id. */
async function departmentAgents(tx: Db | Tx, organizationId: string, departmentId: string): Promise<string[]> {
	const result = await tx.execute(sql`
		select m.user_id from membership_departments md join memberships m on m.id = md.membership_id
		where md.organization_id = ${organizationId} and md.department_id = ${departmentId}
			and m.role in ('owner', 'admin', 'analyst', 'agent')
		order by m.user_id`);
	return (result as unknown as { rows: { user_id: string }[] }).rows.map((r) => r.user_id);
}

/** When each agent was last given a case (from the history), for least-recently-assigned round robin. */
async function lastAssignments(tx: Db | Tx, organizationId: string, userIds: string[]): Promise<Map<string, number>> {
	if (userIds.length === 0) return new Map();
	const result = await tx.execute(sql`
		select data->>'to' as user_id, max(at) as at from case_events
		where organization_id = ${organizationId} and kind = 'assignee'
			and data->>'to' in (${sql.join(
				userIds.map((id) => sql`${id}`),
				sql`, `,
			)})
		group by 1`);
	return new Map(
		(result as unknown as { rows: { user_id: string; at: string | Date }[] }).rows.map((r) => [
			r.user_id,
			new Date(r.at).getTime(),
		]),
	);
}

/** Evaluates the batch and opens the cases; returns the cases created now. */
export async function evaluateFeedback(env: EvaluateEnv, input: EvaluateInput, now: Date): Promise<CaseRow[]> {
	const minAt = now.getTime() - EVALUATE_MAX_AGE_DAYS * 86_400_000;
	const feedback = (await loadFeedback(env.db, input.kind, [...new Set(input.ids)])).filter(
		(f) => f.isCustomerFeedback && !f.isAnalysisPending && f.at.getTime() >= minAt,
	);
	const byOrganization = new Map<string, FeedbackRow[]>();
	for (const f of feedback) byOrganization.set(f.organizationId, [...(byOrganization.get(f.organizationId) ?? []), f]);
	const created: CaseRow[] = [];
	for (const [organizationId, rows] of byOrganization) {
		created.push(...(await evaluateForOrganization(env.db, organizationId, rows, now)));
	}
	await publishCaseEvents(env.live, "case.created", created, env.log);
	return created;
}

async function evaluateForOrganization(db: Db, organizationId: string, feedback: FeedbackRow[], now: Date) {
	const rules = await db
		.select()
		.from(caseRules)
		.where(and(eq(caseRules.organizationId, organizationId), eq(caseRules.enabled, true)))
		.orderBy(asc(caseRules.position), asc(caseRules.createdAt));
	if (rules.length === 0) return [];
	const idColumn = feedback[0]?.kind === "mention" ? cases.mentionId : cases.responseId;
	const existing = await db
		.select({ id: idColumn })
		.from(cases)
		.where(
			and(
				eq(cases.organizationId, organizationId),
				inArray(
					idColumn,
					feedback.map((f) => f.id),
				),
			),
		);
	const hasCase = new Set(existing.map((e) => e.id));
	const matches = feedback.flatMap((f) => {
		if (hasCase.has(f.id)) return [];
		const rule = firstMatchingRule(
			rules.map((r) => ({ ...r, conditions: r.conditions as RuleConditions })),
			factsOf(f),
		);
		return rule ? [{ feedback: f, rule }] : [];
	});
	if (matches.length === 0) return [];
	const owners = await touchpointDepartments(
		db,
		organizationId,
		matches.flatMap((m) => (m.feedback.touchpointId ? [m.feedback.touchpointId] : [])),
	);
	const clock = await slaClockOf(db, organizationId);
	return db.transaction(async (tx) => {
		const rotation = new Map<string, { agents: string[]; last: Map<string, number> }>();
		const drafts: CaseDraft[] = [];
		for (const { feedback: f, rule } of matches) {
			const departmentId = rule.departmentId ?? (f.touchpointId ? (owners.get(f.touchpointId) ?? null) : null);
			let assigneeId: string | null = null;
			if (rule.autoAssign && departmentId) {
				let state = rotation.get(departmentId);
				if (!state) {
					const agents = await departmentAgents(tx, organizationId, departmentId);
					state = { agents, last: await lastAssignments(tx, organizationId, agents) };
					rotation.set(departmentId, state);
				}
				assigneeId = pickLeastRecentlyAssigned(state.agents, state.last, now.getTime()) ?? null;
			}
			drafts.push({
				status: "new",
				priority: rule.priority,
				departmentId,
				assigneeId,
				ruleId: rule.id,
				source: f.kind,
				responseId: f.kind === "response" ? f.id : null,
				responseSubmittedAt: f.kind === "response" ? f.submittedAt : null,
				mentionId: f.kind === "mention" ? f.id : null,
				contactId: f.contactId,
				touchpointId: f.touchpointId,
				subject: subjectOf(f),
				customerEmail: f.customerEmail,
				customerName: f.customerName,
				language: caseLanguage(f.language, f.contactLanguage),
				...dueTimesFor(clock, rule.priority, now),
				createdAt: now,
				updatedAt: now,
			});
		}
		return insertCases(tx, organizationId, drafts, { actor: `job:${EVALUATE_JOB}`, at: now });
	});
}
