// HTTP routes of text analytics: taxonomy, corrections, emerging topics, re-analysis, retraining, settings.
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { PageQuery, pageOf } from "../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../platform/http";
import {
	CorrectionInput,
	CreateThemeInput,
	EmergingQuery,
	EmergingTopicsView,
	ModelView,
	ReanalysisView,
	StartReanalysisInput,
	TextSettingsView,
	ThemeTrendQuery,
	ThemeTrendView,
	ThemeView,
	TrainModelInput,
	UpdateTextSettingsInput,
	UpdateThemeInput,
} from "./contract";
import { correctAnalysis } from "./service/corrections";
import { findEmergingTopics } from "./service/emerging";
import { findReanalysisRuns, getReanalysisRun, startReanalysis } from "./service/reanalysis";
import { getTextSettings, updateTextSettings } from "./service/settings";
import { createTheme, deleteTheme, findThemes, updateTheme } from "./service/taxonomy";
import { findThemeTrends } from "./service/theme-trends";
import { findModels, requestTraining } from "./service/training";

const tags = ["Text analytics"];
const IdParam = z.object({ id: z.uuid() });

export const textRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/text/themes",
			tags,
			summary: "The organization's theme taxonomy (starts as the default one)",
			request: { query: PageQuery.extend({ limit: PageQuery.shape.limit.default(200) }) },
			responses: { 200: jsonResponse(pageOf(ThemeView), "Themes by key"), ...errorResponses },
		}),
		async (c) => c.json(await findThemes(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/text/themes",
			tags,
			summary: "Add a theme with keywords in German and English",
			request: jsonBody(CreateThemeInput),
			responses: { 201: jsonResponse(ThemeView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createTheme(ctxOf(c, "text.manage"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/text/themes/{id}",
			tags,
			summary: "Change a theme's labels or keywords, or switch it off",
			request: { params: IdParam, ...jsonBody(UpdateThemeInput) },
			responses: { 200: jsonResponse(ThemeView, "Updated"), ...errorResponses },
		}),
		async (c) => c.json(await updateTheme(ctxOf(c, "text.manage"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/text/themes/{id}",
			tags,
			summary: "Delete a theme",
			request: { params: IdParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteTheme(ctxOf(c, "text.manage"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/text/corrections",
			tags,
			summary: "Correct a comment's sentiment, intents or themes (kept as a labelled example)",
			request: jsonBody(CorrectionInput),
			responses: { 204: { description: "Corrected" }, ...errorResponses },
		}),
		async (c) => {
			await correctAnalysis(ctxOf(c, "text.correct"), c.req.valid("json"));
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/text/emerging-topics",
			tags,
			summary: "Terms rising significantly this week against the previous weeks",
			request: { query: EmergingQuery },
			responses: { 200: jsonResponse(EmergingTopicsView, "Emerging topics"), ...errorResponses },
		}),
		async (c) => c.json(await findEmergingTopics(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/text/theme-trends",
			tags,
			summary: "Per theme and week (or month): mentions in responses and mentions, and how many negative",
			request: { query: ThemeTrendQuery },
			responses: { 200: jsonResponse(ThemeTrendView, "Theme trends, most frequent first"), ...errorResponses },
		}),
		async (c) => c.json(await findThemeTrends(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/text/reanalysis",
			tags,
			summary: "Re-analysis runs with their progress, newest first",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(ReanalysisView), "Runs"), ...errorResponses },
		}),
		async (c) => c.json(await findReanalysisRuns(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/text/reanalysis",
			tags,
			summary: "Re-analyse all feedback (after a model or taxonomy change); resumable, runs as a job",
			request: jsonBody(StartReanalysisInput),
			responses: { 201: jsonResponse(ReanalysisView, "Started"), ...errorResponses },
		}),
		async (c) => c.json(await startReanalysis(ctxOf(c, "text.manage"), c.req.valid("json").reason), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/text/reanalysis/{id}",
			tags,
			summary: "One re-analysis run",
			request: { params: IdParam },
			responses: { 200: jsonResponse(ReanalysisView, "The run"), ...errorResponses },
		}),
		async (c) => c.json(await getReanalysisRun(ctxOf(c), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/text/models",
			tags,
			summary: "The organization's retrained models with before/after scores",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(ModelView), "Models"), ...errorResponses },
		}),
		async (c) => c.json(await findModels(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/text/models/train",
			tags,
			summary: "Retrain the sentiment model from the organization's corrections (a job; switches only if not worse)",
			request: jsonBody(TrainModelInput),
			responses: { 201: jsonResponse(ModelView, "Training started"), ...errorResponses },
		}),
		async (c) => c.json(await requestTraining(ctxOf(c, "text.manage"), c.req.valid("json").language), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/text/settings",
			tags,
			summary: "Text settings (PII redaction)",
			responses: { 200: jsonResponse(TextSettingsView, "Settings"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c);
			return c.json(await getTextSettings(ctx.db, ctx.organizationId), 200);
		},
	)
	.openapi(
		createRoute({
			method: "put",
			path: "/api/v1/text/settings",
			tags,
			summary: "Change text settings",
			request: jsonBody(UpdateTextSettingsInput),
			responses: { 200: jsonResponse(TextSettingsView, "Updated"), ...errorResponses },
		}),
		async (c) => c.json(await updateTextSettings(ctxOf(c, "text.manage"), c.req.valid("json")), 200),
	);
