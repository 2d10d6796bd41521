// Demo dashboards and alerts: the default alert rules evaluated on the seeded rollups (the delivery drop fires), and a
// logistics dashboard beside the executive one, so the switcher, targets and the alert list have something to show.
import { evaluateAlerts } from "../modules/analytics/service/alert-evaluate";
import { createDashboard } from "../modules/analytics/service/dashboards";
import { findJourneys, getJourney } from "../modules/journey/service/journeys";
import type { Ctx } from "../platform/context";

export async function seedDemoDashboards(ctx: Ctx): Promise<void> {
	const [journey] = (await findJourneys(ctx, { limit: 1 })).items;
	const touchpoints = journey ? (await getJourney(ctx, journey.id)).stages.flatMap((s) => s.touchpoints) : [];
	const idOf = (name: string) => touchpoints.find((t) => t.name === name)?.id;
	const delivery = idOf("Lieferung");
	const returns = idOf("Retoure");
	if (delivery && returns) {
		await createDashboard(ctx, {
			name: "Logistik",
			widgets: [
				{
					id: "delivery-nps",
					kind: "kpi",
					size: "small",
					metric: "nps",
					periodDays: 28,
					filter: { touchpointIds: [delivery] },
					target: 40,
				},
				{
					id: "delivery-detractors",
					kind: "kpi",
					size: "small",
					metric: "detractorShare",
					periodDays: 28,
					filter: { touchpointIds: [delivery] },
					target: 15,
				},
				{
					id: "returns-ces",
					kind: "kpi",
					size: "small",
					metric: "ces",
					periodDays: 28,
					filter: { touchpointIds: [returns] },
				},
				{
					id: "delivery-trend",
					kind: "series",
					size: "large",
					metric: "nps",
					interval: "week",
					periodDays: 182,
					filter: { touchpointIds: [delivery] },
					target: 40,
				},
				{
					id: "delivery-themes",
					kind: "themes",
					size: "medium",
					periodDays: 28,
					touchpointIds: [delivery, returns],
					limit: 8,
				},
				{ id: "alerts", kind: "alerts", size: "medium", limit: 5 },
			],
		});
	}
	await evaluateAlerts({ db: ctx.db, jobs: ctx.jobs, log: ctx.log, publicUrl: "" }, ctx.organizationId, ctx.now);
}
