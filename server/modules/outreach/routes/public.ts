// Public outreach routes: the unsubscribe page of every email (GET shows, POST confirms; also RFC 8058
// one-click), and the email provider's bounce/complaint webhook, authenticated by the organization's secret.
import { createRoute } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http";
import { clientIp, createRouter, jsonBody, jsonResponse } from "../../../platform/http";
import { RateLimiter } from "../../../platform/rate-limit";
import { EmailEventsInput, EmailEventsView } from "../contract";
import { escapeHtml } from "../service/invitation-email";
import { organizationOfWebhookSecret } from "../service/settings";
import {
	describeUnsubscribe,
	recordEmailEvents,
	type UnsubscribePage,
	unsubscribeByToken,
} from "../service/unsubscribe";

const pageLimiter = new RateLimiter(60, 60_000);
const webhookLimiter = new RateLimiter(120, 60_000);

const TEXTS = {
	de: {
		title: "Abmelden",
		confirm: (org: string) => `Möchten Sie keine Umfragen von ${org} mehr per E-Mail erhalten?`,
		button: "Ja, abmelden",
		done: (org: string) => `Sie sind abgemeldet und erhalten keine Umfragen von ${org} mehr per E-Mail.`,
		invalid: "Dieser Abmeldelink ist ungültig.",
	},
	en: {
		title: "Unsubscribe",
		confirm: (org: string) => `Do you want to stop receiving surveys from ${org} by email?`,
		button: "Yes, unsubscribe",
		done: (org: string) => `You are unsubscribed and will not receive surveys from ${org} by email any more.`,
		invalid: "This unsubscribe link is not valid.",
	},
} as const;

function renderPage(page: UnsubscribePage): string {
	const language = page.state === "invalid" ? "en" : page.language;
	const t = TEXTS[language];
	const body =
		page.state === "invalid"
			? `<p>${TEXTS.de.invalid}</p><p>${TEXTS.en.invalid}</p>`
			: page.state === "done"
				? `<p>${escapeHtml(t.done(page.organizationName))}</p>`
				: `<p>${escapeHtml(t.confirm(page.organizationName))}</p><form method="post"><button type="submit" ` +
					`style="font-size:16px;padding:10px 18px;border-radius:6px;border:0;background:#1971c2;color:#fff;cursor:pointer">` +
					`${t.button}</button></form>`;
	return (
		`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" ` +
		`content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t.title}</title></head>` +
		`<body style="font-family:system-ui,Arial,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;color:#212529">` +
		`<h1 style="font-size:22px">${t.title}</h1>${body}</body></html>`
	);
}

export const unsubscribeRoutes = new Hono<AppEnv>()
	.get("/u/:token", async (c) => {
		const { db, clock } = c.get("services");
		pageLimiter.hit(`u:${clientIp(c)}`, clock().getTime());
		const page = await describeUnsubscribe(db, c.req.param("token").slice(0, 200));
		return c.html(renderPage(page), page.state === "invalid" ? 404 : 200, { "cache-control": "no-store" });
	})
	.post("/u/:token", async (c) => {
		const { db, clock } = c.get("services");
		pageLimiter.hit(`u:${clientIp(c)}`, clock().getTime());
		const page = await unsubscribeByToken(db, c.req.param("token").slice(0, 200), clock());
		return c.html(renderPage(page), page.state === "invalid" ? 404 : 200, { "cache-control": "no-store" });
	});

export const emailEventRoutes = createRouter().openapi(
	createRoute({
		method: "post",
		path: "/api/v1/public/email-events",
		tags: ["Email campaigns"],
		summary: "Bounce and complaint notifications from your email provider (Authorization: Bearer <webhook secret>)",
		request: jsonBody(EmailEventsInput),
		responses: {
			200: jsonResponse(EmailEventsView, "Recorded; unknown addresses are counted and ignored"),
			401: { description: "Missing or unknown webhook secret" },
		},
	}),
	async (c) => {
		const { db, clock } = c.get("services");
		webhookLimiter.hit(`email-events:${clientIp(c)}`, clock().getTime());
		const secret = c.req.header("authorization")?.replace(/^Bearer\s+/i, "");
		const organizationId = await organizationOfWebhookSecret(db, secret);
		return c.json(await recordEmailEvents(db, organizationId, c.req.valid("json"), clock()), 200);
	},
);
