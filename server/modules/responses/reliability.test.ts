// Nothing acknowledged is lost: the real server (`loupe start` on PGlite) takes a burst of concurrent
// submissions, is killed with SIGKILL in the middle of it, restarts on the same data directory, and every
// response it answered 2xx for is there (and a resend is recognised as the same response).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../../test/harness";

const root = path.resolve(import.meta.dirname, "../../..");
const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer().listen(0, "127.0.0.1", () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

function startServer(dataDir: string, port: number) {
	const { DATABASE_URL: _ignored, ...env } = process.env;
	const child = spawn(process.execPath, ["cli/loupe.mjs", "start"], {
		cwd: root,
		env: {
			...env,
			LOUPE_DATA_DIR: dataDir,
			PORT: String(port),
			HOST: "127.0.0.1",
			LOUPE_SEED_DEMO: "false",
			LOUPE_WORKERS: "false",
			LOG_LEVEL: "warn",
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	children.push(child);
	let output = "";
	child.stdout?.on("data", (chunk) => {
		output += chunk;
	});
	child.stderr?.on("data", (chunk) => {
		output += chunk;
	});
	const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
	return { child, exited, output: () => output };
}

describe.skipIf(!!process.env.DATABASE_URL)("responses survive a killed server", () => {
	it("keeps every acknowledged response across SIGKILL and restart", { timeout: 240_000 }, async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-responses-kill-"));
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		const healthy = async () => {
			try {
				return (await fetch(`${base}/api/health`)).ok ? true : undefined;
			} catch {
				return undefined;
			}
		};
		let server = startServer(dataDir, port);
		await eventually(healthy, 90_000);

		const json = { "content-type": "application/json" };
		const signUp = await fetch(`${base}/api/v1/auth/sign-up`, {
			method: "POST",
			headers: json,
			body: JSON.stringify({
				organizationName: "Kill Co",
				name: "Owner",
				email: "kill@x.example",
				password: "correct horse battery",
			}),
		});
		const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
		const admin = async (method: string, url: string, body?: unknown) => {
			const res = await fetch(`${base}${url}`, {
				method,
				headers: { ...json, cookie },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return res.json();
		};
		const journey = await admin("POST", "/api/v1/journeys", { name: "J", standardStages: "de" });
		const detail = await admin("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
			stageId: journey.stages[0].id,
			name: "Checkout",
			channel: "checkout",
		});
		const survey = await admin("POST", "/api/v1/surveys", {
			template: "post_purchase_nps",
			touchpointId: detail.stages[0].touchpoints[0].id,
		});
		await admin("POST", `/api/v1/surveys/${survey.id}/publish`);

		const acknowledged: string[] = [];
		let killed = false;
		const sendOne = async () => {
			const responseId = crypto.randomUUID();
			try {
				const res = await fetch(`${base}/api/v1/public/responses`, {
					method: "POST",
					headers: json,
					body: JSON.stringify({
						surveySlug: survey.slug,
						responseId,
						language: "de",
						answers: { nps: 8, reason: `Antwort ${responseId}` },
						completed: true,
					}),
				});
				if (res.status >= 200 && res.status < 300) acknowledged.push(responseId);
			} catch {
				// The connection died with the server: not acknowledged, so the client would retry.
			}
		};
		const client = async () => {
			while (!killed) await sendOne();
		};
		const clients = Array.from({ length: 16 }, client);
		await eventually(async () => (acknowledged.length >= 120 ? true : undefined), 60_000);
		server.child.kill("SIGKILL");
		killed = true;
		await Promise.all(clients);
		await server.exited;
		expect(acknowledged.length).toBeGreaterThanOrEqual(120);

		server = startServer(dataDir, port);
		await eventually(healthy, 90_000);
		const stored = new Set<string>();
		let cursor = "";
		do {
			const page = await admin(
				"GET",
				`/api/v1/responses?surveyId=${survey.id}&limit=200${cursor ? `&cursor=${cursor}` : ""}`,
			);
			for (const item of page.items) stored.add(item.id);
			cursor = page.nextCursor ?? "";
		} while (cursor);
		const lost = acknowledged.filter((id) => !stored.has(id));
		expect(lost).toEqual([]);
		const resend = await fetch(`${base}/api/v1/public/responses`, {
			method: "POST",
			headers: json,
			body: JSON.stringify({
				surveySlug: survey.slug,
				responseId: acknowledged[0],
				language: "de",
				answers: { nps: 8 },
				completed: true,
			}),
		});
		expect(resend.status).toBe(200);
		expect((await resend.json()).status).toBe("unchanged");
		server.child.kill("SIGTERM");
		await server.exited;
	});
});
