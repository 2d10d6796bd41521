// Organization-scoped getters of cases, the audit-history writer, and the case view with the names people read.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import type { CaseView } from "../contract";
import { caseEvents, cases } from "../schema";

export type CaseRow = typeof cases.$inferSelect;

export async function getCaseInOrg(db: Db | Tx, organizationId: string, caseId: string): Promise<CaseRow> {
	const [row] = await db
		.select()
		.from(cases)
		.where(and(eq(cases.organizationId, organizationId), eq(cases.id, caseId)));
	if (!row) throw notFound("Case");
	return row;
}

/** The same, locked for the rest of the transaction (changes to one case are serialised). */
export async function lockCaseInOrg(tx: Db | Tx, organizationId: string, caseId: string): Promise<CaseRow> {
	const [row] = await tx
		.select()
		.from(cases)
		.where(and(eq(cases.organizationId, organizationId), eq(cases.id, caseId)))
		.for("update");
	if (!row) throw notFound("Case");
	return row;
}

export type CaseEventDraft = {
	organizationId: string;
	caseId: string;
	/** A user id, "job:<name>", "apiKey:<id>" or "system". */
	actor: string;
	kind: string;
	data: Record<string, unknown>;
	at?: Date;
};

/** One row of a case's audit history; call it in the transaction of the change it records. */
export async function recordCaseEvent(tx: Db | Tx, e: CaseEventDraft): Promise<void> {
	await tx.insert(caseEvents).values({
		organizationId: e.organizationId,
		caseId: e.caseId,
		actor: e.actor,
		kind: e.kind,
		data: e.data,
		...(e.at ? { at: e.at } : {}),
	});
}

// Names come from other modules' rows; read by id with the organization in the join (no cross-module imports).
const departmentName = sql<
	string | null
>`(select d.name from departments d where d.id = ${cases.departmentId} and d.organization_id = ${cases.organizationId})`;
const assigneeName = sql<string | null>`(select u.name from users u where u.id = ${cases.assigneeId})`;
const touchpointName = sql<
	string | null
>`(select t.name from touchpoints t where t.id = ${cases.touchpointId} and t.organization_id = ${cases.organizationId})`;

export type CaseWithNames = {
	row: CaseRow;
	departmentName: string | null;
	assigneeName: string | null;
	touchpointName: string | null;
};

export const caseWithNamesColumns = { row: cases, departmentName, assigneeName, touchpointName };

export async function selectCasesWithNames(db: Db | Tx, where: SQL | undefined): Promise<CaseWithNames[]> {
	return db.select(caseWithNamesColumns).from(cases).where(where);
}

export async function caseViewsOf(db: Db | Tx, organizationId: string, ids: string[], now: Date): Promise<CaseView[]> {
	if (ids.length === 0) return [];
	const rows = await selectCasesWithNames(db, and(eq(cases.organizationId, organizationId), inArray(cases.id, ids)));
	const byId = new Map(rows.map((r) => [r.row.id, toCaseView(r, now)]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function caseViewOf(db: Db | Tx, organizationId: string, id: string, now: Date): Promise<CaseView> {
	const [view] = await caseViewsOf(db, organizationId, [id], now);
	if (!view) throw notFound("Case");
	return view;
}

const OPEN: readonly string[] = ["new", "open", "waiting"];

export function isCaseOverdue(row: CaseRow, now: Date): boolean {
	if (!OPEN.includes(row.status)) return false;
	const t = now.getTime();
	if (!row.firstRespondedAt && row.firstResponseDueAt && row.firstResponseDueAt.getTime() < t) return true;
	return !!row.resolutionDueAt && row.resolutionDueAt.getTime() < t;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCaseView({ row, departmentName, assigneeName, touchpointName }: CaseWithNames, now: Date): CaseView {
	return {
		id: row.id,
		number: row.number,
		status: row.status,
		priority: row.priority,
		departmentId: row.departmentId,
		departmentName,
		assigneeId: row.assigneeId,
		assigneeName,
		ruleId: row.ruleId,
		source: row.source,
		responseId: row.responseId,
		mentionId: row.mentionId,
		contactId: row.contactId,
		touchpointId: row.touchpointId,
		touchpointName,
		subject: row.subject,
		customerEmail: row.customerEmail,
		customerName: row.customerName,
		language: row.language,
		tags: row.tags,
		rootCauseId: row.rootCauseId,
		resolutionNote: row.resolutionNote,
		firstResponseDueAt: iso(row.firstResponseDueAt),
		resolutionDueAt: iso(row.resolutionDueAt),
		firstRespondedAt: iso(row.firstRespondedAt),
		resolvedAt: iso(row.resolvedAt),
		closedAt: iso(row.closedAt),
		isOverdue: isCaseOverdue(row, now),
		reopenCount: row.reopenCount,
		escalationLevel: row.escalationLevel,
		agentMinutes: row.agentMinutes,
		version: row.version,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
	};
}
