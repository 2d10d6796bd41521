// HTTP routes of the response explorer: list, detail, CSV/XLSX export, and aggregated survey results.
import { createRoute, z } from "@hono/zod-openapi";
import { pageOf } from "../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonResponse } from "../../platform/http";
import {
	ResponseDetailView,
	ResponseExportQuery,
	ResponseQuery,
	ResponseView,
	SurveyResultsQuery,
	SurveyResultsView,
} from "./contract";
import { getResponse } from "./service/detail";
import { findResponses } from "./service/explore";
import { exportResponsesCsv, exportResponsesXlsx } from "./service/export";
import { getSurveyResults } from "./service/results";

const tags = ["Responses"];
const IdParam = z.object({ id: z.uuid() });

const stamp = (at: Date) => at.toISOString().slice(0, 10);

export const responseRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/responses",
			tags,
			summary: "Customer responses, newest first (keyset pages), filtered; employee responses only in results",
			request: { query: ResponseQuery },
			responses: { 200: jsonResponse(pageOf(ResponseView), "A page of responses"), ...errorResponses },
		}),
		async (c) => c.json(await findResponses(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/responses/export.csv",
			tags,
			summary: "The filtered responses as CSV (UTF-8, streamed; formula-safe cells)",
			request: { query: ResponseExportQuery },
			responses: { 200: { content: { "text/csv": { schema: z.string() } }, description: "CSV" }, ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c, "responses.export");
			const body = await exportResponsesCsv(ctx, c.req.valid("query"));
			return c.body(body, 200, {
				"content-type": "text/csv; charset=utf-8",
				"content-disposition": `attachment; filename="responses-${stamp(ctx.now)}.csv"`,
			});
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/responses/export.xlsx",
			tags,
			summary: "The filtered responses as an Excel workbook (streamed; formula-safe cells)",
			request: { query: ResponseExportQuery },
			responses: {
				200: {
					content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.any() } },
					description: "XLSX",
				},
				...errorResponses,
			},
		}),
		async (c) => {
			const ctx = ctxOf(c, "responses.export");
			const body = await exportResponsesXlsx(ctx, c.req.valid("query"));
			return c.body(body, 200, {
				"content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"content-disposition": `attachment; filename="responses-${stamp(ctx.now)}.xlsx"`,
			});
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/responses/{id}",
			tags,
			summary: "A customer response with its questions in the respondent's language and version",
			request: { params: IdParam },
			responses: { 200: jsonResponse(ResponseDetailView, "The response"), ...errorResponses },
		}),
		async (c) => c.json(await getResponse(ctxOf(c), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/surveys/{id}/results",
			tags,
			summary: "Aggregated results of completed responses (employee surveys: groups below 5 suppressed)",
			request: { params: IdParam, query: SurveyResultsQuery },
			responses: { 200: jsonResponse(SurveyResultsView, "Results"), ...errorResponses },
		}),
		async (c) => c.json(await getSurveyResults(ctxOf(c), c.req.valid("param").id, c.req.valid("query")), 200),
	);
