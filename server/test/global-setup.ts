// Migrates a template database once per test run; each test file then starts from a copy of it
// (a PGlite data-dir dump, or a PostgreSQL database created WITH TEMPLATE), which keeps files fast.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { jobDefinitions } from "../jobs";
import { openPglite, openPostgres } from "../platform/db";
import { Jobs } from "../platform/jobs/jobs";
import { createLogger } from "../platform/logging";
import { migrateDatabase } from "../platform/migrate";

declare module "vitest" {
	export interface ProvidedContext {
		pgliteTemplate: string;
		postgresTemplate: string;
	}
}

function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

export default async function setup(project: TestProject) {
	const log = createLogger("silent");
	const databaseUrl = process.env.DATABASE_URL;
	if (databaseUrl) {
		const template = `loupe_template_${process.pid}`;
		const admin = new pg.Client({ connectionString: databaseUrl });
		await admin.connect();
		await admin.query(`drop database if exists ${template}`);
		await admin.query(`create database ${template}`);
		const database = await openPostgres(withDatabase(databaseUrl, template), 2);
		await migrateDatabase(database);
		const jobs = new Jobs(database, log, { schedules: false });
		await jobs.start(jobDefinitions);
		await jobs.stop();
		await database.close();
		project.provide("postgresTemplate", template);
		project.provide("pgliteTemplate", "");
		return async () => {
			// Test files drop their own databases; drop any left behind by a crashed file, then the template.
			const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
				`loupe_t_${process.pid}_%`,
			]);
			for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
			await admin.query(`drop database if exists ${template} with (force)`);
			await admin.end();
		};
	}
	const database = await openPglite({});
	await migrateDatabase(database);
	const jobs = new Jobs(database, log, { schedules: false });
	await jobs.start(jobDefinitions);
	await jobs.stop();
	const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
	const dump = await client.dumpDataDir("none");
	await database.close();
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loupe-test-")), "template.tar");
	fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide("pgliteTemplate", file);
	project.provide("postgresTemplate", "");
	return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
