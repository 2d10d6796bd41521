// Departments: who owns touchpoints and answers cases.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid, notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import type { CreateDepartmentInput, DepartmentView, UpdateDepartmentInput } from "../contract";
import { departments, memberships } from "../schema";
import { recordAudit } from "./audit";

type DepartmentRow = typeof departments.$inferSelect;

const toView = (row: DepartmentRow): DepartmentView => ({
	id: row.id,
	name: row.name,
	description: row.description,
	leadUserId: row.leadUserId,
	createdAt: row.createdAt.toISOString(),
});

export async function getDepartmentInOrg(db: Db, organizationId: string, id: string): Promise<DepartmentRow> {
	const [row] = await db
		.select()
		.from(departments)
		.where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)));
	if (!row) throw notFound("Department");
	return row;
}

/** Refuses (400) when any of the ids is not a department of this organization. */
export async function assertDepartmentsInOrg(db: Db, organizationId: string, ids: string[]): Promise<void> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return;
	const found = await db
		.select({ id: departments.id })
		.from(departments)
		.where(and(eq(departments.organizationId, organizationId), inArray(departments.id, unique)));
	if (found.length !== unique.length)
		throw invalid("departmentIds: unknown department", {
			fields: [{ field: "departmentIds", message: "Unknown department" }],
		});
}

/** A lead must be a member of the organization (400 otherwise). */
async function leadOf(db: Db, organizationId: string, userId: string | null | undefined): Promise<string | null> {
	if (!userId) return null;
	const [member] = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
	if (!member) {
		throw invalid("leadUserId: not a member of this organization", {
			fields: [{ field: "leadUserId", message: "Not a member" }],
		});
	}
	return userId;
}

export async function findDepartments(ctx: Ctx, query: PageQuery): Promise<Page<DepartmentView>> {
	const rows = await ctx.db
		.select()
		.from(departments)
		.where(
			and(
				eq(departments.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: departments.name, kind: "text" }, departments.id, "asc"),
			),
		)
		.orderBy(asc(departments.name), asc(departments.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toView, (r) => [r.name, r.id]);
}

export async function createDepartment(ctx: Ctx, input: CreateDepartmentInput): Promise<DepartmentView> {
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(departments)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				description: input.description ?? null,
				leadUserId: await leadOf(tx, ctx.organizationId, input.leadUserId),
			})
			.returning();
		if (!row) throw new Error("department not written");
		await recordAudit(tx, ctx, "department.created", { type: "department", id: row.id }, input);
		return toView(row);
	});
}

export async function updateDepartment(ctx: Ctx, id: string, input: UpdateDepartmentInput): Promise<DepartmentView> {
	return ctx.db.transaction(async (tx) => {
		await getDepartmentInOrg(tx, ctx.organizationId, id);
		if (input.leadUserId) await leadOf(tx, ctx.organizationId, input.leadUserId);
		const [row] = await tx
			.update(departments)
			.set(input)
			.where(and(eq(departments.organizationId, ctx.organizationId), eq(departments.id, id)))
			.returning();
		if (!row) throw notFound("Department");
		await recordAudit(tx, ctx, "department.updated", { type: "department", id }, input);
		return toView(row);
	});
}

/** Touchpoints it owned keep existing without an owner (the foreign key sets null). */
export async function deleteDepartment(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getDepartmentInOrg(tx, ctx.organizationId, id);
		await tx.delete(departments).where(and(eq(departments.organizationId, ctx.organizationId), eq(departments.id, id)));
		await recordAudit(tx, ctx, "department.deleted", { type: "department", id });
	});
}
