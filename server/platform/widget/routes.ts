// Serves the embeddable scripts: cached for a day and revalidated by ETag, readable from any origin.
import { Hono } from "hono";
import type { AppEnv } from "../http";
import { WIDGET_ENTRIES, widgetAssets } from "./build";

const CACHE = "public, max-age=86400, stale-while-revalidate=604800";

export function widgetRoutes() {
	const routes = new Hono<AppEnv>();
	const ready = widgetAssets();
	// A failed build surfaces as a 500 (logged by the app's error handler) on the first request for a script.
	ready.catch(() => {});
	for (const route of Object.keys(WIDGET_ENTRIES)) {
		routes.get(route, async (c) => {
			const asset = (await ready).get(route);
			if (!asset) return c.notFound();
			const headers = {
				"content-type": "text/javascript; charset=utf-8",
				"cache-control": CACHE,
				etag: asset.etag,
				"access-control-allow-origin": "*",
			};
			if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304, headers);
			return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, headers);
		});
	}
	return routes;
}
