// Behaviour reports (all read from daily rollups), unmapped-page suggestions, real-time visitors, session paths.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, ctxOf, errorResponses, jsonResponse } from "../../../platform/http";
import {
	OverviewView,
	PathsView,
	RealtimeView,
	ReportQuery,
	SearchReportView,
	SessionPathView,
	SlowPagesView,
	UnmappedPagesView,
} from "../contract";
import { getBehaviourOverview } from "../service/overview";
import { getPaths } from "../service/paths";
import { getRealtimeVisitors } from "../service/realtime";
import { getSearchReport } from "../service/search";
import { findSessionPath } from "../service/session-path";
import { getSlowPages } from "../service/slow-pages";
import { findUnmappedPages } from "../service/unmapped";

const tags = ["Behaviour"];

export const behaviourReportRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/behaviour/overview",
			tags,
			summary: "Traffic and engaged time per touchpoint and page; entry and exit pages",
			request: { query: ReportQuery },
			responses: { 200: jsonResponse(OverviewView, "The overview"), ...errorResponses },
		}),
		async (c) => c.json(await getBehaviourOverview(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/behaviour/search",
			tags,
			summary: "Site search: top queries, zero-result queries, search exits",
			request: { query: ReportQuery },
			responses: { 200: jsonResponse(SearchReportView, "The search report"), ...errorResponses },
		}),
		async (c) => c.json(await getSearchReport(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/behaviour/slow-pages",
			tags,
			summary: "p75 LCP/INP/CLS/TTFB/load per page against Google's thresholds, with the page's touchpoint",
			request: { query: ReportQuery },
			responses: { 200: jsonResponse(SlowPagesView, "Slowest pages first"), ...errorResponses },
		}),
		async (c) => c.json(await getSlowPages(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/behaviour/paths",
			tags,
			summary: "Transitions between touchpoints (entry → … → exit), the busiest first",
			request: { query: ReportQuery },
			responses: { 200: jsonResponse(PathsView, "Nodes and links"), ...errorResponses },
		}),
		async (c) => c.json(await getPaths(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/behaviour/realtime",
			tags,
			summary: "Visitors (distinct sessions) of the last five minutes",
			responses: { 200: jsonResponse(RealtimeView, "Real-time visitors"), ...errorResponses },
		}),
		async (c) => c.json(await getRealtimeVisitors(ctxOf(c)), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/behaviour/unmapped-pages",
			tags,
			summary: "Busy pages no touchpoint's URL pattern covers, with a suggested pattern",
			request: { query: ReportQuery },
			responses: { 200: jsonResponse(UnmappedPagesView, "Unmapped pages"), ...errorResponses },
		}),
		async (c) => c.json(await findUnmappedPages(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/sessions/{sessionId}/path",
			tags,
			summary: "A session's events in order (e.g. for a survey response given in that session)",
			request: { params: z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }) },
			responses: { 200: jsonResponse(SessionPathView, "The session's path"), ...errorResponses },
		}),
		async (c) => c.json(await findSessionPath(ctxOf(c), c.req.valid("param").sessionId), 200),
	);
