// HTTP routes of the key driver analysis: read a stored result, ask for a recomputation.
import { createRoute } from "@hono/zod-openapi";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import { DriverResultView, DriversQuery, RecomputeDriversInput, RecomputeDriversView } from "../contract-drivers";
import { getDriverResult, requestDriverRecompute } from "../service/drivers";

const tags = ["Insights"];

export const driverRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/analytics/drivers",
			tags,
			summary:
				"The stored key driver analysis (themes or touchpoints) of a period, with n, R² and when it was computed",
			request: { query: DriversQuery },
			responses: {
				200: jsonResponse(DriverResultView, "The stored analysis (status missing when never computed)"),
				...errorResponses,
			},
		}),
		async (c) => c.json(await getDriverResult(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/analytics/drivers/recompute",
			tags,
			summary: "Recompute the key driver analysis in the background (analyst and up)",
			request: jsonBody(RecomputeDriversInput),
			responses: { 202: jsonResponse(RecomputeDriversView, "Queued"), ...errorResponses },
		}),
		async (c) => c.json(await requestDriverRecompute(ctxOf(c, "analytics.manage"), c.req.valid("json")), 202),
	);
