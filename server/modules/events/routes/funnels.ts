// Saved funnels: CRUD and the funnel report (conversion and drop-off per step, optionally per segment).
import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import { CreateFunnelInput, FunnelReportQuery, FunnelReportView, FunnelView, UpdateFunnelInput } from "../contract";
import { createFunnel, deleteFunnel, findFunnels, getFunnel, getFunnelReport, updateFunnel } from "../service/funnels";

const tags = ["Behaviour"];
const FunnelParam = z.object({ funnelId: z.uuid() });

export const funnelRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/funnels",
			tags,
			summary: "Saved funnels, newest first",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(FunnelView), "A page of funnels"), ...errorResponses },
		}),
		async (c) => c.json(await findFunnels(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/funnels",
			tags,
			summary: "Save a funnel; its history is computed in the background",
			request: jsonBody(CreateFunnelInput),
			responses: { 201: jsonResponse(FunnelView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createFunnel(ctxOf(c, "behaviour.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/funnels/{funnelId}",
			tags,
			summary: "A funnel",
			request: { params: FunnelParam },
			responses: { 200: jsonResponse(FunnelView, "The funnel"), ...errorResponses },
		}),
		async (c) => c.json(await getFunnel(ctxOf(c), c.req.valid("param").funnelId), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/funnels/{funnelId}",
			tags,
			summary: "Rename a funnel or change its steps (recomputed in the background)",
			request: { params: FunnelParam, ...jsonBody(UpdateFunnelInput) },
			responses: { 200: jsonResponse(FunnelView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateFunnel(ctxOf(c, "behaviour.write"), c.req.valid("param").funnelId, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/funnels/{funnelId}",
			tags,
			summary: "Delete a funnel",
			request: { params: FunnelParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteFunnel(ctxOf(c, "behaviour.write"), c.req.valid("param").funnelId);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/funnels/{funnelId}/report",
			tags,
			summary: "Sessions per step in order, conversion and drop-off; per device, source or new/returning",
			request: { params: FunnelParam, query: FunnelReportQuery },
			responses: { 200: jsonResponse(FunnelReportView, "The funnel report"), ...errorResponses },
		}),
		async (c) => c.json(await getFunnelReport(ctxOf(c), c.req.valid("param").funnelId, c.req.valid("query")), 200),
	);
