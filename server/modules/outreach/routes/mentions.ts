// HTTP routes of mentions: import from CSV or JSON into a touchpoint (deduplicated), list and read.
import { createRoute, z } from "@hono/zod-openapi";
import { pageOf } from "../../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import { ImportMentionsInput, ImportReport, MentionQuery, MentionView } from "../contract";
import { importMentions } from "../service/import-mentions";
import { findMentions, getMention } from "../service/mentions";

const tags = ["Mentions"];

export const mentionRoutes = createRouter()
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/mentions/import",
			tags,
			summary: "Import reviews and posts (CSV or JSON) into a touchpoint; deduplicated by source + source id",
			description:
				"CSV columns: source, source_id, author, rating, text, published_at (ISO or dd.mm.yyyy), url, language. " +
				"Known mentions get only changed fields (a changed text is analysed again); identical ones are skipped. " +
				"Any error → 400 with the ImportReport in error.details and nothing written.",
			request: jsonBody(ImportMentionsInput),
			responses: { 200: jsonResponse(ImportReport, "Imported (or, for a dry run, validated)"), ...errorResponses },
		}),
		async (c) => c.json(await importMentions(ctxOf(c, "outreach.write"), c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/mentions",
			tags,
			summary: "Mentions, newest first; filter by touchpoint, source, time, text, sentiment",
			request: { query: MentionQuery },
			responses: { 200: jsonResponse(pageOf(MentionView), "A page of mentions"), ...errorResponses },
		}),
		async (c) => c.json(await findMentions(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/mentions/{id}",
			tags,
			summary: "A mention with its analysis",
			request: { params: z.object({ id: z.uuid() }) },
			responses: { 200: jsonResponse(MentionView, "The mention"), ...errorResponses },
		}),
		async (c) => c.json(await getMention(ctxOf(c), c.req.valid("param").id), 200),
	);
