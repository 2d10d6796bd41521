// Opens the database: embedded PGlite in a data directory by default, PostgreSQL when DATABASE_URL is set.
// Both are driven through the same Drizzle API; `executeSql` is the raw adapter pg-boss uses.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type SqlRows = { rows: Record<string, unknown>[] };

export type Database = {
	db: Db;
	kind: "pglite" | "postgres";
	/** PostgreSQL only: for tools that need a connection of their own (migrations, LISTEN). */
	connectionString?: string;
	/** Raw SQL with $1… parameters; several statements allowed when there are no parameters. */
	executeSql(text: string, values?: unknown[]): Promise<SqlRows>;
	close(): Promise<void>;
};

// bigint counts come back as strings from `pg`; parse int8 as number (counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle connection the server closed (restart, failover, a dropped database) must not crash the
	// process: the pool discards it and the next query opens a new one or fails with its own error.
	pool.on("error", () => {});
	await pool.query("select 1");
	return {
		db: drizzleNodePg({ client: pool, schema }) as unknown as Db,
		kind: "postgres",
		connectionString: url,
		executeSql: async (text, values) => {
			const result = await pool.query(text, values as unknown[] | undefined);
			// A multi-statement text returns an array of results; pg-boss wants the last one.
			const last = Array.isArray(result) ? result[result.length - 1] : result;
			return { rows: last?.rows ?? [] };
		},
		close: () => pool.end(),
	};
}

/** PGlite on a directory (locked to this process), or in memory when dataDir is undefined. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
	const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
	let client: PGlite;
	try {
		if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
		client = await PGlite.create({
			dataDir: options.dataDir ? `${options.dataDir}/pgdata` : undefined,
			loadDataDir: options.loadDataDir,
		});
	} catch (error) {
		unlock();
		throw error;
	}
	return wrapPglite(client, unlock);
}

export function wrapPglite(client: PGlite, unlock: () => void = () => {}): Database {
	return {
		db: drizzlePglite({ client, schema }) as unknown as Db,
		kind: "pglite",
		executeSql: async (text, values) => {
			if (!values || values.length === 0) {
				const results = await client.exec(text);
				return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
			}
			const result = await client.query(text, values.map(toPgliteParam));
			return { rows: result.rows as Record<string, unknown>[] };
		},
		close: async () => {
			try {
				await client.close();
			} finally {
				unlock();
			}
		},
	};
}

// node-postgres serialises plain objects as JSON; PGlite needs it done for it.
function toPgliteParam(value: unknown): unknown {
	if (value === undefined) return null;
	if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)) {
		return JSON.stringify(value);
	}
	return value;
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
	return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite({ dataDir: config.dataDir });
}
