// Public closed-loop routes: the inbound-mail webhook (Bearer secret of the organization; JSON, or a provider's
// form-encoded shape) and the follow-up answer page behind a signed link (GET answers with one click, POST too).
import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { AppError } from "../../../platform/errors";
import type { AppEnv } from "../../../platform/http";
import { clientIp, createRouter, jsonResponse, validationError } from "../../../platform/http";
import { RateLimiter } from "../../../platform/rate-limit";
import { FollowUpAnswerInput, InboundMailInput, InboundMailView } from "../contract-loop";
import { answerFollowUp, describeFollowUp } from "../service/follow-up";
import { renderFollowUpPage } from "../service/follow-up-page";
import { receiveInboundReply } from "../service/inbound";
import { inboundFromForm } from "../service/inbound-form";
import { organizationOfInboundSecret } from "../service/inbound-settings";
import { publishCaseEvents } from "../service/live";
import { getCaseInOrg } from "../service/load";

const webhookLimiter = new RateLimiter(300, 60_000);
const pageLimiter = new RateLimiter(60, 60_000);

const inboundSecretOf = (c: Context<AppEnv>) => c.req.header("authorization")?.replace(/^Bearer\s+/i, "");
const isJson = (type: string) => /^application\/json\b/i.test(type);
const isForm = (type: string) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type);

/** The secret is checked before the body is read: a wrong secret gets 401 whatever it sent. */
const inboundAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
	const { db, clock } = c.get("services");
	webhookLimiter.hit(`cases-inbound:${clientIp(c)}`, clock().getTime());
	await organizationOfInboundSecret(db, inboundSecretOf(c));
	const type = c.req.header("content-type") ?? "";
	if (!isJson(type) && !isForm(type)) {
		throw new AppError("unsupported_media_type", "Send the mail as application/json or a form");
	}
	await next();
};

const ProviderForm = z.record(z.string(), z.unknown());

export const caseInboundRoutes = createRouter().openapi(
	createRoute({
		method: "post",
		path: "/api/v1/public/cases/inbound",
		tags: ["Cases"],
		summary: "A customer's emailed reply from your mail provider (Authorization: Bearer <inbound secret>)",
		description:
			"JSON { to, from, subject, text, html?, messageId, inReplyTo?, references? }, or the form-encoded shape of " +
			"Mailgun routes / SendGrid Inbound Parse. The case is found by the +c-<token> reply address (or the " +
			"Message-ID answered); quoted text is stripped; a waiting or resolved case opens again.",
		middleware: [inboundAuth] as const,
		request: {
			body: {
				required: false,
				content: {
					"application/json": { schema: InboundMailInput },
					"application/x-www-form-urlencoded": { schema: ProviderForm },
					"multipart/form-data": { schema: ProviderForm },
				},
			},
		},
		responses: {
			200: jsonResponse(InboundMailView, "Stored in the case's thread (or already stored)"),
			400: { description: "Invalid payload; nothing was written" },
			401: { description: "Missing or unknown inbound secret" },
			404: { description: "No case has this reply address" },
		},
	}),
	async (c) => {
		const { db, clock, live, log } = c.get("services");
		const organizationId = await organizationOfInboundSecret(db, inboundSecretOf(c));
		let input: InboundMailInput;
		if (isJson(c.req.header("content-type") ?? "")) input = c.req.valid("json") as InboundMailInput;
		else {
			const parsed = InboundMailInput.safeParse(inboundFromForm(c.req.valid("form")));
			if (!parsed.success) throw validationError(parsed.error.issues, "form");
			input = parsed.data;
		}
		try {
			const received = await receiveInboundReply(db, organizationId, input, clock());
			if (received.view.stored) await publishCaseEvents(live, "case.message", [received.caseRow], log);
			return c.json(received.view, 200);
		} catch (error) {
			if (error instanceof AppError && error.code === "not_found") {
				log.warn(
					{ organizationId, to: input.to.slice(0, 200), messageId: input.messageId.slice(0, 200) },
					"inbound reply for no case",
				);
			}
			throw error;
		}
	},
);

async function answerPage(c: Context<AppEnv>, fields: Record<string, unknown>) {
	const { db, clock, live, log } = c.get("services");
	pageLimiter.hit(`follow-up:${clientIp(c)}`, clock().getTime());
	const token = (c.req.param("token") ?? "").slice(0, 200);
	const parsed = FollowUpAnswerInput.safeParse(fields);
	if (!parsed.success) {
		const page = await describeFollowUp(db, token);
		return c.html(renderFollowUpPage(page), page.state === "invalid" ? 404 : 400, { "cache-control": "no-store" });
	}
	const { page, reopened } = await answerFollowUp(db, token, parsed.data, clock());
	if (reopened) {
		const row = await getCaseInOrg(db, reopened.organizationId, reopened.id);
		await publishCaseEvents(live, "case.updated", [row], log);
	}
	return c.html(renderFollowUpPage(page), page.state === "invalid" ? 404 : 200, { "cache-control": "no-store" });
}

const answerFields = (query: Record<string, string>) =>
	Object.fromEntries(Object.entries(query).filter(([key]) => key === "solved" || key === "satisfaction"));

export const caseFollowUpRoutes = new Hono<AppEnv>()
	.get("/api/v1/public/cases/follow-up/:token", (c) => answerPage(c, answerFields(c.req.query())))
	.post("/api/v1/public/cases/follow-up/:token", async (c) => {
		const form = await c.req.parseBody().catch(() => ({}));
		return answerPage(c, answerFields(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]))));
	});
