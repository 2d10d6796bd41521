// Sites (websites and apps with a public key for the widget, tracker and public ingestion).
import { createRoute } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import { CreateSiteInput, IdParam, SiteView, UpdateSiteInput } from "../contract";
import { createSite, deleteSite, findSites, updateSite } from "../service/sites";

const tags = ["Sites"];

export const siteRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/sites",
			tags,
			summary: "Websites and apps that send feedback and behaviour",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(SiteView), "A page of sites"), ...errorResponses },
		}),
		async (c) => c.json(await findSites(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/sites",
			tags,
			summary: "Add a site; its public key goes into the script tag",
			request: jsonBody(CreateSiteInput),
			responses: { 201: jsonResponse(SiteView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createSite(ctxOf(c, "organization.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/sites/{id}",
			tags,
			summary: "Rename a site or change its allowed origins",
			request: { params: IdParam, ...jsonBody(UpdateSiteInput) },
			responses: { 200: jsonResponse(SiteView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateSite(ctxOf(c, "organization.write"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/sites/{id}",
			tags,
			summary: "Delete a site (its key stops working)",
			request: { params: IdParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteSite(ctxOf(c, "organization.write"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	);
