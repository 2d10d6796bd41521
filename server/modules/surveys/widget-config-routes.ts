// GET /api/v1/public/widget-config?siteKey=: the site's widget surveys for the triggers in /loupe.js.
// Public: CORS for the site's allowed origins only, rate limited per IP, cached briefly here and in the browser.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, jsonResponse } from "../../platform/http";
import { applyCors, limitClient, preflight } from "./public-http";
import { getSiteOfKey } from "./service/public-access";
import { getWidgetConfig, WidgetConfigView } from "./widget-config";

const PATH = "/api/v1/public/widget-config";

export const widgetConfigRoutes = createRouter().openapi(
	createRoute({
		method: "get",
		path: PATH,
		tags: ["Public"],
		summary: "The live widget surveys of a site with their triggers (read by /loupe.js)",
		request: { query: z.object({ siteKey: z.string().min(1).max(100) }) },
		responses: {
			200: jsonResponse(WidgetConfigView, "The site's widget surveys"),
			400: { description: "No site key" },
			403: { description: "Origin not allowed for this site key" },
			404: { description: "Unknown site key" },
			429: { description: "Too many requests" },
		},
	}),
	async (c) => {
		limitClient(c);
		const { db, clock } = c.get("services");
		const nowMs = clock().getTime();
		const site = await getSiteOfKey(db, c.req.valid("query").siteKey, nowMs);
		applyCors(c, site);
		return c.json(await getWidgetConfig(db, site.id, nowMs), 200, {
			"cache-control": "public, max-age=30",
			vary: "Origin",
		});
	},
);

widgetConfigRoutes.options(PATH, preflight);
