// The one error type of the API, its closed set of codes, and the one place that renders it as JSON.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";

export type ErrorCode =
	| "invalid"
	| "unauthenticated"
	| "forbidden"
	| "not_found"
	| "conflict"
	| "payload_too_large"
	| "unsupported_media_type"
	| "rate_limited"
	| "unavailable"
	| "internal";

export class AppError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly details?: unknown,
	) {
		super(message);
	}
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("forbidden", message);
export const invalid = (message: string, details?: unknown) => new AppError("invalid", message, details);
export const conflict = (message: string) => new AppError("conflict", message);

export function statusOf(code: ErrorCode): ContentfulStatusCode {
	switch (code) {
		case "invalid":
			return 400;
		case "unauthenticated":
			return 401;
		case "forbidden":
			return 403;
		case "not_found":
			return 404;
		case "conflict":
			return 409;
		case "payload_too_large":
			return 413;
		case "unsupported_media_type":
			return 415;
		case "rate_limited":
			return 429;
		case "unavailable":
			return 503;
		case "internal":
			return 500;
	}
}

/** PostgreSQL's SQLSTATE of an error or of the driver error Drizzle wrapped it in. */
function sqlState(error: unknown): string | undefined {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
		if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
		e = e.cause as typeof e;
	}
	return undefined;
}

/** Turns anything thrown into an AppError; the unique violation becomes `conflict` here and only here. */
export function toAppError(error: unknown): AppError {
	if (error instanceof AppError) return error;
	if (error instanceof HTTPException) {
		if (error.status === 413) return new AppError("payload_too_large", "Request body is too large");
		if (error.status === 400) return new AppError("invalid", error.message || "Malformed request");
		if (error.status === 401) return new AppError("unauthenticated", error.message || "Sign in first");
		if (error.status === 404) return new AppError("not_found", error.message || "Not found");
	}
	switch (sqlState(error)) {
		case "23505":
			return new AppError("conflict", "Something with the same unique value already exists");
		case "23503":
			return new AppError("conflict", "A referenced record does not exist or is still in use");
		case "22P02":
			return new AppError("invalid", "Malformed value");
	}
	return new AppError("internal", "Internal server error");
}

export function errorBody(error: AppError) {
	return {
		error: {
			code: error.code,
			message: error.message,
			...(error.details === undefined ? {} : { details: error.details }),
		},
	};
}

export function renderError(c: Context, cause: unknown, log: Logger) {
	const error = toAppError(cause);
	if (error.code === "internal") log.error({ err: cause, path: c.req.path }, "request failed");
	else log.debug({ code: error.code, path: c.req.path }, error.message);
	return c.json(errorBody(error), statusOf(error.code));
}
