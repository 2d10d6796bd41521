// What every route file shares: the Hono environment, a router that renders validation errors in the
// API's error shape, and `ctxOf` which turns an authenticated request into a service context.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Role } from "./auth/roles";
import { assertPermission, type Permission } from "./auth/roles";
import type { Config } from "./config";
import type { Ctx } from "./context";
import type { Db } from "./db";
import { AppError, errorBody, statusOf } from "./errors";
import type { Jobs } from "./jobs/jobs";
import type { LiveBus } from "./live/bus";
import type { Logger } from "./logging";

export type Services = {
	db: Db;
	dbKind: "pglite" | "postgres";
	jobs: Jobs;
	live: LiveBus;
	log: Logger;
	config: Config;
	clock: () => Date;
};

export type Auth = {
	organizationId: string;
	role: Role;
	userId: string | null;
	apiKeyId: string | null;
	sessionId: string | null;
};

export type AppEnv = { Variables: { services: Services; auth: Auth | undefined } };

type ZodIssueLike = { path: PropertyKey[]; message: string; code: string };

export function validationError(issues: ZodIssueLike[], target: string) {
	const fields = issues.map((issue) => ({
		field: issue.path.map(String).join(".") || target,
		message: issue.message,
		code: issue.code,
	}));
	const first = fields[0];
	return new AppError("invalid", first ? `${first.field}: ${first.message}` : "Invalid request", { fields });
}

export function createRouter() {
	return new OpenAPIHono<AppEnv>({
		defaultHook: (result, c) => {
			if (!result.success) {
				const error = validationError(result.error.issues, result.target);
				return c.json(errorBody(error), statusOf(error.code));
			}
		},
	});
}

export function requireAuth(c: Context<AppEnv>): Auth {
	const auth = c.get("auth");
	if (!auth) throw new AppError("unauthenticated", "Sign in or send an API key");
	return auth;
}

/** The service context of an authenticated request holding `permission`. */
export function ctxOf(c: Context<AppEnv>, permission: Permission = "read"): Ctx {
	const auth = requireAuth(c);
	assertPermission(auth.role, permission);
	const services = c.get("services");
	return {
		db: services.db,
		jobs: services.jobs,
		log: services.log,
		now: services.clock(),
		organizationId: auth.organizationId,
		actor: auth.userId
			? { type: "user", userId: auth.userId, role: auth.role }
			: { type: "apiKey", apiKeyId: auth.apiKeyId ?? "", role: auth.role },
	};
}

/** Shared OpenAPI response entries. */
export const errorResponses = {
	400: { description: "Invalid input; nothing was written" },
	401: { description: "Not signed in" },
	403: { description: "Not allowed for this role" },
	404: { description: "Not found in this organization" },
} as const;

/** A required JSON request body validated by `schema` (wrong content type → 400 as well). */
export const jsonBody = <T>(schema: T) => ({
	body: { required: true, content: { "application/json": { schema } } },
});

/** A JSON response entry for createRoute. */
export const jsonResponse = <T>(schema: T, description: string) => ({
	content: { "application/json": { schema } },
	description,
});

/** The client address; X-Forwarded-For only counts with LOUPE_TRUST_PROXY=true (behind your own proxy). */
export function clientIp(c: Context<AppEnv>): string {
	if (c.get("services").config.trustProxy) {
		const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
		if (forwarded) return forwarded;
	}
	const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
	return incoming?.socket?.remoteAddress ?? "unknown";
}
