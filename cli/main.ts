// `loupe <command>`: start, worker, migrate, seed-demo, text.
import { seedDemoIfEmpty } from "../server/demo/seed-demo";
import { boot, startServer } from "../server/main";
import { loadConfig } from "../server/platform/config";
import { DataDirLockedError } from "../server/platform/data-dir-lock";

const USAGE = `Usage: loupe <command>

  start        HTTP server + job workers (+ demo company on an empty database)
  worker       job workers only (PostgreSQL: DATABASE_URL must be set)
  migrate      apply database migrations and exit
  seed-demo    load the demo company if the database is empty
  text ...     text analytics: \`loupe text sentiment|analyze\` (one text per line on stdin)
`;

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	switch (command) {
		case "start":
			await startServer(loadConfig());
			return -1;
		case "worker": {
			const config = loadConfig();
			if (!config.databaseUrl) {
				console.error(
					"loupe worker runs beside the server on PostgreSQL only: set DATABASE_URL (embedded PGlite serves one process).",
				);
				return 2;
			}
			const runtime = await boot(config, { workers: true });
			runtime.log.info("workers running");
			const stop = () => void runtime.stop().then(() => process.exit(0));
			process.on("SIGINT", stop);
			process.on("SIGTERM", stop);
			return -1;
		}
		case "migrate": {
			const runtime = await boot({ ...loadConfig(), logLevel: "warn" }, { workers: false });
			await runtime.stop();
			console.log("migrations applied");
			return 0;
		}
		case "seed-demo": {
			const runtime = await boot(loadConfig(), { workers: false });
			const seeded = await seedDemoIfEmpty({ db: runtime.database.db, jobs: runtime.jobs, log: runtime.log });
			await runtime.stop();
			console.log(
				seeded ? "demo company loaded (demo@example.com / loupe-demo)" : "database not empty: demo not loaded",
			);
			return 0;
		}
		case "text": {
			if (rest[0] === "train") return (await import("./text-train")).runTextTrain(rest.slice(1));
			const { runTextCommand } = await import("./text");
			return runTextCommand(rest, process.stdin, process.stdout);
		}
		case undefined:
		case "help":
		case "--help":
			console.log(USAGE);
			return 0;
		default:
			console.error(`Unknown command: ${command}\n\n${USAGE}`);
			return 2;
	}
}

main(process.argv.slice(2)).then(
	(code) => {
		if (code >= 0) process.exitCode = code;
	},
	(error) => {
		console.error(error instanceof DataDirLockedError ? error.message : error);
		process.exit(1);
	},
);
