// HTTP routes of dashboards: CRUD, resolved data, share links, PNG/PDF export, and the public read-only share view.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { errorBody, statusOf, toAppError } from "../../../platform/errors";
import {
	type AppEnv,
	clientIp,
	createRouter,
	ctxOf,
	errorResponses,
	jsonBody,
	jsonResponse,
} from "../../../platform/http";
import { RateLimiter } from "../../../platform/rate-limit";
import {
	CreateDashboardInput,
	CreatedShareLinkView,
	CreateShareLinkInput,
	DashboardDataView,
	DashboardListView,
	DashboardView,
	PublicDashboardView,
	ShareLinkView,
	UpdateDashboardInput,
} from "../contract-dashboards";
import { resolveDashboardData } from "../service/dashboard-data";
import { exportDashboard } from "../service/dashboard-export";
import { getSharedDashboard, getSharedDashboardData } from "../service/dashboard-public";
import { createShareLink, findShareLinks, revokeShareLink } from "../service/dashboard-shares";
import {
	createDashboard,
	deleteDashboard,
	findDashboards,
	getDashboard,
	getDashboardInOrg,
	updateDashboard,
} from "../service/dashboards";

const tags = ["Insights: dashboards"];
const BASE = "/api/v1/analytics/dashboards";
const IdParam = z.object({ id: z.uuid() });
const LinkParam = z.object({ id: z.uuid(), linkId: z.uuid() });
const TokenParam = z.object({ token: z.string().min(1).max(100) });

export const dashboardRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: BASE,
			tags,
			summary: "The organization's dashboards, the executive dashboard first (created on first read)",
			responses: { 200: jsonResponse(DashboardListView, "Dashboards"), ...errorResponses },
		}),
		async (c) => c.json(await findDashboards(ctxOf(c)), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: BASE,
			tags,
			summary:
				"Create a dashboard with widgets (KPI cards, series, journey heatmap, pain points, alerts, volume, themes)",
			request: jsonBody(CreateDashboardInput),
			responses: { 201: jsonResponse(DashboardView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createDashboard(ctxOf(c, "analytics.manage"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: `${BASE}/{id}`,
			tags,
			summary: "A dashboard with its widgets",
			request: { params: IdParam },
			responses: { 200: jsonResponse(DashboardView, "Dashboard"), ...errorResponses },
		}),
		async (c) => c.json(await getDashboard(ctxOf(c), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: `${BASE}/{id}`,
			tags,
			summary: "Rename a dashboard or replace its widgets (order, configuration, targets)",
			request: { params: IdParam, ...jsonBody(UpdateDashboardInput) },
			responses: { 200: jsonResponse(DashboardView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateDashboard(ctxOf(c, "analytics.manage"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: `${BASE}/{id}`,
			tags,
			summary: "Delete a dashboard and its share links (not the executive dashboard)",
			request: { params: IdParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteDashboard(ctxOf(c, "analytics.manage"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: `${BASE}/{id}/data`,
			tags,
			summary: "Every widget's data in one call (per widget: values with 95 % intervals, or an error)",
			request: { params: IdParam },
			responses: { 200: jsonResponse(DashboardDataView, "Widget data by widget id"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c);
			const dashboard = await getDashboardInOrg(ctx.db, ctx.organizationId, c.req.valid("param").id);
			return c.json(await resolveDashboardData(ctx, dashboard), 200);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: `${BASE}/{id}/share-links`,
			tags,
			summary: "The dashboard's read-only share links (tokens are shown only when created)",
			request: { params: IdParam },
			responses: { 200: jsonResponse(z.object({ items: z.array(ShareLinkView) }), "Share links"), ...errorResponses },
		}),
		async (c) => c.json(await findShareLinks(ctxOf(c), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: `${BASE}/{id}/share-links`,
			tags,
			summary: "Create a read-only share link (optionally expiring); the answer holds the link once",
			request: { params: IdParam, ...jsonBody(CreateShareLinkInput) },
			responses: { 201: jsonResponse(CreatedShareLinkView, "Created"), ...errorResponses },
		}),
		async (c) => {
			const publicUrl = c.get("services").config.publicUrl;
			const view = await createShareLink(
				ctxOf(c, "analytics.manage"),
				c.req.valid("param").id,
				c.req.valid("json"),
				publicUrl,
			);
			return c.json(view, 201);
		},
	)
	.openapi(
		createRoute({
			method: "delete",
			path: `${BASE}/{id}/share-links/{linkId}`,
			tags,
			summary: "Revoke a share link (it answers 404 from then on)",
			request: { params: LinkParam },
			responses: { 204: { description: "Revoked" }, ...errorResponses },
		}),
		async (c) => {
			const { id, linkId } = c.req.valid("param");
			await revokeShareLink(ctxOf(c, "analytics.manage"), id, linkId);
			return c.body(null, 204);
		},
	);

for (const format of ["png", "pdf"] as const) {
	dashboardRoutes.openapi(
		createRoute({
			method: "get",
			path: `${BASE}/{id}/export.${format}`,
			tags,
			summary: `The dashboard as a ${format.toUpperCase()} file, rendered by the server's headless Chromium (503 without it)`,
			request: { params: IdParam, query: z.object({ lang: z.enum(["de", "en"]).default("de") }) },
			responses: {
				200: {
					description: "The file",
					content: { [format === "png" ? "image/png" : "application/pdf"]: { schema: z.any() } },
				},
				...errorResponses,
				503: { description: "Chromium is not available or rendering failed" },
			},
		}),
		async (c) => {
			const { config } = c.get("services");
			const id = c.req.valid("param").id;
			const file = await exportDashboard(ctxOf(c), id, format, {
				chromiumPath: config.chromiumPath,
				baseUrl: exportBaseUrl(c.req.url, config.publicUrl),
				language: c.req.valid("query").lang,
			});
			return c.body(file as Uint8Array<ArrayBuffer>, 200, {
				"content-type": format === "png" ? "image/png" : "application/pdf",
				"content-disposition": `attachment; filename="dashboard.${format}"`,
				"cache-control": "no-store",
			});
		},
	);
}

const sharedViews = new RateLimiter(120, 60_000);

/** Public routes answer errors themselves: the share page shows "not found" for revoked and expired links alike. */
async function publicAnswer(c: Context<AppEnv>, produce: () => Promise<object>) {
	try {
		sharedViews.hit(clientIp(c), Date.now());
		return c.json(await produce(), 200, { "cache-control": "no-store", "x-robots-tag": "noindex" });
	} catch (error) {
		const appError = toAppError(error);
		if (appError.code === "internal") throw error;
		return c.json(
			errorBody(appError),
			statusOf(appError.code),
			appError.code === "rate_limited" ? { "retry-after": "60" } : {},
		);
	}
}

export const publicDashboardRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/public/dashboards/{token}",
			tags,
			summary: "A shared dashboard's name and widgets (no sign-in; 404 when the link is unknown, revoked or expired)",
			request: { params: TokenParam },
			responses: { 200: jsonResponse(PublicDashboardView, "The shared dashboard"), 404: errorResponses[404] },
		}),
		(c) =>
			publicAnswer(c, () =>
				getSharedDashboard(c.get("services").db, c.req.valid("param").token, c.get("services").clock()),
			),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/public/dashboards/{token}/data",
			tags,
			summary: "A shared dashboard's widget data (no sign-in; no ids of touchpoints or alerts)",
			request: { params: TokenParam },
			responses: { 200: jsonResponse(DashboardDataView, "Widget data by widget id"), 404: errorResponses[404] },
		}),
		(c) => {
			const { db, jobs, log, clock } = c.get("services");
			return publicAnswer(c, () => getSharedDashboardData({ db, jobs, log, now: clock() }, c.req.valid("param").token));
		},
	);

/**
 * Where the export browser opens the share page: this server as the request reached it when that is the public
 * address or a loopback one, else the configured public address — never a host taken from a forged Host header,
 * which would hand the short-lived export token to someone else's server.
 */
function exportBaseUrl(requestUrl: string, publicUrl: string): string {
	const request = new URL(requestUrl);
	const isLoopback = ["localhost", "127.0.0.1", "[::1]"].includes(request.hostname);
	return isLoopback || request.origin === new URL(publicUrl).origin ? request.origin : publicUrl;
}
