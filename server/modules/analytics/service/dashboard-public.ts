// The read-only view behind a share link: the dashboard's widgets and data, without the ids of anything it names
// (touchpoints, journeys, surveys, alerts), so a link shows what the dashboard shows and nothing to probe further.
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { Logger } from "../../../platform/logging";
import type { DashboardDataView, PublicDashboardView, Widget, WidgetData } from "../contract-dashboards";
import { resolveDashboardData } from "./dashboard-data";
import { dashboardOfToken } from "./dashboard-shares";
import { readableWidgets } from "./dashboards";

type PublicEnv = { db: Db; jobs: Jobs; log: Logger; now: Date };

function withoutIds(widget: Widget): Widget {
	switch (widget.kind) {
		case "kpi":
		case "series":
		case "volume":
			return { ...widget, filter: {} };
		case "journey_heatmap":
		case "pain_points": {
			const { journeyId: _, ...rest } = widget;
			return rest;
		}
		case "themes": {
			const { touchpointIds: _, ...rest } = widget;
			return rest;
		}
		case "alerts":
		case "case_metrics":
			return widget;
	}
}

function dataWithoutIds(data: WidgetData): WidgetData {
	switch (data.kind) {
		case "journey_heatmap":
			return {
				...data,
				stages: data.stages.map((stage, s) => ({
					...stage,
					touchpoints: stage.touchpoints.map((cell, t) => ({ ...cell, touchpointId: `tp-${s}-${t}` })),
				})),
			};
		case "pain_points":
			return { ...data, items: data.items.map((item, i) => ({ ...item, touchpointId: `pp-${i}` })) };
		case "alerts":
			return { ...data, items: data.items.map((item, i) => ({ ...item, id: `alert-${i}` })) };
		default:
			return data;
	}
}

export async function getSharedDashboard(db: Db, token: string, now: Date): Promise<PublicDashboardView> {
	const dashboard = await dashboardOfToken(db, token, now);
	return { name: dashboard.name, widgets: readableWidgets(dashboard.widgets).map(withoutIds) };
}

export async function getSharedDashboardData(env: PublicEnv, token: string): Promise<DashboardDataView> {
	const dashboard = await dashboardOfToken(env.db, token, env.now);
	const ctx: Ctx = { ...env, organizationId: dashboard.organizationId, actor: { type: "public" } };
	const view = await resolveDashboardData(ctx, dashboard);
	return {
		...view,
		widgets: view.widgets.map(withoutIds),
		data: Object.fromEntries(
			Object.entries(view.data).map(([id, data]) => [id, "kind" in data ? dataWithoutIds(data) : data]),
		),
	};
}
