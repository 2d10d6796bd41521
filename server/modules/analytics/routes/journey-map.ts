// HTTP route of the journey map (read from the daily rollups and the behaviour rollups).
import { createRoute } from "@hono/zod-openapi";
import { createRouter, ctxOf, errorResponses, jsonResponse } from "../../../platform/http";
import { JourneyMapQuery, JourneyMapView } from "../contract";
import { getJourneyMap } from "../service/journey-map";

export const journeyMapRoutes = createRouter().openapi(
	createRoute({
		method: "get",
		path: "/api/v1/analytics/journey-map",
		tags: ["Insights"],
		summary: "Stages × touchpoints: KPIs, volume, trend, negative themes, behaviour signals and ranked pain points",
		description:
			"Pain points are ranked by impact = affected × gap / 100: affected = the touchpoint's answers of its main " +
			"metric in the period, gap = journey average − touchpoint score in index points (NPS points; CSAT top-2 " +
			"points × 2; CES scale points × 100/3), i.e. how many customers × how much worse than the journey average.",
		request: { query: JourneyMapQuery },
		responses: { 200: jsonResponse(JourneyMapView, "The journey map"), ...errorResponses },
	}),
	async (c) => c.json(await getJourneyMap(ctxOf(c), c.req.valid("query")), 200),
);
