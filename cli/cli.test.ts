// The processes as an operator runs them: `loupe start` refuses a second process on the same PGlite
// directory, and PGlite keeps every acknowledged row when its process is killed with SIGKILL.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../server/test/harness";
import { openPglite } from "../server/platform/db";

const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill("SIGKILL");
});

function run(args: string[], env: Record<string, string>) {
	const { DATABASE_URL: _ignored, ...rest } = process.env;
	const child = spawn(process.execPath, args, { cwd: root, env: { ...rest, ...env }, stdio: ["ignore", "pipe", "pipe"] });
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
				const lines = writer.output().trim().split("\n").filter((l) => /^\d+$/.test(l));
				return lines.length >= wanted ? true : undefined;
			}, 60_000);
			writer.child.kill("SIGKILL");
			await writer.exited;
			const printed = writer.output().trim().split("\n").filter((l) => /^\d+$/.test(l)).map(Number);
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
