// Resolves the actor of an /api/v1 request from the session cookie or a bearer API key. Cookie-authenticated
// writes must come from Loupe's own origin (the cookie is SameSite=Lax; this closes the rest of CSRF).
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AppError } from "../../platform/errors";
import type { AppEnv } from "../../platform/http";
import { SESSION_COOKIE } from "./routes/auth";
import { authenticate } from "./service/sessions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string): boolean {
	try {
		const { host: originHost } = new URL(origin);
		return originHost === host || originHost === new URL(publicUrl).host;
	} catch {
		return false;
	}
}

export function authenticateRequests(): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const { db, clock, config } = c.get("services");
		const header = c.req.header("authorization");
		const apiKey = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
		const sessionToken = apiKey ? undefined : getCookie(c, SESSION_COOKIE);
		if (sessionToken && !SAFE_METHODS.has(c.req.method)) {
			const origin = c.req.header("origin");
			if (origin && !isOwnOrigin(origin, c.req.header("host"), config.publicUrl)) {
				throw new AppError("forbidden", "Cross-origin request refused");
			}
		}
		c.set("auth", apiKey || sessionToken ? await authenticate(db, { apiKey, sessionToken }, clock()) : undefined);
		await next();
	};
}
