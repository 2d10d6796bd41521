// The inbox: cases with filters (status, department, assignee, priority, overdue, touchpoint, text), newest
// first with keyset pagination, and per-status counts under the same filters for the tabs.
import { and, count, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { afterCursor, toPage } from "../../../platform/pagination";
import { CASE_STATUSES, type CaseAgentView, type CaseListQuery, type CaseListView, type CaseStatus } from "../contract";
import { cases } from "../schema";
import { findCaseAgents } from "./access";
import { caseWithNamesColumns, toCaseView } from "./load";

const NO_USER = "00000000-0000-0000-0000-000000000000";

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Open and past its first-response or resolution due time (the SQL twin of `isCaseOverdue`). */
export function overdueCondition(now: Date): SQL {
	return and(
		inArray(cases.status, ["new", "open", "waiting"]),
		or(and(isNull(cases.firstRespondedAt), lt(cases.firstResponseDueAt, now)), lt(cases.resolutionDueAt, now)),
	) as SQL;
}

function filtersOf(ctx: Ctx, query: CaseListQuery): SQL[] {
	const filters: SQL[] = [eq(cases.organizationId, ctx.organizationId)];
	if (query.departmentId) filters.push(eq(cases.departmentId, query.departmentId));
	if (query.assignee === "none") filters.push(isNull(cases.assigneeId));
	else if (query.assignee === "me")
		filters.push(eq(cases.assigneeId, ctx.actor.type === "user" ? ctx.actor.userId : NO_USER));
	else if (query.assignee) filters.push(eq(cases.assigneeId, query.assignee));
	if (query.priority?.length) filters.push(inArray(cases.priority, query.priority));
	if (query.touchpointId) filters.push(eq(cases.touchpointId, query.touchpointId));
	if (query.overdue) {
		const overdue = overdueCondition(ctx.now);
		filters.push(query.overdue === "true" ? overdue : sql`not coalesce(${overdue}, false)`);
	}
	const q = query.q?.trim();
	if (q) {
		const number = q.match(/^#?(\d{1,9})$/)?.[1];
		const pattern = likePattern(q);
		filters.push(
			or(
				ilike(cases.subject, pattern),
				ilike(cases.customerName, pattern),
				ilike(cases.customerEmail, pattern),
				...(number ? [eq(cases.number, Number(number))] : []),
			) as SQL,
		);
	}
	return filters;
}

export async function findCases(ctx: Ctx, query: CaseListQuery): Promise<CaseListView> {
	const filters = filtersOf(ctx, query);
	const statusFilter = query.status?.length ? inArray(cases.status, query.status) : undefined;
	const [rows, countRows] = await Promise.all([
		ctx.db
			.select(caseWithNamesColumns)
			.from(cases)
			.where(
				and(
					...filters,
					statusFilter,
					afterCursor(query.cursor, { column: cases.createdAt, kind: "time" }, cases.id, "desc"),
				),
			)
			.orderBy(desc(cases.createdAt), desc(cases.id))
			.limit(query.limit + 1),
		ctx.db
			.select({ status: cases.status, n: count() })
			.from(cases)
			.where(and(...filters))
			.groupBy(cases.status),
	]);
	const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
	for (const row of countRows) counts[row.status] = Number(row.n);
	const page = toPage(
		rows,
		query.limit,
		(r) => toCaseView(r, ctx.now),
		(r) => [r.row.createdAt, r.row.id],
	);
	return { ...page, counts };
}

export async function listCaseAgents(ctx: Ctx): Promise<CaseAgentView[]> {
	return findCaseAgents(ctx.db, ctx.organizationId);
}
