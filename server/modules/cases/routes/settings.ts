// HTTP routes of case administration: rules, root causes, SLA policies and the business calendar, agents.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import {
	CaseAgentView,
	CaseRuleView,
	CaseSettingsView,
	CreateCaseRuleInput,
	CreateRootCauseInput,
	ReorderCaseRulesInput,
	RootCauseView,
	UpdateCaseRuleInput,
	UpdateCaseSettingsInput,
	UpdateRootCauseInput,
} from "../contract";
import { listCaseAgents } from "../service/list";
import { createRootCause, findRootCauses, updateRootCause } from "../service/root-causes";
import { createCaseRule, deleteCaseRule, findCaseRules, reorderCaseRules, updateCaseRule } from "../service/rules";
import { getCaseSettings, updateCaseSettings } from "../service/settings";

const tags = ["Cases"];
const IdParam = z.object({ id: z.uuid() });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const caseSettingsRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/rules",
			tags,
			summary: "Case rules in evaluation order (first enabled match opens the case)",
			responses: { 200: jsonResponse(list(CaseRuleView), "The rules"), ...errorResponses },
		}),
		async (c) => c.json({ items: await findCaseRules(ctxOf(c, "cases.read")) }, 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/rules",
			tags,
			summary: "Add a rule (at the end of the order)",
			request: jsonBody(CreateCaseRuleInput),
			responses: { 201: jsonResponse(CaseRuleView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createCaseRule(ctxOf(c, "cases.manage"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "put",
			path: "/api/v1/cases/rule-order",
			tags,
			summary: "Set the order of all rules",
			request: jsonBody(ReorderCaseRulesInput),
			responses: { 200: jsonResponse(list(CaseRuleView), "Reordered"), ...errorResponses },
		}),
		async (c) => c.json({ items: await reorderCaseRules(ctxOf(c, "cases.manage"), c.req.valid("json")) }, 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/cases/rules/{id}",
			tags,
			summary: "Change a rule",
			request: { params: IdParam, ...jsonBody(UpdateCaseRuleInput) },
			responses: { 200: jsonResponse(CaseRuleView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateCaseRule(ctxOf(c, "cases.manage"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/cases/rules/{id}",
			tags,
			summary: "Delete a rule (its cases stay)",
			request: { params: IdParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteCaseRule(ctxOf(c, "cases.manage"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/root-causes",
			tags,
			summary: "Root causes (active first)",
			responses: { 200: jsonResponse(list(RootCauseView), "The root causes"), ...errorResponses },
		}),
		async (c) => c.json({ items: await findRootCauses(ctxOf(c, "cases.read")) }, 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/root-causes",
			tags,
			summary: "Add a root cause",
			request: jsonBody(CreateRootCauseInput),
			responses: { 201: jsonResponse(RootCauseView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createRootCause(ctxOf(c, "cases.manage"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/cases/root-causes/{id}",
			tags,
			summary: "Rename or archive a root cause",
			request: { params: IdParam, ...jsonBody(UpdateRootCauseInput) },
			responses: { 200: jsonResponse(RootCauseView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateRootCause(ctxOf(c, "cases.manage"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/settings",
			tags,
			summary: "Business calendar, SLA targets per priority, cost rate",
			responses: { 200: jsonResponse(CaseSettingsView, "The settings"), ...errorResponses },
		}),
		async (c) => c.json(await getCaseSettings(ctxOf(c, "cases.read")), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/cases/settings",
			tags,
			summary: "Change the business calendar, SLA targets or cost rate (applies to cases opened afterwards)",
			request: jsonBody(UpdateCaseSettingsInput),
			responses: { 200: jsonResponse(CaseSettingsView, "Updated"), ...errorResponses },
		}),
		async (c) => c.json(await updateCaseSettings(ctxOf(c, "cases.manage"), c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/agents",
			tags,
			summary: "Members who can work cases, with their departments (assignee picker)",
			responses: { 200: jsonResponse(list(CaseAgentView), "The agents"), ...errorResponses },
		}),
		async (c) => c.json({ items: await listCaseAgents(ctxOf(c, "cases.read")) }, 200),
	);
