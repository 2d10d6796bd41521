// A fresh, migrated database for one test file: a copy of the run's template (PGlite or PostgreSQL).

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../platform/db";

export async function openTestDatabase(): Promise<Database> {
	const databaseUrl = process.env.DATABASE_URL;
	const postgresTemplate = inject("postgresTemplate");
	if (databaseUrl && postgresTemplate) {
		const name = `loupe_t_${process.ppid}_${randomBytes(5).toString("hex")}`;
		const admin = new pg.Client({ connectionString: databaseUrl });
		await admin.connect();
		await admin.query(`create database ${name} template ${postgresTemplate}`);
		await admin.end();
		const url = new URL(databaseUrl);
		url.pathname = `/${name}`;
		const database = await openPostgres(url.toString(), 5);
		return {
			...database,
			close: async () => {
				await database.close();
				const cleanup = new pg.Client({ connectionString: databaseUrl });
				await cleanup.connect();
				await cleanup.query(`drop database if exists ${name} with (force)`);
				await cleanup.end();
			},
		};
	}
	const template = fs.readFileSync(inject("pgliteTemplate"));
	return openPglite({ loadDataDir: new Blob([template]) });
}
