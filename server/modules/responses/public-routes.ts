// POST /api/v1/public/responses: submissions from the widget, email landing pages and other systems.
// Takes JSON as application/json or text/plain (beacons), at most 64 KB; CORS only for the site's origins;
// rate limited per IP and per site key; answers 2xx only after the response is committed.
import { createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { AppError, errorBody, invalid } from "../../platform/errors";
import { createRouter, jsonResponse, validationError } from "../../platform/http";
import { applyCors, limitClient, preflight } from "../surveys/public-http";
import { getSiteOfKey, publicLimitersOf } from "../surveys/service/public-access";
import { MAX_RESPONSE_BODY_BYTES, ResponseReceipt, SubmitResponseInput } from "./contract";
import { ingestResponse } from "./service/ingest";

const PATH = "/api/v1/public/responses";

export const publicResponseRoutes = createRouter();

publicResponseRoutes.use(
	PATH,
	bodyLimit({
		maxSize: MAX_RESPONSE_BODY_BYTES,
		onError: (c) => c.json(errorBody(new AppError("payload_too_large", "The body is larger than 64 KB")), 413),
	}),
);
publicResponseRoutes.options(PATH, preflight);

publicResponseRoutes.openapi(
	createRoute({
		method: "post",
		path: PATH,
		tags: ["Public"],
		summary: "Submit a (partial) survey response; the client's responseId makes it idempotent",
		description:
			"Body: SubmitResponseInput (server/modules/responses/contract.ts) as application/json or text/plain. " +
			"Browsers send `siteKey` (in the body, or `?siteKey=` for the CORS preflight of application/json).",
		responses: {
			200: jsonResponse(ResponseReceipt, "Updated a partial response, or a repeat that changed nothing"),
			201: jsonResponse(ResponseReceipt, "Stored"),
			202: jsonResponse(ResponseReceipt, "Accepted"),
			400: { description: "Malformed JSON or invalid answers (details.fields[] with answers.<questionId>)" },
			403: { description: "Origin not allowed for this site key" },
			404: { description: "Unknown survey or site key" },
			409: { description: "Survey closed, or the responseId belongs to another survey" },
			413: { description: "Body larger than 64 KB" },
			415: { description: "Not JSON" },
			429: { description: "Too many requests" },
		},
	}),
	async (c) => {
		limitClient(c);
		const services = c.get("services");
		const now = services.clock();
		if (!/^(application\/json|text\/plain)\b/i.test(c.req.header("content-type") ?? "")) {
			throw new AppError("unsupported_media_type", "Send the body as JSON (application/json or text/plain)");
		}
		const text = await c.req.text();
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			throw invalid("The body is not valid JSON");
		}
		// The site first, so that even a refusal carries the CORS headers the widget needs to read it.
		const bodyKey = typeof body === "object" && body !== null ? (body as { siteKey?: unknown }).siteKey : undefined;
		const siteKey = typeof bodyKey === "string" && bodyKey ? bodyKey : c.req.query("siteKey");
		const site = siteKey ? await getSiteOfKey(services.db, siteKey.slice(0, 100), now.getTime()) : undefined;
		applyCors(c, site);
		if (site) publicLimitersOf(services).perSite.hit(site.id, now.getTime());
		const parsed = SubmitResponseInput.safeParse(body);
		if (!parsed.success) throw validationError(parsed.error.issues, "body");
		const result = await ingestResponse(
			{ db: services.db, jobs: services.jobs, log: services.log, live: services.live, now },
			{ input: parsed.data, channel: site ? "widget" : "api", site },
		);
		return c.json(result.receipt, result.httpStatus);
	},
);
