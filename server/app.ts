// Builds the HTTP application from the platform and the modules' routes.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { authenticateRequests } from "./modules/admin/middleware";
import { authRoutes } from "./modules/admin/routes/auth";
import { organizationRoutes } from "./modules/admin/routes/organization";
import { siteRoutes } from "./modules/admin/routes/sites";
import { analyticsRoutes } from "./modules/analytics/routes/mount";
import { caseRoutes } from "./modules/cases/routes/cases";
import { caseLoopRoutes } from "./modules/cases/routes/loop";
import { caseFollowUpRoutes, caseInboundRoutes } from "./modules/cases/routes/loop-public";
import { caseSettingsRoutes } from "./modules/cases/routes/settings";
import { funnelRoutes } from "./modules/events/routes/funnels";
import { publicEventRoutes } from "./modules/events/routes/public";
import { behaviourReportRoutes } from "./modules/events/routes/reports";
import { journeyRoutes } from "./modules/journey/routes";
import { campaignRoutes } from "./modules/outreach/routes/campaigns";
import { contactRoutes } from "./modules/outreach/routes/contacts";
import { mentionRoutes } from "./modules/outreach/routes/mentions";
import { emailEventRoutes, unsubscribeRoutes } from "./modules/outreach/routes/public";
import { publicResponseRoutes } from "./modules/responses/public-routes";
import { responseRoutes } from "./modules/responses/routes";
import { publicPageRoutes } from "./modules/surveys/public-page/routes";
import { publicSurveyRoutes } from "./modules/surveys/public-routes";
import { surveyRoutes } from "./modules/surveys/routes";
import { widgetConfigRoutes } from "./modules/surveys/widget-config-routes";
import { textRoutes } from "./modules/text/routes";
import { renderApiDocs } from "./platform/api-docs";
import { AppError, errorBody, renderError } from "./platform/errors";
import type { AppEnv, Services } from "./platform/http";
import { liveRoutes } from "./platform/live/routes";
import { VERSION } from "./platform/version";
import { widgetRoutes } from "./platform/widget/routes";

export type AppOptions = { webDir?: string };

export function buildApp(services: Services, options: AppOptions = {}) {
	const app = new OpenAPIHono<AppEnv>();
	app.use("*", async (c, next) => {
		c.set("services", services);
		await next();
	});
	app.use("*", secureHeaders({ crossOriginResourcePolicy: false }));
	app.use(
		"/api/*",
		bodyLimit({
			maxSize: 1024 * 1024,
			onError: (c) => c.json(errorBody(new AppError("payload_too_large", "Request body is larger than 1 MB")), 413),
		}),
	);

	app.get("/api/health", async (c) => {
		await services.db.execute(sql`select 1`);
		return c.json({ status: "ok", db: services.dbKind, version: VERSION });
	});

	app.use("/api/v1/*", requireJsonBodies());
	app.use("/api/v1/*", authenticateRequests());
	app.route("/", authRoutes);
	app.route("/", organizationRoutes);
	app.route("/", siteRoutes);
	app.route("/", journeyRoutes);
	app.route("/", surveyRoutes);
	app.route("/", responseRoutes);
	app.route("/", publicSurveyRoutes);
	app.route("/", publicResponseRoutes);
	app.route("/", publicPageRoutes);
	app.route("/", publicEventRoutes);
	app.route("/", behaviourReportRoutes);
	app.route("/", funnelRoutes);
	app.route("/", widgetRoutes());
	app.route("/", widgetConfigRoutes);
	app.route("/", contactRoutes);
	app.route("/", mentionRoutes);
	app.route("/", campaignRoutes);
	app.route("/", emailEventRoutes);
	app.route("/", unsubscribeRoutes);
	app.route("/", liveRoutes);
	app.route("/", textRoutes);
	app.route("/", caseLoopRoutes);
	app.route("/", caseInboundRoutes);
	app.route("/", caseFollowUpRoutes);
	// After the loop routes: their static /api/v1/cases/… paths must match before /api/v1/cases/{id}.
	app.route("/", caseSettingsRoutes);
	app.route("/", caseRoutes);
	app.route("/", analyticsRoutes);

	const openApiConfig = {
		openapi: "3.1.0",
		info: {
			title: "Loupe API",
			version: VERSION,
			description:
				"Customer experience management: journeys, feedback, behaviour, insights, cases, measures. " +
				"Authenticate with the session cookie (POST /api/v1/auth/sign-in) or `Authorization: Bearer <API key>`. " +
				'Errors are `{ "error": { "code", "message", "details"? } }`.',
		},
	};
	app.doc31("/api/v1/openapi.json", openApiConfig);
	app.get("/api/docs", (c) =>
		c.html(renderApiDocs(app.getOpenAPI31Document(openApiConfig) as Parameters<typeof renderApiDocs>[0])),
	);

	app.all("/api/*", (c) =>
		c.json(errorBody(new AppError("not_found", `No API route ${c.req.method} ${c.req.path}`)), 404),
	);
	if (options.webDir) serveWeb(app, options.webDir);
	app.notFound((c) => c.json(errorBody(new AppError("not_found", "Not found")), 404));
	app.onError((error, c) => renderError(c, error, services.log));
	return app;
}

/** Admin writes take JSON only (public ingestion routes decide for themselves: beacons send text/plain). */
function requireJsonBodies(): MiddlewareHandler<AppEnv> {
	return async (c, next) => {
		const hasBody = c.req.header("content-length") !== "0" && ["POST", "PUT", "PATCH"].includes(c.req.method);
		const type = c.req.header("content-type") ?? "";
		if (hasBody && type && !c.req.path.startsWith("/api/v1/public/") && !/^application\/json\b/i.test(type)) {
			throw new AppError("unsupported_media_type", "Send the body as application/json");
		}
		await next();
	};
}

const CONTENT_TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
	".ico": "image/x-icon",
	".json": "application/json",
	".woff2": "font/woff2",
};

/** The built single-page app: hashed assets cached for a year, every other path gets index.html. */
function serveWeb(app: OpenAPIHono<AppEnv>, webDir: string) {
	const indexPath = path.join(webDir, "index.html");
	app.get("*", (c) => {
		const requested = path.normalize(path.join(webDir, decodeURIComponent(c.req.path)));
		const isInside = requested.startsWith(webDir + path.sep);
		if (isInside && fs.existsSync(requested) && fs.statSync(requested).isFile()) {
			const body = fs.readFileSync(requested);
			const isHashed = requested.includes(`${path.sep}assets${path.sep}`);
			return c.body(body, 200, {
				"content-type": CONTENT_TYPES[path.extname(requested)] ?? "application/octet-stream",
				"cache-control": isHashed ? "public, max-age=31536000, immutable" : "no-cache",
				etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
			});
		}
		if (!fs.existsSync(indexPath)) {
			return c.text("The web app is not built: run `npm run build:web` (npm start does it for you).", 503);
		}
		return c.html(fs.readFileSync(indexPath, "utf8"), 200, { "cache-control": "no-cache" });
	});
}
