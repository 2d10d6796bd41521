// Public ingestion of behaviour events from the tracker: CORS for the site's allowed origins only, JSON or
// text/plain (sendBeacon) bodies up to 256 KB, answered after the events are committed.
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError, errorBody, statusOf } from "../../../platform/errors";
import { type AppEnv, clientIp, createRouter } from "../../../platform/http";
import { isOriginAllowed } from "../../admin/service/sites";
import { EventBatchInput, EventBatchView, MAX_BATCH_BYTES } from "../contract";
import { ingestEventBatch, siteForCors } from "../ingest/pipeline";
import { kickRollup } from "../rollup/schedule";

const PATH = "/api/v1/public/events";

async function corsHeaders(c: Context<AppEnv>, siteKey: string | undefined): Promise<Record<string, string>> {
	const origin = c.req.header("origin");
	if (!origin) return {};
	const site = await siteForCors(c.get("services").db, siteKey, Date.now());
	if (!site || !isOriginAllowed(site, origin)) return { vary: "Origin" };
	return { "access-control-allow-origin": origin, vary: "Origin" };
}

function parseBody(text: string, contentType: string): unknown {
	if (contentType && !/^(application\/json|text\/plain)\b/i.test(contentType)) {
		throw new AppError("unsupported_media_type", "Send the batch as application/json or text/plain");
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new AppError("invalid", "The body is not valid JSON");
	}
}

const siteKeyOf = (body: unknown, query: string | undefined) =>
	query ?? (body && typeof body === "object" && "site" in body ? String((body as { site: unknown }).site) : undefined);

export const publicEventRoutes = createRouter();

publicEventRoutes.options(PATH, async (c) => {
	const headers = await corsHeaders(c, c.req.query("site"));
	if (!headers["access-control-allow-origin"]) return c.body(null, 204, headers);
	return c.body(null, 204, {
		...headers,
		"access-control-allow-methods": "POST, OPTIONS",
		"access-control-allow-headers": "content-type",
		"access-control-max-age": "86400",
	});
});

publicEventRoutes.post(
	PATH,
	bodyLimit({
		maxSize: MAX_BATCH_BYTES,
		onError: (c) =>
			c.json(errorBody(new AppError("payload_too_large", `A batch may be at most ${MAX_BATCH_BYTES / 1024} KB`)), 413),
	}),
	async (c) => {
		const services = c.get("services");
		let body: unknown;
		let cors: Record<string, string> = {};
		try {
			body = parseBody(await c.req.text(), c.req.header("content-type") ?? "");
			cors = await corsHeaders(c, siteKeyOf(body, c.req.query("site")));
			const view = await ingestEventBatch(services, {
				body,
				ip: clientIp(c),
				userAgent: c.req.header("user-agent") ?? "",
				origin: c.req.header("origin"),
				privacyHeader: c.req.header("dnt") === "1" || c.req.header("sec-gpc") === "1",
				now: services.clock(),
			});
			if (view.accepted > 0) kickRollup(services.jobs, services.log);
			return c.json(view, 202, cors);
		} catch (error) {
			if (!(error instanceof AppError)) throw error;
			if (error.code === "rate_limited") cors["retry-after"] = "60";
			return c.json(errorBody(error), statusOf(error.code), cors);
		}
	},
);

publicEventRoutes.openAPIRegistry.registerPath({
	method: "post",
	path: PATH,
	tags: ["Behaviour"],
	summary: "A batch of up to 100 behaviour events from the tracker (public; site key; allowed origins only)",
	request: { body: { required: true, content: { "application/json": { schema: EventBatchInput } } } },
	responses: {
		202: {
			description: "Stored (after commit); duplicates counted",
			content: { "application/json": { schema: EventBatchView } },
		},
		400: { description: "Malformed batch; nothing stored" },
		403: { description: "Origin not allowed for this site" },
		404: { description: "Unknown site key" },
		413: { description: "Body larger than 256 KB" },
		429: { description: "Rate limited" },
	},
});
