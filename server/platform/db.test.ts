// The embedded database: one process per data directory, data survives a restart and a killed process.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";
import { openPglite } from "./db";
import { migrateDatabase } from "./migrate";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "loupe-db-"));

describe("data directory lock", () => {
	it("refuses a second opener while the first holds the lock, and frees it on release", () => {
		const dir = tempDir();
		const release = lockDataDir(dir);
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
		expect(() => lockDataDir(dir)).toThrow(/in use by another Loupe process/);
		release();
		const again = lockDataDir(dir);
		again();
	});

	it("takes over a lock left by a process that died", async () => {
		const dir = tempDir();
		const child = spawn(process.execPath, ["-e", "0"]);
		const deadPid = await new Promise<number>((resolve) => child.on("exit", () => resolve(child.pid ?? 0)));
		fs.writeFileSync(path.join(dir, "loupe.lock"), String(deadPid));
		const release = lockDataDir(dir);
		expect(fs.readFileSync(path.join(dir, "loupe.lock"), "utf8")).toBe(String(process.pid));
		release();
	});

	it("refuses the lock held by another live process", () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, "loupe.lock"), String(process.ppid));
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
	});
});

describe.skipIf(!!process.env.DATABASE_URL)("PGlite data directory", () => {
	it("keeps committed rows across a close and reopen", async () => {
		const dir = tempDir();
		const first = await openPglite({ dataDir: dir });
		await migrateDatabase(first);
		await first.db.execute(sql`insert into organizations (name, slug) values ('Persist GmbH', 'persist')`);
		await first.close();
		const second = await openPglite({ dataDir: dir });
		await migrateDatabase(second);
		const rows = await second.executeSql("select name from organizations");
		expect(rows.rows).toEqual([{ name: "Persist GmbH" }]);
		await second.close();
	});
});
