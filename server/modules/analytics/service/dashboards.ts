// Dashboards: CRUD with validated widgets, and the organization's executive dashboard (created on first read).
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid, notFound } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import { findTouchpointNames, getJourneyInOrg } from "../../journey/service/load";
import { getSurveyInOrg } from "../../surveys/service/load";
import type {
	CreateDashboardInput,
	DashboardListView,
	DashboardView,
	UpdateDashboardInput,
	Widget,
} from "../contract-dashboards";
import { Widget as WidgetSchema } from "../contract-dashboards";
import { dashboards } from "../schema-dashboards";

export type DashboardRow = typeof dashboards.$inferSelect;

export const toDashboardView = (row: DashboardRow): DashboardView => ({
	id: row.id,
	name: row.name,
	isDefault: row.isDefault,
	ownerId: row.ownerId,
	widgets: row.widgets,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

/**
 * The executive dashboard every organization starts with: where it hurts, whether it is real, what is alerting, and
 * whether the loop gets closed (case metrics, issue #7). Organizations whose dashboard is already stored keep theirs.
 */
export const EXECUTIVE_WIDGETS: Widget[] = [
	{ id: "nps", kind: "kpi", size: "small", metric: "nps", periodDays: 28, filter: {}, target: 40 },
	{ id: "csat", kind: "kpi", size: "small", metric: "csat", periodDays: 28, filter: {}, target: 60 },
	{ id: "alerts", kind: "alerts", size: "small", limit: 3 },
	{
		id: "nps-trend",
		kind: "series",
		size: "large",
		metric: "nps",
		interval: "week",
		periodDays: 182,
		filter: {},
		target: 40,
	},
	{ id: "journey", kind: "journey_heatmap", size: "large", metric: "score", periodDays: 28 },
	{ id: "pain-points", kind: "pain_points", size: "medium", periodDays: 28, limit: 5 },
	{ id: "themes", kind: "themes", size: "medium", periodDays: 28, limit: 8 },
	{ id: "cases", kind: "case_metrics", size: "medium", periodDays: 28 },
	{ id: "volume", kind: "volume", size: "medium", interval: "week", periodDays: 182, filter: {} },
];

/** Named in the organization's language; the app shows its own translation of "executive dashboard" anyway. */
async function ensureDefaultDashboard(ctx: Ctx): Promise<void> {
	const { rows } = (await ctx.db.execute(
		sql`select default_language from organizations where id = ${ctx.organizationId}`,
	)) as unknown as { rows: { default_language: string }[] };
	await ctx.db
		.insert(dashboards)
		.values({
			organizationId: ctx.organizationId,
			name: rows[0]?.default_language === "en" ? "Executive dashboard" : "Management-Dashboard",
			isDefault: true,
			widgets: EXECUTIVE_WIDGETS,
			createdAt: ctx.now,
			updatedAt: ctx.now,
		})
		.onConflictDoNothing();
}

export async function getDashboardInOrg(db: Db, organizationId: string, id: string): Promise<DashboardRow> {
	const [row] = await db
		.select()
		.from(dashboards)
		.where(and(eq(dashboards.organizationId, organizationId), eq(dashboards.id, id)));
	if (!row) throw notFound("Dashboard");
	return row;
}

export async function findDashboards(ctx: Ctx): Promise<DashboardListView> {
	await ensureDefaultDashboard(ctx);
	const rows = await ctx.db
		.select()
		.from(dashboards)
		.where(eq(dashboards.organizationId, ctx.organizationId))
		.orderBy(desc(dashboards.isDefault), asc(dashboards.name), asc(dashboards.id))
		.limit(200);
	return {
		items: rows.map((row) => {
			const { widgets: _, ...view } = toDashboardView(row);
			return view;
		}),
	};
}

export async function getDashboard(ctx: Ctx, id: string): Promise<DashboardView> {
	return toDashboardView(await getDashboardInOrg(ctx.db, ctx.organizationId, id));
}

/** Every id a widget names must be the organization's: a dashboard can never show another tenant's data. */
async function assertWidgetReferences(ctx: Ctx, widgets: Widget[]): Promise<void> {
	const touchpointIds = new Set<string>();
	const journeyIds = new Set<string>();
	const stageIds = new Set<string>();
	const surveyIds = new Set<string>();
	for (const widget of widgets) {
		if ("filter" in widget) {
			for (const id of widget.filter.touchpointIds ?? []) touchpointIds.add(id);
			if (widget.filter.journeyId) journeyIds.add(widget.filter.journeyId);
			if (widget.filter.stageId) stageIds.add(widget.filter.stageId);
			if (widget.filter.surveyId) surveyIds.add(widget.filter.surveyId);
		}
		if ("journeyId" in widget && widget.journeyId) journeyIds.add(widget.journeyId);
		if (widget.kind === "themes") for (const id of widget.touchpointIds ?? []) touchpointIds.add(id);
	}
	const names = await findTouchpointNames(ctx.db, ctx.organizationId, [...touchpointIds]);
	const unknown = [...touchpointIds].filter((id) => !names.has(id));
	if (unknown.length > 0) throw invalid("widgets: a touchpoint id is not one of this organization's touchpoints");
	for (const id of journeyIds) await getJourneyInOrg(ctx.db, ctx.organizationId, id).catch(() => rethrow("journey"));
	for (const id of surveyIds) await getSurveyInOrg(ctx.db, ctx.organizationId, id).catch(() => rethrow("survey"));
	for (const id of stageIds) {
		const result = (await ctx.db.execute(
			sql`select 1 from stages where organization_id = ${ctx.organizationId} and id = ${id}`,
		)) as unknown as { rows: unknown[] };
		if (result.rows.length === 0) rethrow("stage");
	}
}

function rethrow(what: string): never {
	throw invalid(`widgets: a ${what} id is not one of this organization's`);
}

export async function createDashboard(ctx: Ctx, input: CreateDashboardInput): Promise<DashboardView> {
	await assertWidgetReferences(ctx, input.widgets);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(dashboards)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				ownerId: ctx.actor.type === "user" ? ctx.actor.userId : null,
				widgets: input.widgets,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("dashboard not written");
		await recordAudit(tx, ctx, "dashboard.created", { type: "dashboard", id: row.id }, { name: input.name });
		return toDashboardView(row);
	});
}

export async function updateDashboard(ctx: Ctx, id: string, input: UpdateDashboardInput): Promise<DashboardView> {
	await getDashboardInOrg(ctx.db, ctx.organizationId, id);
	if (input.widgets) await assertWidgetReferences(ctx, input.widgets);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(dashboards)
			.set({
				...(input.name === undefined ? {} : { name: input.name }),
				...(input.widgets === undefined ? {} : { widgets: input.widgets }),
				updatedAt: ctx.now,
			})
			.where(and(eq(dashboards.organizationId, ctx.organizationId), eq(dashboards.id, id)))
			.returning();
		if (!row) throw notFound("Dashboard");
		await recordAudit(tx, ctx, "dashboard.updated", { type: "dashboard", id }, { fields: Object.keys(input) });
		return toDashboardView(row);
	});
}

/** Deletes a dashboard and its share links; the executive dashboard can be edited but not deleted. */
export async function deleteDashboard(ctx: Ctx, id: string): Promise<void> {
	const row = await getDashboardInOrg(ctx.db, ctx.organizationId, id);
	if (row.isDefault) throw invalid("The executive dashboard cannot be deleted; edit its widgets instead");
	await ctx.db.transaction(async (tx) => {
		await tx.delete(dashboards).where(and(eq(dashboards.organizationId, ctx.organizationId), eq(dashboards.id, id)));
		await recordAudit(tx, ctx, "dashboard.deleted", { type: "dashboard", id }, { name: row.name });
	});
}

/** Parses widgets stored by an older version leniently: a widget that no longer validates is left out. */
export function readableWidgets(widgets: unknown[]): Widget[] {
	return widgets.flatMap((w) => {
		const parsed = WidgetSchema.safeParse(w);
		return parsed.success ? [parsed.data] : [];
	});
}
