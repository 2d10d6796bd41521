// Fired alerts: the list with evidence and delivery status, acknowledging and resolving, and the dashboard widget.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Page } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type { AlertDeliveryView, AlertQuery, AlertView, UpdateAlertInput } from "../contract-alerts";
import type { WidgetData } from "../contract-dashboards";
import { alertDeliveries, alertRules, alerts } from "../schema-dashboards";

type AlertRow = typeof alerts.$inferSelect;
type DeliveryRow = typeof alertDeliveries.$inferSelect;

const toDeliveryView = (row: DeliveryRow): AlertDeliveryView => ({
	channel: row.channel,
	target: row.target,
	status: row.status,
	attempts: row.attempts,
	lastStatusCode: row.lastStatusCode,
	lastError: row.lastError,
	deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

export const toAlertView = (row: AlertRow, ruleName: string | null, deliveries: DeliveryRow[]): AlertView => ({
	id: row.id,
	ruleId: row.ruleId,
	ruleName,
	kind: row.kind,
	touchpointId: row.touchpointId,
	theme: row.theme,
	evidence: row.evidence,
	pValue: row.pValue,
	qValue: row.qValue,
	status: row.status,
	statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
	firstSeenAt: row.firstSeenAt.toISOString(),
	lastSeenAt: row.lastSeenAt.toISOString(),
	clearedAt: row.clearedAt?.toISOString() ?? null,
	deliveries: deliveries.map(toDeliveryView),
});

async function viewsOf(db: Db, rows: { alert: AlertRow; ruleName: string | null }[]): Promise<Map<string, AlertView>> {
	const ids = rows.map((r) => r.alert.id);
	const deliveries = ids.length
		? await db.select().from(alertDeliveries).where(inArray(alertDeliveries.alertId, ids))
		: [];
	return new Map(
		rows.map((r) => [
			r.alert.id,
			toAlertView(
				r.alert,
				r.ruleName,
				deliveries.filter((d) => d.alertId === r.alert.id),
			),
		]),
	);
}

const statusWhere = (status: AlertQuery["status"]) =>
	status === "active"
		? inArray(alerts.status, ["open", "acknowledged"])
		: status
			? eq(alerts.status, status)
			: undefined;

export async function findAlerts(ctx: Ctx, query: AlertQuery): Promise<Page<AlertView>> {
	const rows = await ctx.db
		.select({ alert: alerts, ruleName: alertRules.name })
		.from(alerts)
		.leftJoin(alertRules, eq(alertRules.id, alerts.ruleId))
		.where(
			and(
				eq(alerts.organizationId, ctx.organizationId),
				statusWhere(query.status),
				afterCursor(query.cursor, { column: alerts.firstSeenAt, kind: "time" }, alerts.id, "desc"),
			),
		)
		.orderBy(desc(alerts.firstSeenAt), desc(alerts.id))
		.limit(query.limit + 1);
	const views = await viewsOf(ctx.db, rows.slice(0, query.limit));
	return toPage(
		rows,
		query.limit,
		(r) => views.get(r.alert.id) as AlertView,
		(r) => [r.alert.firstSeenAt, r.alert.id],
	);
}

export async function getAlert(ctx: Ctx, id: string): Promise<AlertView> {
	const [row] = await ctx.db
		.select({ alert: alerts, ruleName: alertRules.name })
		.from(alerts)
		.leftJoin(alertRules, eq(alertRules.id, alerts.ruleId))
		.where(and(eq(alerts.organizationId, ctx.organizationId), eq(alerts.id, id)));
	if (!row) throw notFound("Alert");
	return (await viewsOf(ctx.db, [row])).get(id) as AlertView;
}

/** Acknowledge (someone is on it), resolve (done) or reopen; the condition itself is tracked by the evaluation. */
export async function updateAlertStatus(ctx: Ctx, id: string, input: UpdateAlertInput): Promise<AlertView> {
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(alerts)
			.set({
				status: input.status,
				statusChangedAt: ctx.now,
				statusChangedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
			})
			.where(and(eq(alerts.organizationId, ctx.organizationId), eq(alerts.id, id)))
			.returning({ id: alerts.id });
		if (!row) throw notFound("Alert");
		await recordAudit(tx, ctx, `alert.${input.status}`, { type: "alert", id });
	});
	return getAlert(ctx, id);
}

/** Open and acknowledged alerts whose condition still holds, newest first (the dashboard's alerts widget). */
export async function findOpenAlertsForWidget(
	ctx: Ctx,
	limit: number,
): Promise<Extract<WidgetData, { kind: "alerts" }>> {
	const where = and(
		eq(alerts.organizationId, ctx.organizationId),
		inArray(alerts.status, ["open", "acknowledged"]),
		isNull(alerts.clearedAt),
	);
	const rows = await ctx.db
		.select()
		.from(alerts)
		.where(where)
		.orderBy(desc(alerts.firstSeenAt), desc(alerts.id))
		.limit(100);
	return {
		kind: "alerts",
		openCount: rows.length,
		items: rows.slice(0, limit).map((row) => ({
			id: row.id,
			kind: row.kind,
			touchpoint: row.evidence.touchpointName,
			theme: row.evidence.themeLabel?.en ?? row.theme,
			current: row.evidence.current,
			previous: row.evidence.previous,
			difference: row.evidence.difference,
			qValue: row.qValue,
			status: row.status,
			firstSeenAt: row.firstSeenAt.toISOString(),
		})),
	};
}

/** Touchpoints with an open or acknowledged alert whose condition still holds, with the alert's kind. */
export async function findAlertedTouchpoints(ctx: Ctx): Promise<Map<string, string>> {
	const rows = await ctx.db
		.select({ touchpointId: alerts.touchpointId, kind: alerts.kind })
		.from(alerts)
		.where(
			and(
				eq(alerts.organizationId, ctx.organizationId),
				inArray(alerts.status, ["open", "acknowledged"]),
				isNull(alerts.clearedAt),
			),
		)
		.orderBy(desc(alerts.firstSeenAt))
		.limit(500);
	const byTouchpoint = new Map<string, string>();
	for (const row of rows)
		if (row.touchpointId && !byTouchpoint.has(row.touchpointId)) byTouchpoint.set(row.touchpointId, row.kind);
	return byTouchpoint;
}
