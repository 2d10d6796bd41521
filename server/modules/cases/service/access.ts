// Who may work which case: admins and owners every case; agents (and analysts) the cases of their departments
// and cases without a department (triage); assignees must belong to the case's department.
import { sql } from "drizzle-orm";
import { isRoleAtLeast, type Role } from "../../../platform/auth/roles";
import type { Actor, Ctx } from "../../../platform/context";
import type { Db, Tx } from "../../../platform/db";
import { forbidden, invalid } from "../../../platform/errors";
import type { CaseRow } from "./load";

/** How a case event names who acted. */
export function caseActorOf(actor: Actor): string {
	switch (actor.type) {
		case "user":
			return actor.userId;
		case "apiKey":
			return `apiKey:${actor.apiKeyId}`;
		case "job":
			return `job:${actor.name}`;
		case "public":
			return "public";
	}
}

export const isCaseSupervisor = (actor: Actor) =>
	actor.type === "job" || ((actor.type === "user" || actor.type === "apiKey") && isRoleAtLeast(actor.role, "admin"));

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The departments of a member of the organization (membership_departments). */
export async function departmentIdsOfUser(db: Db | Tx, organizationId: string, userId: string): Promise<string[]> {
	const result = await db.execute(sql`
		select md.department_id from membership_departments md join memberships m on m.id = md.membership_id
		where m.organization_id = ${organizationId} and m.user_id = ${userId}`);
	return rowsOf<{ department_id: string }>(result).map((r) => r.department_id);
}

export async function actorDepartmentIds(db: Db | Tx, ctx: Pick<Ctx, "organizationId" | "actor">): Promise<string[]> {
	return ctx.actor.type === "user" ? departmentIdsOfUser(db, ctx.organizationId, ctx.actor.userId) : [];
}

/** Refuses (403) an agent working a case of a department they do not belong to. */
export async function assertMayWorkCase(
	db: Db | Tx,
	ctx: Pick<Ctx, "organizationId" | "actor">,
	row: Pick<CaseRow, "departmentId">,
) {
	if (isCaseSupervisor(ctx.actor) || row.departmentId === null) return;
	const mine = await actorDepartmentIds(db, ctx);
	if (!mine.includes(row.departmentId)) throw forbidden("You can only work cases of your departments");
}

export type CaseAgent = { userId: string; name: string; email: string; role: Role; departmentIds: string[] };

/** Members who can work cases (agent and up) with their departments, by name. */
export async function findCaseAgents(db: Db | Tx, organizationId: string): Promise<CaseAgent[]> {
	const result = await db.execute(sql`
		select u.id as user_id, u.name, u.email, m.role,
			coalesce(array_agg(md.department_id::text) filter (where md.department_id is not null), '{}') as department_ids
		from memberships m join users u on u.id = m.user_id
		left join membership_departments md on md.membership_id = m.id
		where m.organization_id = ${organizationId} and m.role in ('owner', 'admin', 'analyst', 'agent')
		group by u.id, u.name, u.email, m.role order by u.name, u.id`);
	return rowsOf<{ user_id: string; name: string; email: string; role: Role; department_ids: string[] | string }>(
		result,
	).map((r) => ({
		userId: r.user_id,
		name: r.name,
		email: r.email,
		role: r.role,
		departmentIds: parsePgArray(r.department_ids),
	}));
}

/** node-postgres parses text[] to an array; a uuid[]/text[] may also arrive as its literal "{a,b}". */
function parsePgArray(value: string[] | string): string[] {
	if (Array.isArray(value)) return value;
	const inner = value.replace(/^\{|\}$/g, "");
	return inner ? inner.split(",") : [];
}

/**
 * Refuses (400) an assignee who is not a member who can work cases, or (below admin) not in the case's
 * department: a case goes to someone who is responsible for it.
 */
export async function assertAssignable(
	db: Db | Tx,
	organizationId: string,
	assigneeId: string,
	departmentId: string | null,
): Promise<void> {
	const result = await db.execute(sql`
		select m.role, exists (select 1 from membership_departments md where md.membership_id = m.id
			and md.department_id = ${departmentId}) as in_department
		from memberships m where m.organization_id = ${organizationId} and m.user_id = ${assigneeId}`);
	const [member] = rowsOf<{ role: Role; in_department: boolean }>(result);
	const refuse = (message: string) => invalid(`assigneeId: ${message}`, { fields: [{ field: "assigneeId", message }] });
	if (!member || !isRoleAtLeast(member.role, "agent")) throw refuse("not a member who can work cases");
	if (departmentId !== null && !member.in_department && !isRoleAtLeast(member.role, "admin")) {
		throw refuse("not an agent of the case's department");
	}
}
