// Public (unauthenticated) survey endpoint for the widget: a survey's definition in one language. CORS for the site's allowed origins; rate limited per IP.
import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../platform/errors";
import { createRouter, jsonResponse } from "../../platform/http";
import { PublicSurveyQuery, PublicSurveyView, Slug } from "./contract";
import { applyCors, limitClient, preflight } from "./public-http";
import { getSiteOfKey } from "./service/public-access";
import { getLiveSurvey } from "./service/public-lookup";
import { chooseLanguage, toPublicSurveyView } from "./service/public-view";

const tags = ["Public"];
const publicErrors = {
	400: { description: "Invalid request" },
	403: { description: "Origin not allowed for this site key" },
	404: { description: "Unknown site key or survey" },
	409: { description: "The survey is closed" },
	429: { description: "Too many requests" },
} as const;
const cacheHeaders = { "cache-control": "public, max-age=60", vary: "Origin, Accept-Language" };

export const publicSurveyRoutes = createRouter().openapi(
	createRoute({
		method: "get",
		path: "/api/v1/public/surveys/{slug}",
		tags,
		summary: "A live survey's definition for the widget, in ?lang= or the browser's language",
		request: { params: z.object({ slug: Slug }), query: PublicSurveyQuery },
		responses: { 200: jsonResponse(PublicSurveyView, "The survey"), ...publicErrors },
	}),
	async (c) => {
		limitClient(c);
		const { db, clock } = c.get("services");
		const { siteKey, lang } = c.req.valid("query");
		const site = await getSiteOfKey(db, siteKey, clock().getTime());
		applyCors(c, site);
		const published = await getLiveSurvey(db, c.req.valid("param").slug, clock().getTime());
		if (published.survey.organizationId !== site.organizationId) throw new AppError("not_found", "Survey not found");
		const language = chooseLanguage(published.survey, lang, c.req.header("accept-language"));
		return c.json(toPublicSurveyView(published, language), 200, cacheHeaders);
	},
);

publicSurveyRoutes.options("/api/v1/public/surveys/:slug", preflight);
