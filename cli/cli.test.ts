// The processes as an operator runs them: `loupe start` refuses a second process on the same PGlite
// directory, PGlite keeps every acknowledged row when its process is killed with SIGKILL, and on PostgreSQL
// `loupe worker` runs jobs sent by another process.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jobDefinitions } from "../server/jobs";
import { openPglite } from "../server/platform/db";
import { getHealthCheck, startHealthCheck } from "../server/platform/jobs/health";
import { Jobs } from "../server/platform/jobs/jobs";
import { createLogger } from "../server/platform/logging";
import { eventually } from "../server/test/harness";
import { openTestDatabase } from "../server/test/test-database";

const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill("SIGKILL");
});

function run(args: string[], env: Record<string, string>) {
	const { DATABASE_URL: _ignored, ...rest } = process.env;
	const child = spawnWith(args, { ...rest, ...env });
	return child;
}

function spawnWith(args: string[], fullEnv: NodeJS.ProcessEnv) {
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: fullEnv,
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
	const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
	return { child, exited, output: () => output };
}

describe.skipIf(!!process.env.DATABASE_URL)("loupe processes on PGlite", () => {
	it("refuses a second `loupe start` on the same data directory with a clear message", async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-cli-"));
		const env = { LOUPE_DATA_DIR: dataDir, LOUPE_SEED_DEMO: "false", LOG_LEVEL: "warn" };
		const first = run(["cli/loupe.mjs", "start"], { ...env, PORT: "0" });
		await eventually(async () => (first.output().includes("Loupe is running") ? true : undefined), 60_000);
		const second = run(["cli/loupe.mjs", "start"], { ...env, PORT: "0" });
		expect(await second.exited).toBe(1);
		expect(second.output()).toMatch(/in use by another Loupe process/);
		expect(first.child.exitCode).toBeNull();
	});

	it("loses no acknowledged row when the writing process is killed (3 rounds)", { timeout: 180_000 }, async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-kill-"));
		let acknowledged = 0;
		for (let round = 0; round < 3; round++) {
			const writer = run(["--import", "tsx", "server/test/pglite-writer.ts", dataDir, String(round)], {});
			const wanted = 30 + round * 17;
			await eventually(async () => {
				const lines = writer
					.output()
					.trim()
					.split("\n")
					.filter((l) => /^\d+$/.test(l));
				return lines.length >= wanted ? true : undefined;
			}, 60_000);
			writer.child.kill("SIGKILL");
			await writer.exited;
			const printed = writer
				.output()
				.trim()
				.split("\n")
				.filter((l) => /^\d+$/.test(l))
				.map(Number);
			const database = await openPglite({ dataDir });
			const { rows } = await database.executeSql("select name from organizations");
			await database.close();
			const stored = new Set(rows.map((r) => r.name));
			acknowledged += printed.length;
			expect(rows.length).toBeGreaterThanOrEqual(acknowledged);
			for (const n of printed) expect(stored.has(`Org ${round}-${n}`)).toBe(true);
		}
	});
});

describe.runIf(!!process.env.DATABASE_URL)("loupe worker on PostgreSQL", () => {
	it("refuses to run without DATABASE_URL", async () => {
		const worker = run(["cli/loupe.mjs", "worker"], {});
		expect(await worker.exited).toBe(2);
		expect(worker.output()).toMatch(/PostgreSQL only/);
	});

	it("runs jobs sent by another process, including a retry", async () => {
		const database = await openTestDatabase();
		const jobs = new Jobs(database, createLogger("silent"));
		await jobs.start(jobDefinitions);
		try {
			const worker = spawnWith(["cli/loupe.mjs", "worker"], {
				...process.env,
				DATABASE_URL: database.connectionString,
				LOG_LEVEL: "warn",
			});
			const checkId = await startHealthCheck(database.db, jobs, 1);
			const done = await eventually(async () => {
				const check = await getHealthCheck(database.db, checkId);
				return check?.completedAt ? check : undefined;
			}, 60_000);
			expect(done.attempts).toBe(2);
			worker.child.kill("SIGTERM");
			expect(await worker.exited).toBe(0);
		} finally {
			await jobs.stop();
			await database.close();
		}
	});
});
