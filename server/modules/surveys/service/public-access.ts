// What the public survey endpoints share: the site behind a public key (briefly cached), the CORS decision for
// a browser origin, and per-app rate limiters (per client IP and per site key).
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { RateLimiter } from "../../../platform/rate-limit";
import { getSiteByPublicKey, isOriginAllowed, type SiteRow } from "../../admin/service/sites";

const SITE_CACHE_MS = 2000;
const sitesByKey = new Map<string, { loadedAtMs: number; site: SiteRow | null }>();

/** The site of a public key, or a 404 (cached for SITE_CACHE_MS: origin changes apply within that time). */
export async function getSiteOfKey(db: Db, siteKey: string, nowMs = Date.now()): Promise<SiteRow> {
	const cached = sitesByKey.get(siteKey);
	let site =
		cached && nowMs - cached.loadedAtMs < SITE_CACHE_MS && nowMs >= cached.loadedAtMs ? cached.site : undefined;
	if (site === undefined) {
		site = await getSiteByPublicKey(db, siteKey).catch((error: unknown) => {
			if (error instanceof AppError && error.code === "not_found") return null;
			throw error;
		});
		if (sitesByKey.size > 2000) sitesByKey.clear();
		sitesByKey.set(siteKey, { loadedAtMs: nowMs, site });
	}
	if (!site) throw new AppError("not_found", "Unknown site key");
	return site;
}

/** Headers that let `origin` read the answer; refuses origins the site does not allow. */
export function corsHeaders(site: SiteRow, origin: string): Record<string, string> {
	if (!isOriginAllowed(site, origin)) throw new AppError("forbidden", "This origin may not use this site key");
	return {
		"access-control-allow-origin": origin,
		"access-control-allow-methods": "GET, POST, OPTIONS",
		"access-control-allow-headers": "content-type",
		"access-control-max-age": "600",
		vary: "Origin",
	};
}

/** Public limits: generous for people behind one NAT, tight enough to stop floods. */
export const PUBLIC_LIMITS = {
	perIpPerMinute: 300,
	perSitePerMinute: 12_000,
	pagePerIpPerMinute: 120,
} as const;

export type PublicLimiters = { perIp: RateLimiter; perSite: RateLimiter; pagePerIp: RateLimiter };

// One set per running app (keyed by its services object), so that test apps do not share counters.
const limitersByApp = new WeakMap<object, PublicLimiters>();

export function publicLimitersOf(app: object): PublicLimiters {
	let limiters = limitersByApp.get(app);
	if (!limiters) {
		limiters = {
			perIp: new RateLimiter(PUBLIC_LIMITS.perIpPerMinute, 60_000),
			perSite: new RateLimiter(PUBLIC_LIMITS.perSitePerMinute, 60_000),
			pagePerIp: new RateLimiter(PUBLIC_LIMITS.pagePerIpPerMinute, 60_000),
		};
		limitersByApp.set(app, limiters);
	}
	return limiters;
}
