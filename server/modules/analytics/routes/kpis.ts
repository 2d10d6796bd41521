// HTTP routes of KPIs and touchpoint changes (read from the daily rollups).
import { createRoute } from "@hono/zod-openapi";
import { createRouter, ctxOf, errorResponses, jsonResponse } from "../../../platform/http";
import { ChangesQuery, ChangesView, KpiQuery, KpiReportView } from "../contract";
import { getTouchpointChanges } from "../service/changes";
import { getKpiReport } from "../service/report";

const tags = ["Insights"];

export const kpiRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/analytics/kpis",
			tags,
			summary: "NPS, CSAT, CES, sentiment, complaint and response rate with 95 % intervals, series, previous period",
			description:
				"Intervals: NPS from the variance of the promoter/detractor trinomial, shares by Wilson, CES mean by t. " +
				"Changes against the previous period of the same length: NPS difference test, two-proportion z-test, Welch t.",
			request: { query: KpiQuery },
			responses: { 200: jsonResponse(KpiReportView, "The KPI report"), ...errorResponses },
		}),
		async (c) => c.json(await getKpiReport(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/analytics/changes",
			tags,
			summary: "Touchpoints whose metric changed against the previous period (Benjamini–Hochberg across touchpoints)",
			request: { query: ChangesQuery },
			responses: { 200: jsonResponse(ChangesView, "Significant changes first"), ...errorResponses },
		}),
		async (c) => c.json(await getTouchpointChanges(ctxOf(c), c.req.valid("query")), 200),
	);
