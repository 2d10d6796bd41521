// HTTP routes of the inbox: list, detail (with ETag), open by hand, change (If-Match), bulk change, notes.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import {
	AddCaseNoteInput,
	BulkCaseInput,
	BulkCaseResultView,
	CaseDetailView,
	CaseListQuery,
	CaseListView,
	CaseMessageView,
	CaseView,
	OpenCaseInput,
	UpdateCaseInput,
} from "../contract";
import { getCaseDetail } from "../service/detail";
import { findCases } from "../service/list";
import { addCaseNote } from "../service/notes";
import { openCase } from "../service/open-case";
import { bulkChangeCases, etagOf, parseIfMatch, updateCase } from "../service/transitions";
import { caseCtxOf } from "./context";

const tags = ["Cases"];
const IdParam = z.object({ id: z.uuid() });
const conflictResponse = { 409: { description: "Changed by someone else (If-Match is not the current version)" } };

export const caseRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases",
			tags,
			summary: "Cases, newest first, with filters and per-status counts",
			request: { query: CaseListQuery },
			responses: { 200: jsonResponse(CaseListView, "A page of cases"), ...errorResponses },
		}),
		async (c) => c.json(await findCases(ctxOf(c, "cases.read"), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases",
			tags,
			summary: "Open a case by hand",
			request: jsonBody(OpenCaseInput),
			responses: { 201: jsonResponse(CaseView, "Opened"), ...errorResponses, ...conflictResponse },
		}),
		async (c) => {
			const view = await openCase(caseCtxOf(c, "cases.work"), c.req.valid("json"));
			c.header("ETag", etagOf(view.version));
			return c.json(view, 201);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/bulk",
			tags,
			summary: "One change (assign, status, priority, tags) to many cases; each case succeeds or fails on its own",
			request: jsonBody(BulkCaseInput),
			responses: { 200: jsonResponse(BulkCaseResultView, "Per-case results"), ...errorResponses },
		}),
		async (c) => c.json(await bulkChangeCases(caseCtxOf(c, "cases.work"), c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/{id}",
			tags,
			summary: "A case with history, messages, linked feedback and the customer's history (ETag: its version)",
			request: { params: IdParam },
			responses: { 200: jsonResponse(CaseDetailView, "The case"), ...errorResponses },
		}),
		async (c) => {
			const view = await getCaseDetail(ctxOf(c, "cases.read"), c.req.valid("param").id);
			c.header("ETag", etagOf(view.version));
			return c.json(view, 200);
		},
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/cases/{id}",
			tags,
			summary: "Change status, priority, assignee, department, tags, root cause, resolution note or agent time",
			description:
				'Send `If-Match: W/"<version>"` (the ETag of GET). Transitions: new→open|waiting|resolved, open→waiting|resolved, ' +
				"waiting→open|resolved, resolved→closed|open, closed→open (reopen). Resolving needs a root cause.",
			request: {
				params: IdParam,
				headers: z.object({ "if-match": z.string().optional() }),
				...jsonBody(UpdateCaseInput),
			},
			responses: { 200: jsonResponse(CaseView, "Updated"), ...errorResponses, ...conflictResponse },
		}),
		async (c) => {
			const ifMatch = parseIfMatch(c.req.header("if-match"));
			const view = await updateCase(caseCtxOf(c, "cases.work"), c.req.valid("param").id, c.req.valid("json"), ifMatch);
			c.header("ETag", etagOf(view.version));
			return c.json(view, 200);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/{id}/notes",
			tags,
			summary: "Add an internal note",
			request: { params: IdParam, ...jsonBody(AddCaseNoteInput) },
			responses: { 201: jsonResponse(CaseMessageView, "Added"), ...errorResponses },
		}),
		async (c) =>
			c.json(await addCaseNote(caseCtxOf(c, "cases.work"), c.req.valid("param").id, c.req.valid("json")), 201),
	);
