// HTTP routes of alerts: rules (CRUD), fired alerts (list, detail, acknowledge/resolve), evaluation on demand.
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { pageOf } from "../../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import {
	AlertQuery,
	AlertRuleView,
	AlertRuleWithSecretView,
	AlertView,
	CreateAlertRuleInput,
	EvaluationView,
	UpdateAlertInput,
	UpdateAlertRuleInput,
} from "../contract-alerts";
import { evaluateAlerts } from "../service/alert-evaluate";
import { createAlertRule, deleteAlertRule, findAlertRules, updateAlertRule } from "../service/alert-rules";
import { findAlerts, getAlert, updateAlertStatus } from "../service/alerts";

const tags = ["Insights: alerts"];
const RULES = "/api/v1/analytics/alert-rules";
const ALERTS = "/api/v1/analytics/alerts";
const IdParam = z.object({ id: z.uuid() });

export const alertRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: RULES,
			tags,
			summary: "Alert rules (a new organization starts with NPS drop, detractor spike and negative theme surge)",
			responses: { 200: jsonResponse(z.object({ items: z.array(AlertRuleView) }), "Rules"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c);
			return c.json(await findAlertRules(ctx), 200);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: RULES,
			tags,
			summary: "Create an alert rule; with a webhook URL the answer holds the signing secret once",
			request: jsonBody(CreateAlertRuleInput),
			responses: { 201: jsonResponse(AlertRuleWithSecretView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createAlertRule(ctxOf(c, "analytics.manage"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: `${RULES}/{id}`,
			tags,
			summary: "Change a rule, switch it off, or rotate its webhook secret",
			request: { params: IdParam, ...jsonBody(UpdateAlertRuleInput) },
			responses: { 200: jsonResponse(AlertRuleWithSecretView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateAlertRule(ctxOf(c, "analytics.manage"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: `${RULES}/{id}`,
			tags,
			summary: "Delete a rule (its alerts stay as history)",
			request: { params: IdParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteAlertRule(ctxOf(c, "analytics.manage"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: `${RULES}/evaluate`,
			tags,
			summary: "Evaluate the rules now (the job does it every 15 minutes and after rollups)",
			responses: { 200: jsonResponse(EvaluationView, "What fired and cleared"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c, "analytics.manage");
			const { live, config } = c.get("services");
			const env = { db: ctx.db, jobs: ctx.jobs, live, log: ctx.log, publicUrl: config.publicUrl };
			return c.json(await evaluateAlerts(env, ctx.organizationId, ctx.now), 200);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: ALERTS,
			tags,
			summary: "Fired alerts with evidence (values, 95 % CI, p and q) and delivery status, newest first",
			request: { query: AlertQuery },
			responses: { 200: jsonResponse(pageOf(AlertView), "Alerts"), ...errorResponses },
		}),
		async (c) => c.json(await findAlerts(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: `${ALERTS}/{id}`,
			tags,
			summary: "One alert",
			request: { params: IdParam },
			responses: { 200: jsonResponse(AlertView, "Alert"), ...errorResponses },
		}),
		async (c) => c.json(await getAlert(ctxOf(c), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: `${ALERTS}/{id}`,
			tags,
			summary: "Acknowledge, resolve or reopen an alert",
			request: { params: IdParam, ...jsonBody(UpdateAlertInput) },
			responses: { 200: jsonResponse(AlertView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateAlertStatus(ctxOf(c, "analytics.manage"), c.req.valid("param").id, c.req.valid("json")), 200),
	);
