// Closed-loop metrics for cases created in [from, to) (optionally one department): response and resolution times
// (calendar minutes by percentile_cont in SQL; business minutes in the organization's calendar, over the cases'
// two timestamps read in keyset chunks), SLA attainment, reopen, closed-loop, follow-up and recovery rates with
// Wilson intervals, cases by root cause / touchpoint / status, and service cost; open and overdue counts now.
// Aggregates only.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { businessMinutesBetween } from "../../../../lib/cases/business-hours";
import { wilsonInterval } from "../../../../lib/stats/proportion";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import type { CaseMetricsQuery, CaseMetricsView, DurationStatsView, RateView } from "../contract-loop";
import { cases } from "../schema";
import { overdueCondition } from "./list";
import { calendarOf } from "./settings";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const int = (v: unknown) => Number(v ?? 0);

/** Cases read per chunk for business minutes (two timestamps each). */
const CHUNK = 5_000;

export function rateOf(successes: number, n: number): RateView {
	return {
		successes,
		n,
		rate: n > 0 ? successes / n : null,
		interval: n > 0 ? wilsonInterval(successes, n) : null,
	};
}

/** Percentile with linear interpolation between closest ranks: PostgreSQL's percentile_cont on sorted values. */
export function percentileCont(sorted: number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const position = p * (sorted.length - 1);
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	const a = sorted[lower] ?? 0;
	const b = sorted[upper] ?? a;
	return a + (b - a) * (position - lower);
}

function caseFilter(ctx: Ctx, query: CaseMetricsQuery, alias = "c"): SQL {
	const c = sql.raw(alias);
	const department = query.departmentId ? sql` and ${c}.department_id = ${query.departmentId}` : sql``;
	return sql`${c}.organization_id = ${ctx.organizationId} and ${c}.created_at >= ${new Date(query.from).toISOString()}
		and ${c}.created_at < ${new Date(query.to).toISOString()}${department}`;
}

/** Business minutes to first response and to resolution, read in chunks of (created_at, id) order. */
async function businessDurations(ctx: Ctx, query: CaseMetricsQuery) {
	const calendar = await calendarOf(ctx.db, ctx.organizationId);
	const firstResponse: number[] = [];
	const resolution: number[] = [];
	let after: { createdAt: string; id: string } | undefined;
	for (;;) {
		const keyset = after
			? sql` and (c.created_at, c.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
			: sql``;
		const rows = rowsOf<{
			id: string;
			created_at: Date | string;
			first_responded_at: Date | string | null;
			resolved_at: Date | string | null;
		}>(
			await ctx.db.execute(sql`select c.id, c.created_at, c.first_responded_at, c.resolved_at from cases c
				where ${caseFilter(ctx, query)} and (c.first_responded_at is not null or c.resolved_at is not null)${keyset}
				order by c.created_at, c.id limit ${CHUNK}`),
		);
		for (const r of rows) {
			const created = new Date(r.created_at);
			if (r.first_responded_at)
				firstResponse.push(businessMinutesBetween(created, new Date(r.first_responded_at), calendar));
			if (r.resolved_at) resolution.push(businessMinutesBetween(created, new Date(r.resolved_at), calendar));
		}
		const last = rows[rows.length - 1];
		if (rows.length < CHUNK || !last) break;
		after = { createdAt: new Date(last.created_at).toISOString(), id: last.id };
	}
	firstResponse.sort((a, b) => a - b);
	resolution.sort((a, b) => a - b);
	return { firstResponse, resolution };
}

type CaseAggregates = {
	case_count: number;
	fr_count: number;
	fr_median: number | null;
	fr_p90: number | null;
	res_count: number;
	res_median: number | null;
	res_p90: number | null;
	sla_fr_n: number;
	sla_fr_met: number;
	sla_res_n: number;
	sla_res_met: number;
	reopen_n: number;
	reopened: number;
	agent_minutes: number;
};

async function caseAggregates(ctx: Ctx, query: CaseMetricsQuery): Promise<CaseAggregates> {
	const now = ctx.now.toISOString();
	const frMinutes = sql`extract(epoch from (c.first_responded_at - c.created_at)) / 60.0`;
	const resMinutes = sql`extract(epoch from (c.resolved_at - c.created_at)) / 60.0`;
	const [row] = rowsOf<Record<keyof CaseAggregates, unknown>>(
		await ctx.db.execute(sql`select
			count(*)::int as case_count,
			count(c.first_responded_at)::int as fr_count,
			percentile_cont(0.5) within group (order by ${frMinutes}) filter (where c.first_responded_at is not null) as fr_median,
			percentile_cont(0.9) within group (order by ${frMinutes}) filter (where c.first_responded_at is not null) as fr_p90,
			count(c.resolved_at)::int as res_count,
			percentile_cont(0.5) within group (order by ${resMinutes}) filter (where c.resolved_at is not null) as res_median,
			percentile_cont(0.9) within group (order by ${resMinutes}) filter (where c.resolved_at is not null) as res_p90,
			count(*) filter (where c.first_response_due_at is not null
				and (c.first_responded_at is not null or c.first_response_due_at < ${now}::timestamptz))::int as sla_fr_n,
			count(*) filter (where c.first_responded_at <= c.first_response_due_at)::int as sla_fr_met,
			count(*) filter (where c.resolution_due_at is not null
				and (c.resolved_at is not null or c.resolution_due_at < ${now}::timestamptz))::int as sla_res_n,
			count(*) filter (where c.resolved_at <= c.resolution_due_at)::int as sla_res_met,
			count(*) filter (where c.resolved_at is not null or c.reopen_count > 0)::int as reopen_n,
			count(*) filter (where c.reopen_count > 0)::int as reopened,
			coalesce(sum(c.agent_minutes), 0)::int as agent_minutes
		from cases c where ${caseFilter(ctx, query)}`),
	);
	return {
		case_count: int(row?.case_count),
		fr_count: int(row?.fr_count),
		fr_median: num(row?.fr_median),
		fr_p90: num(row?.fr_p90),
		res_count: int(row?.res_count),
		res_median: num(row?.res_median),
		res_p90: num(row?.res_p90),
		sla_fr_n: int(row?.sla_fr_n),
		sla_fr_met: int(row?.sla_fr_met),
		sla_res_n: int(row?.sla_res_n),
		sla_res_met: int(row?.sla_res_met),
		reopen_n: int(row?.reopen_n),
		reopened: int(row?.reopened),
		agent_minutes: int(row?.agent_minutes),
	};
}

/** Negative feedback received in the period, and how much of it was answered (reply state). */
async function closedLoop(db: Db, ctx: Ctx, query: CaseMetricsQuery): Promise<RateView> {
	const from = new Date(query.from).toISOString();
	const to = new Date(query.to).toISOString();
	const inDepartment = (column: SQL) =>
		query.departmentId
			? sql` and ${column} in (select id from touchpoints where organization_id = ${ctx.organizationId}
				and department_id = ${query.departmentId})`
			: sql``;
	const [row] = rowsOf<{ n: unknown; answered: unknown }>(
		await db.execute(sql`select sum(n)::int as n, sum(answered)::int as answered from (
			select count(*) as n, count(*) filter (where reply_state = 'answered') as answered from responses
			where organization_id = ${ctx.organizationId} and submitted_at >= ${from} and submitted_at < ${to} and completed
				and (score_group in ('detractor', 'dissatisfied', 'difficult') or sentiment = 'negative')${inDepartment(sql`touchpoint_id`)}
			union all
			select count(*), count(*) filter (where reply_state = 'answered') from mentions
			where organization_id = ${ctx.organizationId} and published_at >= ${from} and published_at < ${to}
				and (sentiment = 'negative' or rating <= 2)${inDepartment(sql`touchpoint_id`)}
		) negative`),
	);
	return rateOf(int(row?.answered), int(row?.n));
}

async function followUps(ctx: Ctx, query: CaseMetricsQuery) {
	const [row] = rowsOf<{ n: unknown; solved: unknown; satisfaction: unknown }>(
		await ctx.db.execute(sql`select count(f.is_solved)::int as n, count(*) filter (where f.is_solved)::int as solved,
			avg(f.satisfaction)::float8 as satisfaction
			from case_follow_ups f join cases c on c.id = f.case_id
			where ${caseFilter(ctx, query)} and f.status = 'answered'`),
	);
	return { rate: rateOf(int(row?.solved), int(row?.n)), satisfactionMean: num(row?.satisfaction) };
}

/** Detractor customers with a case (by contact) and how many later answered an NPS survey as promoters. */
async function recovery(ctx: Ctx, query: CaseMetricsQuery): Promise<RateView> {
	const [row] = rowsOf<{ n: unknown; recovered: unknown }>(
		await ctx.db.execute(sql`with detractors as (
			select c.contact_id, min(c.created_at) as first_case_at from cases c
			join responses r on r.organization_id = c.organization_id and r.id = c.response_id
				and r.submitted_at = c.response_submitted_at
			where ${caseFilter(ctx, query)} and c.contact_id is not null and r.score_type = 'nps' and r.score_group = 'detractor'
			group by c.contact_id)
		select count(*)::int as n, count(*) filter (where exists (
			select 1 from responses p where p.organization_id = ${ctx.organizationId} and p.contact_id = d.contact_id
				and p.score_type = 'nps' and p.score_group = 'promoter' and p.completed and p.submitted_at > d.first_case_at
		))::int as recovered from detractors d`),
	);
	return rateOf(int(row?.recovered), int(row?.n));
}

async function breakdowns(ctx: Ctx, query: CaseMetricsQuery) {
	const byStatus = rowsOf<{ status: CaseMetricsView["byStatus"][number]["status"]; count: unknown }>(
		await ctx.db.execute(sql`select c.status, count(*)::int as count from cases c where ${caseFilter(ctx, query)}
			group by c.status order by count desc`),
	);
	const byRootCause = rowsOf<{ id: string | null; label: { de: string; en: string } | string | null; count: unknown }>(
		await ctx.db.execute(sql`select c.root_cause_id as id, rc.label, count(*)::int as count from cases c
			left join root_causes rc on rc.id = c.root_cause_id and rc.organization_id = c.organization_id
			where ${caseFilter(ctx, query)} group by c.root_cause_id, rc.label order by count desc limit 50`),
	);
	const byTouchpoint = rowsOf<{ id: string | null; name: string | null; count: unknown }>(
		await ctx.db.execute(sql`select c.touchpoint_id as id, t.name, count(*)::int as count from cases c
			left join touchpoints t on t.id = c.touchpoint_id and t.organization_id = c.organization_id
			where ${caseFilter(ctx, query)} group by c.touchpoint_id, t.name order by count desc limit 50`),
	);
	return {
		byStatus: byStatus.map((r) => ({ status: r.status, count: int(r.count) })),
		byRootCause: byRootCause.map((r) => ({
			rootCauseId: r.id,
			label: typeof r.label === "string" ? (JSON.parse(r.label) as { de: string; en: string }) : r.label,
			count: int(r.count),
		})),
		byTouchpoint: byTouchpoint.map((r) => ({ touchpointId: r.id, name: r.name, count: int(r.count) })),
	};
}

async function costRate(ctx: Ctx) {
	const [row] = rowsOf<{ cost_per_hour_cents: unknown; currency: string }>(
		await ctx.db.execute(
			sql`select cost_per_hour_cents, currency from case_settings where organization_id = ${ctx.organizationId}`,
		),
	);
	// The column defaults of case_settings, for an organization that never saved its settings.
	return { costPerHourCents: row ? int(row.cost_per_hour_cents) : 4500, currency: row?.currency ?? "EUR" };
}

const durations = (
	count: number,
	median: number | null,
	p90: number | null,
	business: number[],
): DurationStatsView => ({
	count,
	medianCalendarMinutes: median,
	p90CalendarMinutes: p90,
	medianBusinessMinutes: percentileCont(business, 0.5),
	p90BusinessMinutes: percentileCont(business, 0.9),
});

export async function getCaseMetrics(ctx: Ctx, query: CaseMetricsQuery): Promise<CaseMetricsView> {
	const aggregates = await caseAggregates(ctx, query);
	const business = await businessDurations(ctx, query);
	const cost = await costRate(ctx);
	const totalCents = Math.round((aggregates.agent_minutes * cost.costPerHourCents) / 60);
	const followUp = await followUps(ctx, query);
	return {
		from: new Date(query.from).toISOString(),
		to: new Date(query.to).toISOString(),
		departmentId: query.departmentId ?? null,
		caseCount: aggregates.case_count,
		...(await breakdowns(ctx, query)),
		firstResponse: durations(aggregates.fr_count, aggregates.fr_median, aggregates.fr_p90, business.firstResponse),
		resolution: durations(aggregates.res_count, aggregates.res_median, aggregates.res_p90, business.resolution),
		slaFirstResponse: rateOf(aggregates.sla_fr_met, aggregates.sla_fr_n),
		slaResolution: rateOf(aggregates.sla_res_met, aggregates.sla_res_n),
		reopen: rateOf(aggregates.reopened, aggregates.reopen_n),
		closedLoop: await closedLoop(ctx.db, ctx, query),
		followUpSolved: followUp.rate,
		followUpSatisfactionMean: followUp.satisfactionMean,
		recovery: await recovery(ctx, query),
		serviceCost: {
			currency: cost.currency,
			costPerHourCents: cost.costPerHourCents,
			agentMinutes: aggregates.agent_minutes,
			totalCents,
			perCaseCents: aggregates.case_count > 0 ? Math.round(totalCents / aggregates.case_count) : null,
		},
	};
}

/** Cases open now (new, open, waiting) and those of them past a due time: the inbox's counts, organization-wide. */
export async function countOpenAndOverdueCases(ctx: Ctx): Promise<{ openCount: number; overdueCount: number }> {
	const [row] = await ctx.db
		.select({
			openCount: sql<number>`count(*)::int`,
			overdueCount: sql<number>`(count(*) filter (where ${overdueCondition(ctx.now)}))::int`,
		})
		.from(cases)
		.where(and(eq(cases.organizationId, ctx.organizationId), inArray(cases.status, ["new", "open", "waiting"])));
	return { openCount: int(row?.openCount), overdueCount: int(row?.overdueCount) };
}
