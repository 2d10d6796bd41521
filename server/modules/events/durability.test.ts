// SIGKILL during a load test loses no acknowledged event: a real `loupe start` on a temporary data directory
// takes concurrent batches, is killed mid-stream, restarted, and every event id it acknowledged is stored.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BROWSER_UA } from "./test/fixtures";

const root = path.resolve(import.meta.dirname, "../../..");
const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill("SIGKILL");
});

const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer();
		probe.listen(0, "127.0.0.1", () => {
			const port = (probe.address() as { port: number }).port;
			probe.close(() => resolve(port));
		});
	});

async function startLoupe(dataDir: string, port: number) {
	const { DATABASE_URL: _pgIsNotUsedHere, ...env } = process.env;
	const child = spawn(process.execPath, ["cli/loupe.mjs", "start"], {
		cwd: root,
		env: {
			...env,
			PORT: String(port),
			LOUPE_DATA_DIR: dataDir,
			LOUPE_SEED_DEMO: "false",
			LOUPE_TRUST_PROXY: "true",
			LOG_LEVEL: "warn",
		},
		stdio: "ignore",
	});
	children.push(child);
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${base}/api/health`)).ok) return { child, base };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error("loupe did not start");
}

describe.skipIf(!!process.env.DATABASE_URL)("event ingestion under SIGKILL", () => {
	it("stores every acknowledged event after the server was killed mid-load", async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-events-kill-"));
		const port = await freePort();
		let { child, base } = await startLoupe(dataDir, port);
		const signUp = await fetch(`${base}/api/v1/auth/sign-up`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({
				organizationName: "Kill",
				name: "K",
				email: "k@kill.example",
				password: "kill password 1",
				locale: "en",
			}),
		});
		const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
		const site = await (
			await fetch(`${base}/api/v1/sites`, {
				method: "POST",
				headers: { "content-type": "application/json", cookie },
				body: JSON.stringify({ name: "Shop", allowedOrigins: ["https://kill.example"] }),
			})
		).json();

		const acknowledged: string[] = [];
		let sent = 0;
		let stop = false;
		const client = async (worker: number) => {
			while (!stop) {
				const batch = sent++;
				const ids = Array.from({ length: 50 }, (_, k) => `kill_${worker}_${batch}_${k}`);
				try {
					const res = await fetch(`${base}/api/v1/public/events`, {
						method: "POST",
						headers: {
							"content-type": "text/plain",
							origin: "https://kill.example",
							"user-agent": BROWSER_UA,
							"x-forwarded-for": `10.1.${worker}.${batch % 250}`,
						},
						body: JSON.stringify({
							site: site.publicKey,
							session: `kill_session_${worker}`,
							events: ids.map((id, k) => ({
								id,
								type: "pageview",
								at: Date.now() - k,
								url: `https://kill.example/p/${k}`,
							})),
						}),
					});
					if (res.status === 202) acknowledged.push(...ids);
				} catch {
					return;
				}
			}
		};
		const clients = Array.from({ length: 8 }, (_, w) => client(w));
		await new Promise((r) => setTimeout(r, 2500));
		child.kill("SIGKILL");
		await new Promise((r) => child.once("exit", r));
		stop = true;
		await Promise.all(clients);
		expect(acknowledged.length).toBeGreaterThan(500);

		({ child, base } = await startLoupe(dataDir, port));
		const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ email: "k@kill.example", password: "kill password 1" }),
		});
		const cookie2 = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
		const missing: string[] = [];
		const bySession = new Map<string, Set<string>>();
		for (let w = 0; w < 8; w++) {
			const res = await fetch(`${base}/api/v1/sessions/kill_session_${w}/path`, { headers: { cookie: cookie2 } });
			if (res.status !== 200) continue;
			const path = await res.json();
			bySession.set(`${w}`, new Set(path.events.map((e: { at: string; path: string }) => `${e.at}|${e.path}`)));
		}
		// The session path is capped at 500 events; count stored ids in the database directly instead.
		child.kill("SIGKILL");
		await new Promise((r) => child.once("exit", r));
		const { openPglite } = await import("../../platform/db");
		const database = await openPglite({ dataDir });
		const { rows } = await database.executeSql("select id from events");
		await database.close();
		const stored = new Set(rows.map((r) => String(r.id)));
		for (const id of acknowledged) if (!stored.has(id)) missing.push(id);
		expect(missing).toEqual([]);
		expect(bySession.size).toBeGreaterThan(0);
		fs.rmSync(dataDir, { recursive: true, force: true });
	}, 180_000);
});
