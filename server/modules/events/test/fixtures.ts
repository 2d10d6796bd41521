// Shared set-up of the behaviour tests: an organization with a shop site and touchpoints with URL patterns,
// and a helper that sends batches as the shop's browser would.
import type { TestApp } from "../../../test/harness";

export const SHOP_ORIGIN = "https://shop.example";
export const BROWSER_UA =
	"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

let counter = 0;
export const eventId = (prefix = "ev") => `${prefix}_${(++counter).toString(36).padStart(8, "0")}`;

export async function setUpShop(t: TestApp, name: string, email: string) {
	const owner = await t.signUp(name, email);
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
	const site = (await call("POST", "/api/v1/sites", { name: "Shop", allowedOrigins: [SHOP_ORIGIN] })).json;
	const journey = (await call("POST", "/api/v1/journeys", { name: "Journey", standardStages: "en" })).json;
	const stageId = journey.stages[2].id as string;
	const addTouchpoint = async (touchpointName: string, urlPatterns: string[]) => {
		const detail = (
			await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
				stageId,
				name: touchpointName,
				channel: "web",
				urlPatterns,
			})
		).json;
		const all = detail.stages.flatMap((s: { touchpoints: { id: string; name: string }[] }) => s.touchpoints);
		return all.find((tp: { name: string }) => tp.name === touchpointName).id as string;
	};
	const checkoutId = await addTouchpoint("Checkout", ["/checkout/*", "/cart*"]);
	const searchId = await addTouchpoint("Search", ["/search*"]);
	return { ...owner, call, siteKey: site.publicKey as string, siteId: site.id as string, checkoutId, searchId };
}

export type SendOptions = {
	origin?: string;
	userAgent?: string;
	contentType?: string;
	headers?: Record<string, string>;
};

export function sendBatch(t: TestApp, body: unknown, options: SendOptions = {}) {
	return t.call("POST", "/api/v1/public/events", {
		body: typeof body === "string" ? body : JSON.stringify(body),
		headers: {
			"content-type": options.contentType ?? "text/plain;charset=UTF-8",
			origin: options.origin ?? SHOP_ORIGIN,
			"user-agent": options.userAgent ?? BROWSER_UA,
			...options.headers,
		},
	});
}

export const pageview = (path: string, at: number, extra: Record<string, unknown> = {}) => ({
	id: eventId(),
	type: "pageview",
	at,
	url: `${SHOP_ORIGIN}${path}`,
	...extra,
});
