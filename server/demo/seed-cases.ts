// Demo closed loop: agents in the service departments (with leads), business calendar and SLA defaults, root
// causes, the default rules, and cases for the recent complaints (detractors with a complaint, CSAT ≤ 2, negative
// mentions) with realistic statuses, some overdue, and their history. Deterministic for a given database and `now`.
import { sql } from "drizzle-orm";
import { addBusinessMinutes, type BusinessCalendar } from "../../lib/cases/business-hours";
import type { CasePriority, CaseStatus } from "../modules/cases/contract";
import { type caseEvents, caseRules, type cases, rootCauses } from "../modules/cases/schema";
import { DEFAULT_SLA, ensureSlaDefaults } from "../modules/cases/service/settings";
import { hashPassword } from "../platform/auth/password";
import type { Ctx } from "../platform/context";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Agents per department name (the first is the department's lead); all sign in with the demo password (the owner's). */
const AGENTS: Record<string, [string, string][]> = {
	Kundenservice: [
		["Lea Wagner", "lea.wagner"],
		["Jonas Becker", "jonas.becker"],
		["Aylin Demir", "aylin.demir"],
	],
	Logistik: [
		["Markus Schulz", "markus.schulz"],
		["Sophie Hoffmann", "sophie.hoffmann"],
	],
	"E-Commerce": [
		["Tobias Klein", "tobias.klein"],
		["Nina Richter", "nina.richter"],
	],
	Produktmanagement: [["Clara Neumann", "clara.neumann"]],
	Filialen: [["Paul Fischer", "paul.fischer"]],
	Marketing: [["Emma Braun", "emma.braun"]],
};

const ROOT_CAUSES: { de: string; en: string; channels: string[] }[] = [
	{ de: "Lieferverzug", en: "Late delivery", channels: ["delivery"] },
	{ de: "Transportschaden", en: "Damaged in transit", channels: ["delivery"] },
	{ de: "Produktmangel", en: "Product defect", channels: ["product"] },
	{
		de: "Falsche oder fehlende Auskunft",
		en: "Wrong or missing information",
		channels: ["hotline", "chat", "email", "branch"],
	},
	{ de: "Lange Wartezeit", en: "Long waiting time", channels: ["hotline", "chat", "branch"] },
	{ de: "Fehler im Shop oder in der App", en: "Shop or app error", channels: ["web", "checkout", "app", "search"] },
	{ de: "Abrechnung und Zahlung", en: "Billing and payment", channels: ["checkout", "app"] },
	{ de: "Unfreundliches Personal", en: "Unfriendly staff", channels: ["branch", "hotline"] },
	{ de: "Erwartung nicht erfüllt", en: "Expectation not met", channels: [] },
];

/** Mon–Fri 08:00–18:00 (the organization's time zone is Europe/Berlin); German public holidays around the demo year. */
const HOLIDAYS = [
	"2025-12-25",
	"2025-12-26",
	"2026-01-01",
	"2026-04-03",
	"2026-04-06",
	"2026-05-01",
	"2026-05-14",
	"2026-05-25",
	"2026-10-03",
	"2026-12-25",
	"2026-12-26",
	"2027-01-01",
];
const WEEKDAY: [string, string][] = [["08:00", "18:00"]];
const HOURS = { "1": WEEKDAY, "2": WEEKDAY, "3": WEEKDAY, "4": WEEKDAY, "5": WEEKDAY };

const MAX_RESPONSE_CASES = 320;
const MAX_MENTION_CASES = 60;
const WINDOW_DAYS = 45;

/** Deterministic per text (FNV-1a), so a case's fate depends on its feedback, not on insertion order. */
function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return (h >>> 0) / 4294967296;
}

type Candidate = {
	kind: "response" | "mention";
	id: string;
	at: string | Date;
	submitted_at: string | Date | null;
	touchpoint_id: string | null;
	channel: string | null;
	department_id: string | null;
	score_type: string | null;
	score: number | null;
	text: string | null;
	language: string | null;
	contact_id: string | null;
	email: string | null;
	name: string | null;
};

async function seedAgents(ctx: Pick<Ctx, "db" | "organizationId">): Promise<Map<string, string[]>> {
	const departments = rowsOf<{ id: string; name: string }>(
		await ctx.db.execute(sql`select id, name from departments where organization_id = ${ctx.organizationId}`),
	);
	// The demo user's hash of the same demo password: no second scrypt run (a second or more on a busy machine).
	const [owner] = rowsOf<{ password_hash: string }>(
		await ctx.db.execute(sql`select u.password_hash from users u join memberships m on m.user_id = u.id
			where m.organization_id = ${ctx.organizationId} and m.role = 'owner' order by u.created_at limit 1`),
	);
	const passwordHash = owner?.password_hash ?? (await hashPassword("loupe-demo"));
	const byDepartment = new Map<string, string[]>();
	for (const department of departments) {
		const agents = AGENTS[department.name] ?? [];
		const ids: string[] = [];
		for (const [name, local] of agents) {
			const [user] = rowsOf<{ id: string }>(
				await ctx.db.execute(sql`insert into users (email, name, password_hash, locale)
					values (${`${local}@nordstern-wohnen.example`}, ${name}, ${passwordHash}, 'de') returning id`),
			);
			if (!user) continue;
			const [membership] = rowsOf<{ id: string }>(
				await ctx.db.execute(sql`insert into memberships (organization_id, user_id, role)
					values (${ctx.organizationId}, ${user.id}, 'agent') returning id`),
			);
			await ctx.db.execute(sql`insert into membership_departments (organization_id, membership_id, department_id)
				values (${ctx.organizationId}, ${membership?.id}, ${department.id})`);
			ids.push(user.id);
		}
		if (ids[0]) {
			await ctx.db.execute(sql`update departments set lead_user_id = ${ids[0]} where id = ${department.id}`);
		}
		byDepartment.set(department.id, ids);
	}
	return byDepartment;
}

async function findCandidates(ctx: Pick<Ctx, "db" | "organizationId">, now: Date): Promise<Candidate[]> {
	const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
	const responses = rowsOf<Candidate>(
		await ctx.db.execute(sql`select 'response' as kind, r.id, coalesce(r.completed_at, r.submitted_at) as at,
				r.submitted_at, r.touchpoint_id, t.channel, t.department_id, r.score_type, r.score, r.comment as text,
				r.language, r.contact_id, c.email, c.name
			from responses r
			left join touchpoints t on t.id = r.touchpoint_id
			left join contacts c on c.id = r.contact_id
			where r.organization_id = ${ctx.organizationId} and r.completed and r.audience = 'customer'
				and r.submitted_at >= ${since} and r.submitted_at <= ${now}
				and ((r.score_type = 'nps' and r.score <= 6 and 'complaint' = any(r.intents))
					or (r.score_type = 'csat' and r.score <= 2))
			order by r.submitted_at desc, r.id limit ${MAX_RESPONSE_CASES}`),
	);
	const mentions = rowsOf<Candidate>(
		await ctx.db.execute(sql`select 'mention' as kind, m.id, m.published_at as at, null as submitted_at,
				m.touchpoint_id, t.channel, t.department_id, null as score_type, m.rating as score, m.text, m.language,
				null as contact_id, null as email, m.author as name
			from mentions m left join touchpoints t on t.id = m.touchpoint_id
			where m.organization_id = ${ctx.organizationId} and m.sentiment = 'negative'
				and m.published_at >= ${since} and m.published_at <= ${now}
			order by m.published_at desc, m.id limit ${MAX_MENTION_CASES}`),
	);
	return [...responses, ...mentions].sort(
		(a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || (a.id < b.id ? -1 : 1),
	);
}

/** The status a case of this age has reached, drawn deterministically (older cases are mostly done). */
function statusFor(ageDays: number, draw: number): CaseStatus {
	if (ageDays < 1) return draw < 0.55 ? "new" : draw < 0.85 ? "open" : "waiting";
	if (ageDays < 5) return draw < 0.12 ? "new" : draw < 0.45 ? "open" : draw < 0.65 ? "waiting" : "resolved";
	if (ageDays < 14) return draw < 0.1 ? "open" : draw < 0.2 ? "waiting" : draw < 0.65 ? "resolved" : "closed";
	return draw < 0.05 ? "open" : draw < 0.3 ? "resolved" : "closed";
}

export async function seedDemoCases(ctx: Pick<Ctx, "db" | "organizationId" | "actor">, now: Date): Promise<number> {
	const org = ctx.organizationId;
	const agentsByDepartment = await seedAgents(ctx);
	await ensureSlaDefaults(ctx.db, org);
	await ctx.db.execute(sql`update case_settings set business_hours = ${JSON.stringify(HOURS)}::jsonb,
		holidays = ${JSON.stringify(HOLIDAYS)}::jsonb, cost_per_hour_cents = 4200 where organization_id = ${org}`);
	const causes = await ctx.db
		.insert(rootCauses)
		.values(ROOT_CAUSES.map(({ de, en }) => ({ organizationId: org, label: { de, en }, createdAt: now })))
		.returning({ id: rootCauses.id });
	const rules = await ctx.db
		.insert(caseRules)
		.values([
			{
				organizationId: org,
				name: "Detraktoren mit Beschwerde",
				position: 0,
				conditions: { scoreType: "nps" as const, maxScore: 6, intents: ["complaint"] },
				priority: "high" as const,
				autoAssign: true,
			},
			{
				organizationId: org,
				name: "Sehr unzufrieden (CSAT ≤ 2)",
				position: 1,
				conditions: { scoreType: "csat" as const, maxScore: 2 },
				priority: "normal" as const,
				autoAssign: true,
			},
			{
				organizationId: org,
				name: "Negative Erwähnungen",
				position: 2,
				conditions: { sources: ["mention" as const], sentiments: ["negative" as const] },
				priority: "normal" as const,
				autoAssign: false,
			},
		])
		.returning({ id: caseRules.id });
	const calendar: BusinessCalendar = { timeZone: "Europe/Berlin", hours: HOURS, holidays: HOLIDAYS };
	const candidates = await findCandidates(ctx, now);
	const demoUser = ctx.actor.type === "user" ? ctx.actor.userId : null;
	const turn = new Map<string, number>();
	const drafts: (typeof cases.$inferInsert)[] = [];
	const history: (typeof caseEvents.$inferInsert)[] = [];
	for (const [index, c] of candidates.entries()) {
		const createdAt = new Date(Math.min(new Date(c.at).getTime() + 3 * 60_000, now.getTime()));
		const ageDays = (now.getTime() - createdAt.getTime()) / 86_400_000;
		const draw = hash(c.id);
		const priority: CasePriority =
			c.kind === "mention" ? "normal" : c.score_type === "nps" ? (draw < 0.15 ? "urgent" : "high") : "normal";
		const ruleId = (c.kind === "mention" ? rules[2] : c.score_type === "nps" ? rules[0] : rules[1])?.id ?? null;
		const status = statusFor(ageDays, hash(`${c.id}:status`));
		const agents = c.department_id ? (agentsByDepartment.get(c.department_id) ?? []) : [];
		const n = turn.get(c.department_id ?? "") ?? 0;
		turn.set(c.department_id ?? "", n + 1);
		const assigneeId =
			(status === "new" && draw < 0.5) || agents.length === 0 ? null : (agents[n % agents.length] ?? null);
		const sla = DEFAULT_SLA[priority];
		const firstResponseDueAt = addBusinessMinutes(createdAt, sla.firstResponseMinutes, calendar);
		const resolutionDueAt = addBusinessMinutes(createdAt, sla.resolutionMinutes, calendar);
		const answered = status !== "new" && !(status === "open" && draw < 0.3);
		// Most answers come within the target; every sixth is late.
		const firstRespondedAt = answered
			? new Date(
					Math.min(
						draw < 0.17
							? firstResponseDueAt.getTime() + 3 * 3_600_000
							: createdAt.getTime() + (0.2 + draw) * (firstResponseDueAt.getTime() - createdAt.getTime()),
						now.getTime(),
					),
				)
			: null;
		const isDone = status === "resolved" || status === "closed";
		const resolvedAt = isDone
			? new Date(
					Math.min(
						createdAt.getTime() + (0.3 + hash(`${c.id}:r`) * 0.9) * (resolutionDueAt.getTime() - createdAt.getTime()),
						now.getTime() - 60_000,
					),
				)
			: null;
		const closedAt =
			status === "closed" && resolvedAt
				? new Date(Math.min(resolvedAt.getTime() + 3 * 86_400_000, now.getTime()))
				: null;
		const matching = ROOT_CAUSES.map((r, i) => ({ r, i })).filter(({ r }) => r.channels.includes(c.channel ?? ""));
		const cause = isDone
			? causes[
					(matching.length > 0
						? matching[Math.floor(hash(`${c.id}:c`) * matching.length)]?.i
						: ROOT_CAUSES.length - 1) ?? 0
				]
			: undefined;
		const breach =
			!firstRespondedAt && firstResponseDueAt < now
				? firstResponseDueAt
				: !isDone && resolutionDueAt < now
					? resolutionDueAt
					: null;
		// Breached demo cases have mostly been escalated already, so a fresh start does not mail every agent at once.
		const stepsDue = breach ? Math.min(3, 1 + Math.floor((now.getTime() - breach.getTime()) / 3_600_000)) : 0;
		const escalationLevel = breach && hash(`${c.id}:e`) < 0.8 ? stepsDue : 0;
		const id = crypto.randomUUID();
		drafts.push({
			id,
			organizationId: org,
			number: index + 1,
			status,
			priority: escalationLevel === 3 && priority !== "urgent" ? (priority === "high" ? "urgent" : "high") : priority,
			departmentId: c.department_id,
			assigneeId,
			ruleId,
			source: c.kind,
			responseId: c.kind === "response" ? c.id : null,
			responseSubmittedAt: c.submitted_at ? new Date(c.submitted_at) : null,
			mentionId: c.kind === "mention" ? c.id : null,
			contactId: c.contact_id,
			touchpointId: c.touchpoint_id,
			subject:
				(c.text ?? "").replace(/\s+/g, " ").trim().slice(0, 140) ||
				`${(c.score_type ?? "").toUpperCase()} ${c.score ?? ""}`.trim(),
			customerEmail: c.email,
			customerName: c.name,
			language: c.language === "en" ? "en" : "de",
			tags: draw > 0.9 ? ["vip"] : [],
			rootCauseId: cause?.id ?? null,
			resolutionNote: isDone ? (c.language === "en" ? "Resolved with the customer." : "Mit dem Kunden geklärt.") : null,
			firstResponseDueAt,
			resolutionDueAt,
			firstRespondedAt,
			resolvedAt,
			closedAt,
			escalationLevel,
			escalatedAt:
				escalationLevel > 0 && breach ? new Date(breach.getTime() + (escalationLevel - 1) * 3_600_000) : null,
			agentMinutes: isDone ? 10 + Math.floor(hash(`${c.id}:m`) * 50) : answered ? 5 + Math.floor(draw * 15) : 0,
			version: 1 + (assigneeId ? 1 : 0) + (status === "new" ? 0 : 1) + (isDone ? 1 : 0),
			createdAt,
			updatedAt: closedAt ?? resolvedAt ?? firstRespondedAt ?? createdAt,
		});
		const event = (kind: string, at: Date, data: Record<string, unknown>, actor = `job:cases.evaluate`) =>
			history.push({ organizationId: org, caseId: id, actor, kind, at, data });
		event("created", createdAt, { source: c.kind, ruleId, priority, departmentId: c.department_id });
		const worker = assigneeId ?? demoUser ?? "system";
		if (assigneeId) event("assignee", createdAt, { from: null, to: assigneeId, auto: true });
		if (status !== "new") event("status", firstRespondedAt ?? createdAt, { from: "new", to: "open" }, worker);
		if (status === "waiting") event("status", firstRespondedAt ?? createdAt, { from: "open", to: "waiting" }, worker);
		if (isDone && resolvedAt) {
			event("root_cause", resolvedAt, { from: null, to: cause?.id ?? null }, worker);
			event("status", resolvedAt, { from: "open", to: "resolved" }, worker);
		}
		if (closedAt) event("status", closedAt, { from: "resolved", to: "closed" }, worker);
		if (breach && escalationLevel > 0)
			event("sla_breached", breach, { breach: firstRespondedAt ? "resolution" : "first_response" });
	}
	await insertAsJson(ctx, "cases", CASE_COLUMNS, drafts);
	await insertAsJson(ctx, "case_events", EVENT_COLUMNS, history);
	return drafts.length;
}

const CASE_COLUMNS = `id uuid, organization_id uuid, number int, status text, priority text, department_id uuid, assignee_id uuid,
	rule_id uuid, source text, response_id uuid, response_submitted_at timestamptz, mention_id uuid, contact_id uuid,
	touchpoint_id uuid, subject text, customer_email text, customer_name text, language text, tags text[],
	root_cause_id uuid, resolution_note text, first_response_due_at timestamptz, resolution_due_at timestamptz,
	first_responded_at timestamptz, resolved_at timestamptz, closed_at timestamptz, escalation_level smallint,
	escalated_at timestamptz, agent_minutes int, version int, created_at timestamptz, updated_at timestamptz`;
const EVENT_COLUMNS = "organization_id uuid, case_id uuid, actor text, kind text, at timestamptz, data jsonb";

/**
 * One INSERT … SELECT FROM jsonb_to_recordset($1) per table: a single parameter instead of thousands (several times
 * faster on PGlite than a multi-row VALUES list).
 */
async function insertAsJson(ctx: Pick<Ctx, "db">, table: string, columns: string, records: object[]) {
	if (records.length === 0) return;
	const names = columns.split(",").map((c) => c.trim().split(" ")[0]);
	const snake = records.map((record) =>
		Object.fromEntries(
			Object.entries(record).map(([key, value]) => [
				key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
				value instanceof Date ? value.toISOString() : value,
			]),
		),
	);
	await ctx.db.execute(sql`insert into ${sql.raw(table)} (${sql.raw(names.join(", "))})
		select ${sql.raw(names.join(", "))} from jsonb_to_recordset(${JSON.stringify(snake)}::jsonb) as x(${sql.raw(columns)})`);
}
