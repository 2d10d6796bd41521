// The organization's settings, departments, members, invitations and API keys.
import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import {
	ApiKeyView,
	CreateApiKeyInput,
	CreateDepartmentInput,
	CreatedApiKeyView,
	CreatedInvitationView,
	CreateInvitationInput,
	DepartmentView,
	IdParam,
	InvitationView,
	MemberView,
	OrganizationView,
	UpdateDepartmentInput,
	UpdateMemberInput,
	UpdateOrganizationInput,
} from "../contract";
import { createApiKey, findApiKeys, revokeApiKey } from "../service/api-keys";
import { createDepartment, deleteDepartment, findDepartments, updateDepartment } from "../service/departments";
import { createInvitation, findInvitations, revokeInvitation } from "../service/invitations";
import { findMembers, removeMember, updateMember } from "../service/members";
import { getOrganization, toOrganizationView, updateOrganization } from "../service/organizations";

const UserIdParam = z.object({ userId: z.uuid() });
const noContent = { 204: { description: "Done" }, ...errorResponses };

export const organizationRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/organization",
			tags: ["Organization"],
			summary: "The active organization",
			responses: { 200: jsonResponse(OrganizationView, "Organization"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c);
			return c.json(toOrganizationView(await getOrganization(ctx.db, ctx.organizationId)), 200);
		},
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/organization",
			tags: ["Organization"],
			summary: "Change name, default language or time zone",
			request: jsonBody(UpdateOrganizationInput),
			responses: { 200: jsonResponse(OrganizationView, "Updated"), ...errorResponses },
		}),
		async (c) => c.json(await updateOrganization(ctxOf(c, "organization.write"), c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/departments",
			tags: ["Departments"],
			summary: "Departments, by name",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(DepartmentView), "A page of departments"), ...errorResponses },
		}),
		async (c) => c.json(await findDepartments(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/departments",
			tags: ["Departments"],
			summary: "Add a department",
			request: jsonBody(CreateDepartmentInput),
			responses: { 201: jsonResponse(DepartmentView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createDepartment(ctxOf(c, "organization.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/departments/{id}",
			tags: ["Departments"],
			summary: "Rename or describe a department",
			request: { params: IdParam, ...jsonBody(UpdateDepartmentInput) },
			responses: { 200: jsonResponse(DepartmentView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateDepartment(ctxOf(c, "organization.write"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/departments/{id}",
			tags: ["Departments"],
			summary: "Delete a department (its touchpoints lose their owner)",
			request: { params: IdParam },
			responses: noContent,
		}),
		async (c) => {
			await deleteDepartment(ctxOf(c, "organization.write"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/members",
			tags: ["Members"],
			summary: "Members with role and departments",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(MemberView), "A page of members"), ...errorResponses },
		}),
		async (c) => c.json(await findMembers(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/members/{userId}",
			tags: ["Members"],
			summary: "Change a member's role or departments",
			request: { params: UserIdParam, ...jsonBody(UpdateMemberInput) },
			responses: { 200: jsonResponse(MemberView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateMember(ctxOf(c, "members.manage"), c.req.valid("param").userId, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/members/{userId}",
			tags: ["Members"],
			summary: "Remove a member from the organization",
			request: { params: UserIdParam },
			responses: noContent,
		}),
		async (c) => {
			await removeMember(ctxOf(c, "members.manage"), c.req.valid("param").userId);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/invitations",
			tags: ["Members"],
			summary: "Invitations, newest first",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(InvitationView), "A page of invitations"), ...errorResponses },
		}),
		async (c) => c.json(await findInvitations(ctxOf(c, "members.manage"), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/invitations",
			tags: ["Members"],
			summary: "Invite a person by email; the link is also returned once, to share by hand",
			request: jsonBody(CreateInvitationInput),
			responses: { 201: jsonResponse(CreatedInvitationView, "Invited"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c, "members.manage");
			return c.json(await createInvitation(ctx, c.req.valid("json"), c.get("services").config.publicUrl), 201);
		},
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/invitations/{id}",
			tags: ["Members"],
			summary: "Revoke an open invitation",
			request: { params: IdParam },
			responses: noContent,
		}),
		async (c) => {
			await revokeInvitation(ctxOf(c, "members.manage"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/api-keys",
			tags: ["API keys"],
			summary: "API keys (never the secret)",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(ApiKeyView), "A page of API keys"), ...errorResponses },
		}),
		async (c) => c.json(await findApiKeys(ctxOf(c, "apiKeys.manage"), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/api-keys",
			tags: ["API keys"],
			summary: "Create an API key; the key is shown in this response only",
			request: jsonBody(CreateApiKeyInput),
			responses: { 201: jsonResponse(CreatedApiKeyView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createApiKey(ctxOf(c, "apiKeys.manage"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/api-keys/{id}",
			tags: ["API keys"],
			summary: "Revoke an API key",
			request: { params: IdParam },
			responses: noContent,
		}),
		async (c) => {
			await revokeApiKey(ctxOf(c, "apiKeys.manage"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	);
