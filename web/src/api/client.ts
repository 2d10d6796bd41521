// Typed fetch for the Loupe API: JSON in and out, the session cookie, and errors as ApiError.

export type FieldError = { field: string; message: string; code: string };

/** An error response of the API (`{ error: { code, message, details? } }`) or a network failure. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly fields: FieldError[] = [],
	) {
		super(message);
	}
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
	let response: Response;
	try {
		response = await fetch(`/api/v1${path}`, {
			method,
			credentials: "same-origin",
			headers:
				body === undefined
					? { accept: "application/json" }
					: { "content-type": "application/json", accept: "application/json" },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	} catch {
		throw new ApiError(0, "network", "The server cannot be reached");
	}
	if (response.status === 204) return undefined as T;
	const payload: unknown = await response.json().catch(() => null);
	if (!response.ok) throw toApiError(response.status, payload);
	return payload as T;
}

function toApiError(status: number, payload: unknown): ApiError {
	const error = (payload as { error?: { code?: string; message?: string; details?: { fields?: FieldError[] } } } | null)
		?.error;
	return new ApiError(
		status,
		error?.code ?? "internal",
		error?.message ?? `Request failed (${status})`,
		error?.details?.fields ?? [],
	);
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
