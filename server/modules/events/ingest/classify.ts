// Pure classification of what a tracker sends: page URL → host/path, referrer → traffic source, user agent →
// device class, search query → normalised form without obvious personal data.
import { UAParser } from "ua-parser-js";

export type PageUrl = { host: string; origin: string; path: string; params: URLSearchParams };

/** Host and path of a page URL (query and fragment dropped); null when it is not an http(s) URL. */
export function parsePageUrl(raw: string): PageUrl | null {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return null;
	}
	if (url.protocol !== "http:" && url.protocol !== "https:") return null;
	let path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
	if (path.length > 500) path = path.slice(0, 500);
	return {
		host: url.host.toLowerCase(),
		origin: `${url.protocol}//${url.host.toLowerCase()}`,
		path,
		params: url.searchParams,
	};
}

const SEARCH_ENGINES = /(^|\.)(google|bing|duckduckgo|ecosia|qwant|yahoo|yandex|baidu|startpage|search\.brave)\./;
const SOCIAL =
	/(^|\.)(facebook|instagram|tiktok|twitter|x|t|linkedin|pinterest|youtube|reddit|xing|whatsapp)\.(com|co|de|net)$/;
const PAID_MEDIUMS = new Set(["cpc", "ppc", "paid", "paidsearch", "display", "paid_social", "cpm"]);

export const SOURCES = ["direct", "search", "social", "email", "ads", "referral", "internal"] as const;
export type Source = (typeof SOURCES)[number];

/** Where a page view came from: campaign parameters first, then the referrer's host. */
export function classifySource(referrer: string | undefined, pageHost: string, params: URLSearchParams): Source {
	const medium = (params.get("utm_medium") ?? "").toLowerCase();
	if (params.has("gclid") || params.has("msclkid") || PAID_MEDIUMS.has(medium)) return "ads";
	if (medium === "email" || medium === "newsletter") return "email";
	if (medium === "social") return "social";
	const host = referrerHost(referrer);
	if (!host) return params.has("utm_source") ? "referral" : "direct";
	if (host === pageHost) return "internal";
	if (SEARCH_ENGINES.test(host)) return "search";
	if (SOCIAL.test(host)) return "social";
	if (/(^|\.)(mail|webmail|outlook|gmx|web)\./.test(host)) return "email";
	return "referral";
}

export function referrerHost(referrer: string | undefined): string | null {
	if (!referrer) return null;
	try {
		const url = new URL(referrer);
		return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
	} catch {
		return null;
	}
}

export type Device = "desktop" | "mobile" | "tablet";
const deviceCache = new Map<string, Device>();

/** Device class from the user agent (ua-parser-js), cached: a site sees few distinct agents. */
export function deviceOf(userAgent: string): Device {
	const cached = deviceCache.get(userAgent);
	if (cached) return cached;
	const type = new UAParser(userAgent).getDevice().type;
	const device: Device = type === "mobile" || type === "wearable" ? "mobile" : type === "tablet" ? "tablet" : "desktop";
	if (deviceCache.size > 5000) deviceCache.clear();
	deviceCache.set(userAgent, device);
	return device;
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const LONG_NUMBER = /\d[\d\s-]{6,}\d/g;

/** Lower case, single spaces, at most 100 characters; e-mail addresses and long numbers are masked. */
export function normaliseSearchQuery(query: string): string {
	return query
		.toLowerCase()
		.replace(EMAIL, "[email]")
		.replace(LONG_NUMBER, "[number]")
		.replace(/\s+/g, " ")
		.trim()
		.slice(0, 100);
}
