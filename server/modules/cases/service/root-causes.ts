// The organization's list of root causes (DE/EN labels), required to resolve a case; archived ones stay on cases.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { notFound } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import type { CreateRootCauseInput, RootCauseView, UpdateRootCauseInput } from "../contract";
import { rootCauses } from "../schema";

type RootCauseRow = typeof rootCauses.$inferSelect;

const toView = (row: RootCauseRow): RootCauseView => ({
	id: row.id,
	label: row.label,
	archived: row.archivedAt !== null,
	createdAt: row.createdAt.toISOString(),
});

export async function findRootCauses(ctx: Ctx): Promise<RootCauseView[]> {
	const rows = await ctx.db
		.select()
		.from(rootCauses)
		.where(eq(rootCauses.organizationId, ctx.organizationId))
		.orderBy(asc(sql`${rootCauses.archivedAt} is not null`), asc(sql`${rootCauses.label}->>'en'`));
	return rows.map(toView);
}

export async function createRootCause(ctx: Ctx, input: CreateRootCauseInput): Promise<RootCauseView> {
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(rootCauses)
			.values({ organizationId: ctx.organizationId, label: input.label, createdAt: ctx.now })
			.returning();
		if (!row) throw new Error("root cause not written");
		await recordAudit(tx, ctx, "root_cause.created", { type: "root_cause", id: row.id }, input);
		return toView(row);
	});
}

export async function updateRootCause(ctx: Ctx, id: string, input: UpdateRootCauseInput): Promise<RootCauseView> {
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(rootCauses)
			.set({
				...(input.label ? { label: input.label } : {}),
				...(input.archived !== undefined ? { archivedAt: input.archived ? ctx.now : null } : {}),
			})
			.where(and(eq(rootCauses.organizationId, ctx.organizationId), eq(rootCauses.id, id)))
			.returning();
		if (!row) throw notFound("Root cause");
		await recordAudit(tx, ctx, "root_cause.updated", { type: "root_cause", id }, input);
		return toView(row);
	});
}
