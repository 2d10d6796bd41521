// Test harness: the real app on a fresh database, with helpers to sign up and call the API as a browser would.
import { buildApp } from "../app";
import { jobDefinitions, jobEnv } from "../jobs";
import { loadConfig } from "../platform/config";
import type { Database } from "../platform/db";
import { Jobs } from "../platform/jobs/jobs";
import { LiveBus } from "../platform/live/bus";
import { createLogger } from "../platform/logging";
import { openTestDatabase } from "./test-database";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(options: { workers?: boolean; smtpUrl?: string; now?: () => Date } = {}) {
	const database: Database = await openTestDatabase();
	const log = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
	const config = {
		...loadConfig({ PORT: "3999", LOUPE_DATA_DIR: "/nonexistent", LOG_LEVEL: "silent" }),
		publicUrl: "http://loupe.test",
		smtpUrl: options.smtpUrl,
	};
	const jobs = new Jobs(database, log, { schedules: false });
	await jobs.start(jobDefinitions);
	const live = new LiveBus(log);
	await live.connect(database.connectionString);
	if (options.workers) await jobs.work(jobEnv(database.db, jobs, live, log, config), { pollingIntervalSeconds: 0.5 });
	const clock = options.now ?? (() => new Date());
	const app = buildApp({ db: database.db, dbKind: database.kind, jobs, live, log, config, clock });

	type Call = { body?: unknown; cookie?: string; apiKey?: string; headers?: Record<string, string> };
	async function call(method: string, path: string, init: Call = {}) {
		const headers: Record<string, string> = { ...init.headers };
		if (init.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
		if (init.cookie) headers.cookie = init.cookie;
		if (init.apiKey) headers.authorization = `Bearer ${init.apiKey}`;
		const response = await app.request(path, {
			method,
			headers,
			body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
		});
		const text = await response.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
		return { status: response.status, json: json as any, text, headers: response.headers };
	}

	/** Signs up a new organization and returns its owner's session cookie and ids. */
	async function signUp(organizationName: string, email: string) {
		const response = await call("POST", "/api/v1/auth/sign-up", {
			body: { organizationName, name: "Owner", email, password: "correct horse battery", locale: "en" },
		});
		if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
		const cookie = sessionCookieOf(response.headers);
		return { cookie, organizationId: response.json.organization.id as string, userId: response.json.user.id as string };
	}

	return {
		app,
		database,
		db: database.db,
		jobs,
		live,
		config,
		call,
		signUp,
		async close() {
			await jobs.stop();
			await live.close();
			await database.close();
		},
	};
}

export function sessionCookieOf(headers: Headers): string {
	const setCookie = headers.get("set-cookie") ?? "";
	const match = setCookie.match(/loupe_session=([^;]+)/);
	if (!match) throw new Error(`no session cookie in ${setCookie}`);
	return `loupe_session=${match[1]}`;
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error("condition not met in time");
		await new Promise((r) => setTimeout(r, 100));
	}
}
