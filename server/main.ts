// Entry point: configuration → database → migrations → jobs → demo data → HTTP.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { buildApp } from "./app";
import { seedDemoIfEmpty } from "./demo/seed-demo";
import { jobDefinitions, jobEnv } from "./jobs";
import type { Config } from "./platform/config";
import { type Database, openDatabase } from "./platform/db";
import { Jobs } from "./platform/jobs/jobs";
import { LiveBus } from "./platform/live/bus";
import { createLogger, type Logger } from "./platform/logging";
import { migrateDatabase } from "./platform/migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const webDir = path.join(repoRoot, "dist", "web");

export type Runtime = { database: Database; jobs: Jobs; live: LiveBus; log: Logger; stop(): Promise<void> };

/** Opens and migrates the database and starts the job system (workers only when asked). */
export async function boot(config: Config, options: { workers: boolean }): Promise<Runtime> {
	const log = createLogger(config.logLevel);
	const database = await openDatabase(config);
	await migrateDatabase(database);
	const jobs = new Jobs(database, log);
	await jobs.start(jobDefinitions);
	const live = new LiveBus(log);
	await live.connect(database.connectionString);
	if (options.workers) await jobs.work(jobEnv(database.db, jobs, live, log, config));
	return {
		database,
		jobs,
		live,
		log,
		async stop() {
			await jobs.stop().catch((error) => log.warn({ err: error }, "job system did not stop cleanly"));
			await live.close();
			await database.close();
		},
	};
}

export async function startServer(config: Config): Promise<void> {
	const runtime = await boot(config, { workers: config.runWorkers });
	const { database, jobs, live, log } = runtime;
	if (config.seedDemo) await seedDemoIfEmpty({ db: database.db, jobs, log });
	const app = buildApp(
		{ db: database.db, dbKind: database.kind, jobs, live, log, config, clock: () => new Date() },
		{ webDir },
	);
	const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
	log.info({ port: config.port, db: database.kind }, "Loupe is listening");
	console.log(`\n  Loupe is running at ${config.publicUrl}\n  Demo sign-in: demo@example.com / loupe-demo\n`);
	let stopping = false;
	const shutdown = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info({ signal }, "shutting down");
		server.close();
		await runtime.stop();
		process.exit(0);
	};
	process.on("SIGINT", () => void shutdown("SIGINT"));
	process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
