// Sign-up, sign-in/out, the current user, and joining by invitation.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { AppError } from "../../../platform/errors";
import { type AppEnv, clientIp, createRouter, jsonBody, jsonResponse, requireAuth } from "../../../platform/http";
import { RateLimiter } from "../../../platform/rate-limit";
import {
	AcceptInvitationInput,
	MeView,
	PublicInvitationView,
	SignInInput,
	SignUpInput,
	SwitchOrganizationInput,
	UpdateMeInput,
} from "../contract";
import { acceptInvitation, describeInvitation } from "../service/invitations";
import { getMe, updateMe } from "../service/me";
import { signUpOrganization } from "../service/organizations";
import { createSession, SESSION_DAYS, signIn, signOut, switchOrganization } from "../service/sessions";

export const SESSION_COOKIE = "loupe_session";
const tags = ["Auth"];
// Per node and IP, before any password is checked; per-email failures are limited in the database.
const signInLimiter = new RateLimiter(30, 15 * 60_000);

function setSessionCookie(c: Context<AppEnv>, token: string) {
	setCookie(c, SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: "Lax",
		secure: c.get("services").config.publicUrl.startsWith("https:"),
		path: "/",
		maxAge: SESSION_DAYS * 86_400,
	});
}

export const authRoutes = createRouter()
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/auth/sign-up",
			tags,
			summary: "Create an organization and its owner, and sign in",
			request: jsonBody(SignUpInput),
			responses: { 201: jsonResponse(MeView, "Signed up and signed in") },
		}),
		async (c) => {
			const { db, config, clock } = c.get("services");
			if (!config.allowSignUp)
				throw new AppError("forbidden", "Sign-up is disabled on this server; ask for an invitation");
			signInLimiter.hit(`signup:${clientIp(c)}`, clock().getTime());
			const { organization, user } = await signUpOrganization(db, c.req.valid("json"));
			const session = await createSession(db, user.id, organization.id, clock(), c.req.header("user-agent"));
			setSessionCookie(c, session.token);
			const me = await getMe(db, {
				organizationId: organization.id,
				role: "owner",
				userId: user.id,
				apiKeyId: null,
				sessionId: null,
			});
			return c.json(me, 201);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/auth/sign-in",
			tags,
			summary: "Sign in with email and password (sets the session cookie)",
			request: jsonBody(SignInInput),
			responses: { 200: jsonResponse(MeView, "Signed in") },
		}),
		async (c) => {
			const { db, clock } = c.get("services");
			signInLimiter.hit(`signin:${clientIp(c)}`, clock().getTime());
			const session = await signIn(db, c.req.valid("json"), clock(), c.req.header("user-agent"));
			setSessionCookie(c, session.token);
			const { organizationId, userId, role } = session;
			return c.json(await getMe(db, { organizationId, userId, role, apiKeyId: null, sessionId: null }), 200);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/auth/sign-out",
			tags,
			summary: "Sign out (ends the session)",
			responses: { 204: { description: "Signed out" } },
		}),
		async (c) => {
			const token = getCookie(c, SESSION_COOKIE);
			if (token) await signOut(c.get("services").db, token);
			deleteCookie(c, SESSION_COOKIE, { path: "/" });
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/auth/switch-organization",
			tags,
			summary: "Make another of your organizations the active one",
			request: jsonBody(SwitchOrganizationInput),
			responses: { 200: jsonResponse(MeView, "Switched") },
		}),
		async (c) => {
			const { db } = c.get("services");
			const auth = requireAuth(c);
			const { organizationId } = c.req.valid("json");
			await switchOrganization(db, auth, organizationId);
			const [membership] = (await getMe(db, auth)).organizations.filter((o) => o.id === organizationId);
			if (!membership) throw new AppError("not_found", "Organization not found");
			return c.json(await getMe(db, { ...auth, organizationId, role: membership.role }), 200);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/me",
			tags,
			summary: "Who is signed in, in which organization, with which role",
			responses: { 200: jsonResponse(MeView, "The current user or API key") },
		}),
		async (c) => c.json(await getMe(c.get("services").db, requireAuth(c)), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/me",
			tags,
			summary: "Change your name or language",
			request: jsonBody(UpdateMeInput),
			responses: { 200: jsonResponse(MeView, "Updated") },
		}),
		async (c) => c.json(await updateMe(c.get("services").db, requireAuth(c), c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/public/invitations/{token}",
			tags,
			summary: "What an invitation link is for (no sign-in needed)",
			request: { params: z.object({ token: z.string().min(10).max(200) }) },
			responses: { 200: jsonResponse(PublicInvitationView, "The open invitation") },
		}),
		async (c) => {
			const { db, clock } = c.get("services");
			return c.json(await describeInvitation(db, c.req.valid("param").token, clock()), 200);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/auth/accept-invitation",
			tags,
			summary: "Join an organization by invitation (creates the account if needed) and sign in",
			request: jsonBody(AcceptInvitationInput),
			responses: { 201: jsonResponse(MeView, "Joined and signed in") },
		}),
		async (c) => {
			const { db, clock } = c.get("services");
			signInLimiter.hit(`accept:${clientIp(c)}`, clock().getTime());
			const joined = await acceptInvitation(db, c.req.valid("json"), clock(), c.req.header("user-agent"));
			setSessionCookie(c, joined.token);
			const me = await getMe(db, {
				organizationId: joined.organizationId,
				userId: joined.userId,
				role: "viewer",
				apiKeyId: null,
				sessionId: null,
			});
			const role = me.organizations.find((o) => o.id === joined.organizationId)?.role ?? "viewer";
			return c.json({ ...me, role }, 201);
		},
	);
