// HTTP helpers of the public survey endpoints: CORS for a site's allowed origins (also on error answers, so
// that the widget can read them), CORS preflight, and the per-IP limit.
import type { Context } from "hono";
import { AppError, errorBody, statusOf } from "../../platform/errors";
import { type AppEnv, clientIp } from "../../platform/http";
import type { SiteRow } from "../admin/service/sites";
import { corsHeaders, getSiteOfKey, publicLimitersOf } from "./service/public-access";

/** Whether the browser origin is Loupe itself (its own pages need no site key). */
export function isOwnOrigin(c: Context<AppEnv>, origin: string): boolean {
	try {
		const { host } = new URL(origin);
		return host === c.req.header("host") || host === new URL(c.get("services").config.publicUrl).host;
	} catch {
		return false;
	}
}

/** Sets the CORS headers for a cross-origin browser request; refuses origins the site does not allow. */
export function applyCors(c: Context<AppEnv>, site: SiteRow | undefined): void {
	const origin = c.req.header("origin");
	if (!origin || isOwnOrigin(c, origin)) return;
	if (!site) throw new AppError("forbidden", "Browser requests from other sites need the site's public key (siteKey)");
	for (const [name, value] of Object.entries(corsHeaders(site, origin))) c.header(name, value);
}

/** Counts one public request of the client IP (throws rate_limited past the limit). */
export function limitClient(c: Context<AppEnv>, kind: "perIp" | "pagePerIp" = "perIp"): void {
	const services = c.get("services");
	publicLimitersOf(services)[kind].hit(clientIp(c), services.clock().getTime());
}

/** OPTIONS: allowed when `?siteKey=` names a site that allows the requesting origin. */
export async function preflight(c: Context<AppEnv>): Promise<Response> {
	try {
		limitClient(c);
		const siteKey = c.req.query("siteKey");
		if (!siteKey) throw new AppError("forbidden", "Preflight needs ?siteKey=");
		applyCors(c, await getSiteOfKey(c.get("services").db, siteKey, c.get("services").clock().getTime()));
		return c.body(null, 204);
	} catch (error) {
		const appError = error instanceof AppError ? error : new AppError("internal", "Internal server error");
		return c.json(errorBody(appError), statusOf(appError.code));
	}
}
