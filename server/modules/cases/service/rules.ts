// Case rules of an organization: create, edit, reorder, delete (first enabled match by position wins).
import { and, asc, eq, max } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db, Tx } from "../../../platform/db";
import { invalid, notFound } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import { getDepartmentInOrg } from "../../admin/service/departments";
import type {
	CaseRuleConditions,
	CaseRuleView,
	CreateCaseRuleInput,
	ReorderCaseRulesInput,
	UpdateCaseRuleInput,
} from "../contract";
import { caseRules } from "../schema";
import { touchpointDepartments } from "./feedback";

type RuleRow = typeof caseRules.$inferSelect;

const toView = (row: RuleRow): CaseRuleView => ({
	id: row.id,
	name: row.name,
	enabled: row.enabled,
	position: row.position,
	conditions: row.conditions,
	priority: row.priority,
	departmentId: row.departmentId,
	autoAssign: row.autoAssign,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

async function getRuleInOrg(db: Db | Tx, organizationId: string, id: string): Promise<RuleRow> {
	const [row] = await db
		.select()
		.from(caseRules)
		.where(and(eq(caseRules.organizationId, organizationId), eq(caseRules.id, id)));
	if (!row) throw notFound("Rule");
	return row;
}

/** Touchpoints named in conditions must be the organization's (400 otherwise). */
async function assertConditionsInOrg(db: Db | Tx, organizationId: string, conditions: CaseRuleConditions) {
	const ids = conditions.touchpointIds ?? [];
	const known = await touchpointDepartments(db, organizationId, ids);
	if (known.size !== new Set(ids).size) {
		throw invalid("conditions.touchpointIds: unknown touchpoint", {
			fields: [{ field: "conditions.touchpointIds", message: "Unknown touchpoint" }],
		});
	}
}

export async function findCaseRules(ctx: Ctx): Promise<CaseRuleView[]> {
	const rows = await ctx.db
		.select()
		.from(caseRules)
		.where(eq(caseRules.organizationId, ctx.organizationId))
		.orderBy(asc(caseRules.position), asc(caseRules.createdAt));
	return rows.map(toView);
}

export async function createCaseRule(ctx: Ctx, input: CreateCaseRuleInput): Promise<CaseRuleView> {
	return ctx.db.transaction(async (tx) => {
		if (input.departmentId) await getDepartmentInOrg(tx, ctx.organizationId, input.departmentId);
		await assertConditionsInOrg(tx, ctx.organizationId, input.conditions);
		const [last] = await tx
			.select({ n: max(caseRules.position) })
			.from(caseRules)
			.where(eq(caseRules.organizationId, ctx.organizationId));
		const [row] = await tx
			.insert(caseRules)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				enabled: input.enabled,
				position: (last?.n ?? -1) + 1,
				conditions: input.conditions,
				priority: input.priority,
				departmentId: input.departmentId ?? null,
				autoAssign: input.autoAssign,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("rule not written");
		await recordAudit(tx, ctx, "case_rule.created", { type: "case_rule", id: row.id }, input);
		return toView(row);
	});
}

export async function updateCaseRule(ctx: Ctx, id: string, input: UpdateCaseRuleInput): Promise<CaseRuleView> {
	return ctx.db.transaction(async (tx) => {
		await getRuleInOrg(tx, ctx.organizationId, id);
		if (input.departmentId) await getDepartmentInOrg(tx, ctx.organizationId, input.departmentId);
		if (input.conditions) await assertConditionsInOrg(tx, ctx.organizationId, input.conditions);
		const [row] = await tx
			.update(caseRules)
			.set({ ...input, updatedAt: ctx.now })
			.where(and(eq(caseRules.organizationId, ctx.organizationId), eq(caseRules.id, id)))
			.returning();
		if (!row) throw notFound("Rule");
		await recordAudit(tx, ctx, "case_rule.updated", { type: "case_rule", id }, input);
		return toView(row);
	});
}

export async function reorderCaseRules(ctx: Ctx, input: ReorderCaseRulesInput): Promise<CaseRuleView[]> {
	await ctx.db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: caseRules.id })
			.from(caseRules)
			.where(eq(caseRules.organizationId, ctx.organizationId));
		const all = new Set(rows.map((r) => r.id));
		if (
			input.ruleIds.length !== all.size ||
			new Set(input.ruleIds).size !== all.size ||
			!input.ruleIds.every((id) => all.has(id))
		) {
			throw invalid("ruleIds: list every rule of the organization exactly once");
		}
		for (const [position, id] of input.ruleIds.entries()) {
			await tx
				.update(caseRules)
				.set({ position, updatedAt: ctx.now })
				.where(and(eq(caseRules.organizationId, ctx.organizationId), eq(caseRules.id, id)));
		}
		await recordAudit(tx, ctx, "case_rule.reordered", { type: "case_rule", id: null }, input);
	});
	return findCaseRules(ctx);
}

/** Cases opened by the rule keep existing (their rule_id becomes null). */
export async function deleteCaseRule(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getRuleInOrg(tx, ctx.organizationId, id);
		await tx.delete(caseRules).where(and(eq(caseRules.organizationId, ctx.organizationId), eq(caseRules.id, id)));
		await recordAudit(tx, ctx, "case_rule.deleted", { type: "case_rule", id });
	});
}
