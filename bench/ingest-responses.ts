// Benchmark of public response ingestion: starts `loupe start` (PostgreSQL when DATABASE_URL is set, in a fresh
// database; else PGlite in a temp dir), then N keep-alive clients drive GET /api/health and then
// POST /api/v1/public/responses for a fixed time each. Prints accepted responses/s, p50/p99 latency and the ratio
// to the trivial endpoint of the same server in the same run; writes bench/results/ingest-responses.json.
// Clients send X-Forwarded-For (server started with LOUPE_TRUST_PROXY=true) so the per-IP limit sees many
// visitors, as behind a real proxy. Usage: tsx bench/ingest-responses.ts [clients=32] [seconds=10]
// (BENCH_NODE_FLAGS="--cpu-prof" passes flags to the server process for profiling).
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const clients = Number(process.argv[2] ?? 32);
const seconds = Number(process.argv[3] ?? 10);

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer().listen(0, "127.0.0.1", () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `loupe_bench_${process.pid}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`drop database if exists ${name}`);
	await admin.query(`create database ${name}`);
	const target = new URL(url);
	target.pathname = `/${name}`;
	return {
		url: target.toString(),
		drop: async () => {
			await admin.query(`drop database if exists ${name} with (force)`);
			await admin.end();
		},
	};
}

const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

function request(port: number, method: string, urlPath: string, body?: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
		const req = http.request({ host: "127.0.0.1", port, method, path: urlPath, agent, headers }, (res) => {
			let text = "";
			res.setEncoding("utf8");
			res.on("data", (chunk) => {
				text += chunk;
			});
			res.on("end", () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
		});
		req.on("error", reject);
		if (body) req.write(body);
		req.end();
	});
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** N clients send `make()` requests for `durationMs`; returns accepted/s and latencies of accepted requests. */
async function drive(
	port: number,
	durationMs: number,
	make: (n: number) => [string, string, string | undefined, Record<string, string>],
) {
	const latencies: number[] = [];
	let accepted = 0;
	let failed = 0;
	let sent = 0;
	const started = performance.now();
	const deadline = started + durationMs;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (performance.now() < deadline) {
				const [method, urlPath, body, headers] = make(sent++);
				const t0 = performance.now();
				const res = await request(port, method, urlPath, body, headers);
				if (res.status >= 200 && res.status < 300) {
					accepted++;
					latencies.push(performance.now() - t0);
				} else failed++;
			}
		}),
	);
	const elapsedS = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return {
		perSecond: Math.round(accepted / elapsedS),
		accepted,
		failed,
		p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
		p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
	};
}

async function main() {
	const databaseUrl = process.env.DATABASE_URL;
	const postgres = databaseUrl ? await freshPostgres(databaseUrl) : undefined;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-"));
	const port = await freePort();
	const { DATABASE_URL: _ignored, ...env } = process.env;
	const server = spawn(
		process.execPath,
		[...(process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean), "cli/loupe.mjs", "start"],
		{
			cwd: repoRoot,
			env: {
				...env,
				...(postgres ? { DATABASE_URL: postgres.url } : {}),
				LOUPE_DATA_DIR: dataDir,
				PORT: String(port),
				HOST: "127.0.0.1",
				LOUPE_SEED_DEMO: "false",
				LOUPE_TRUST_PROXY: "true",
				LOG_LEVEL: "warn",
			},
			stdio: ["ignore", "inherit", "inherit"],
		},
	);
	try {
		for (let i = 0; ; i++) {
			const ok = await request(port, "GET", "/api/health").then(
				(r) => r.status === 200,
				() => false,
			);
			if (ok) break;
			if (i > 600) throw new Error("server did not start");
			await new Promise((r) => setTimeout(r, 200));
		}
		const json = { "content-type": "application/json" };
		const signUp = await request(
			port,
			"POST",
			"/api/v1/auth/sign-up",
			JSON.stringify({
				organizationName: "Bench",
				name: "B",
				email: "bench@x.example",
				password: "correct horse battery",
			}),
			json,
		);
		const cookie = String(signUp.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
		const admin = async (method: string, urlPath: string, body?: unknown) =>
			JSON.parse(
				(
					await request(port, method, urlPath, body === undefined ? undefined : JSON.stringify(body), {
						...json,
						cookie,
					})
				).text,
			);
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

		const ipOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
		const health = (n: number): [string, string, undefined, Record<string, string>] => [
			"GET",
			"/api/health",
			undefined,
			{ "x-forwarded-for": ipOf(n) },
		];
		const submission = (n: number): [string, string, string, Record<string, string>] => [
			"POST",
			"/api/v1/public/responses",
			JSON.stringify({
				surveySlug: survey.slug,
				responseId: crypto.randomUUID(),
				language: n % 5 === 0 ? "en" : "de",
				answers: {
					nps: n % 11,
					reason: "Die Lieferung kam pünktlich, aber der Checkout war langsam und die Suche fand das Regal nicht.",
					...(n % 11 <= 8 ? { improve: ["website", "delivery"] } : {}),
				},
				hiddenFields: { order_id: `NS-${1_000_000 + n}`, channel: "web" },
				completed: true,
			}),
			{ ...json, "x-forwarded-for": ipOf(n) },
		];
		await drive(port, 2000, health);
		const healthResult = await drive(port, seconds * 1000, health);
		await drive(port, 2000, submission);
		const ingestResult = await drive(port, seconds * 1000, submission);
		const results = await admin("GET", `/api/v1/surveys/${survey.id}/results`);
		const result = {
			database: postgres ? "postgres" : "pglite",
			clients,
			seconds,
			cpus: os.cpus().length,
			node: process.version,
			health: healthResult,
			ingest: ingestResult,
			ingestToHealthRatio: Math.round((ingestResult.perSecond / healthResult.perSecond) * 100) / 100,
			storedResponses: results.total.n,
			targets: { ingestPerSecondPostgres2Cores: 1500, ingestToHealthRatio: 0.3 },
		};
		console.log("| measure | GET /api/health | POST /api/v1/public/responses |\n|---|---|---|");
		for (const key of ["perSecond", "p50Ms", "p99Ms", "accepted", "failed"] as const) {
			console.log(`| ${key} | ${healthResult[key]} | ${ingestResult[key]} |`);
		}
		console.log(
			`\n${result.database}, ${clients} clients, ${seconds} s, ${result.cpus} CPUs: ratio ${result.ingestToHealthRatio}, stored ${result.storedResponses}`,
		);
		fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
		fs.writeFileSync(
			path.join(repoRoot, "bench/results/ingest-responses.json"),
			`${JSON.stringify(result, null, 2)}\n`,
		);
	} finally {
		server.kill("SIGTERM");
		await new Promise((r) => server.on("exit", r));
		agent.destroy();
		await postgres?.drop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
