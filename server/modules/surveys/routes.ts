// HTTP routes of the survey admin API: surveys, versions, distributions, QR codes, templates.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { PageQuery, pageOf } from "../../../lib/api/pagination";
import type { Permission } from "../../platform/auth/roles";
import { type AppEnv, createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../platform/http";
import {
	CreateDistributionInput,
	CreateSurveyInput,
	DistributionView,
	SurveyDetailView,
	SurveyQuery,
	SurveyVersionView,
	SurveyView,
	TemplateView,
	UpdateSurveyInput,
} from "./contract";
import { createDistribution, findDistributions, surveyQrCode } from "./service/distributions";
import { getSurveyDetail, type SurveyCtx } from "./service/load";
import {
	closeSurvey,
	createSurvey,
	findSurveys,
	findSurveyVersions,
	publishSurvey,
	updateSurvey,
} from "./service/surveys";
import { listTemplates } from "./templates";

const tags = ["Surveys"];
const IdParam = z.object({ id: z.uuid() });

function surveyCtxOf(c: Context<AppEnv>, permission: Permission = "read"): SurveyCtx {
	return { ...ctxOf(c, permission), publicUrl: c.get("services").config.publicUrl };
}

const detail = (description: string) => ({ 200: jsonResponse(SurveyDetailView, description), ...errorResponses });

export const surveyRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/templates",
			tags,
			summary:
				"Survey templates (post-purchase NPS, checkout CES, hotline CSAT, branch visit, delivery, employee pulse)",
			responses: { 200: jsonResponse(z.object({ items: z.array(TemplateView) }), "All templates"), ...errorResponses },
		}),
		async (c) => {
			ctxOf(c);
			return c.json({ items: listTemplates() }, 200);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/surveys",
			tags,
			summary: "Surveys, newest first, filtered by touchpoint, status, kind or audience",
			request: { query: SurveyQuery },
			responses: { 200: jsonResponse(pageOf(SurveyView), "A page of surveys"), ...errorResponses },
		}),
		async (c) => c.json(await findSurveys(surveyCtxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/surveys",
			tags,
			summary: "Create a survey (draft) from a template or from scratch",
			request: jsonBody(CreateSurveyInput),
			responses: { 201: jsonResponse(SurveyDetailView, "Created with version 1"), ...errorResponses },
		}),
		async (c) => c.json(await createSurvey(surveyCtxOf(c, "surveys.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/surveys/{id}",
			tags,
			summary: "A survey with its current version",
			request: { params: IdParam },
			responses: detail("The survey"),
		}),
		async (c) => {
			const ctx = surveyCtxOf(c);
			return c.json(await getSurveyDetail(ctx.db, ctx, c.req.valid("param").id), 200);
		},
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/surveys/{id}",
			tags,
			summary: "Edit a survey; new content of a live or closed survey becomes a new version",
			request: { params: IdParam, ...jsonBody(UpdateSurveyInput) },
			responses: detail("Updated"),
		}),
		async (c) =>
			c.json(await updateSurvey(surveyCtxOf(c, "surveys.write"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/surveys/{id}/publish",
			tags,
			summary: "Make the survey live (its page, widget and ingestion accept responses)",
			request: { params: IdParam },
			responses: detail("Live"),
		}),
		async (c) => c.json(await publishSurvey(surveyCtxOf(c, "surveys.write"), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/surveys/{id}/close",
			tags,
			summary: "Stop accepting responses",
			request: { params: IdParam },
			responses: detail("Closed"),
		}),
		async (c) => c.json(await closeSurvey(surveyCtxOf(c, "surveys.write"), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/surveys/{id}/versions",
			tags,
			summary: "The survey's question versions, newest first",
			request: { params: IdParam, query: PageQuery },
			responses: { 200: jsonResponse(pageOf(SurveyVersionView), "A page of versions"), ...errorResponses },
		}),
		async (c) => c.json(await findSurveyVersions(surveyCtxOf(c), c.req.valid("param").id, c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/surveys/{id}/distributions",
			tags,
			summary: "Record a distribution: link or QR (returns the URL), website widget with triggers, or email",
			request: { params: IdParam, ...jsonBody(CreateDistributionInput) },
			responses: { 201: jsonResponse(DistributionView, "Created"), ...errorResponses },
		}),
		async (c) =>
			c.json(
				await createDistribution(surveyCtxOf(c, "surveys.write"), c.req.valid("param").id, c.req.valid("json")),
				201,
			),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/surveys/{id}/distributions",
			tags,
			summary: "The survey's distributions, newest first",
			request: { params: IdParam, query: PageQuery },
			responses: { 200: jsonResponse(pageOf(DistributionView), "A page of distributions"), ...errorResponses },
		}),
		async (c) => c.json(await findDistributions(surveyCtxOf(c), c.req.valid("param").id, c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/surveys/{id}/qr.png",
			tags,
			summary: "QR code (PNG, 512 px) of the public page with ?src=qr",
			request: { params: IdParam },
			responses: { 200: { content: { "image/png": { schema: z.any() } }, description: "PNG" }, ...errorResponses },
		}),
		async (c) => {
			const png = (await surveyQrCode(surveyCtxOf(c), c.req.valid("param").id, "png")) as Buffer;
			return c.body(new Uint8Array(png), 200, { "content-type": "image/png", "cache-control": "private, max-age=300" });
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/surveys/{id}/qr.svg",
			tags,
			summary: "QR code (SVG) of the public page with ?src=qr",
			request: { params: IdParam },
			responses: { 200: { content: { "image/svg+xml": { schema: z.any() } }, description: "SVG" }, ...errorResponses },
		}),
		async (c) => {
			const svg = (await surveyQrCode(surveyCtxOf(c), c.req.valid("param").id, "svg")) as string;
			return c.body(svg, 200, { "content-type": "image/svg+xml", "cache-control": "private, max-age=300" });
		},
	);
