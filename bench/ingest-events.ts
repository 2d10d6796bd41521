// Ingestion benchmark: a Loupe server (child process `loupe start`, PostgreSQL from DATABASE_URL or PGlite) takes
// batches of 100 events from concurrent clients on localhost; prints events/s accepted and stored, request p99,
// and the ratio to a plain multi-row INSERT of the same rows straight into the database in the same run.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/ingest-events.ts [events] [concurrency]
// Writes bench/results/ingest-events.json.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOTAL = Number(process.argv[2] ?? 200_000);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const BATCH = 100;
const ORIGIN = "https://bench.example";
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PORT = 3000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${PORT}`;

const adminUrl = process.env.DATABASE_URL;
const dbName = `loupe_bench_events_${process.pid}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-"));
let databaseUrl: string | undefined;
if (adminUrl) {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${dbName}`);
	await admin.end();
	const u = new URL(adminUrl);
	u.pathname = `/${dbName}`;
	databaseUrl = u.toString();
}

const server = spawn(process.execPath, ["cli/loupe.mjs", "start"], {
	cwd: repoRoot,
	env: {
		...process.env,
		PORT: String(PORT),
		LOUPE_DATA_DIR: dataDir,
		LOUPE_SEED_DEMO: "false",
		LOUPE_TRUST_PROXY: "true",
		LOUPE_WORKERS: "false",
		LOG_LEVEL: "warn",
		...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
	},
	stdio: ["ignore", "inherit", "inherit"],
});
for (let i = 0; ; i++) {
	try {
		if ((await fetch(`${base}/api/health`)).ok) break;
	} catch {
		// starting
	}
	if (i > 600) throw new Error("server did not start");
	await new Promise((r) => setTimeout(r, 100));
}

async function json(method: string, url: string, body?: unknown, cookie?: string) {
	const res = await fetch(base + url, {
		method,
		headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	});
	return { res, body: (await res.json()) as Record<string, unknown> };
}
const signUp = await json("POST", "/api/v1/auth/sign-up", {
	organizationName: "Bench",
	name: "Bench",
	email: "bench@bench.example",
	password: "bench password 1",
	locale: "en",
});
const cookie = (signUp.res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const site = (await json("POST", "/api/v1/sites", { name: "Bench shop", allowedOrigins: [ORIGIN] }, cookie)).body;
const siteKey = site.publicKey as string;

const PATHS = ["/", "/produkte/sofa", "/suche", "/warenkorb", "/checkout/zahlung", "/konto/bestellungen"];
function batchOf(index: number, runId: string) {
	const now = Date.now();
	return {
		site: siteKey,
		session: `bench_${runId}_${index % 5000}`,
		events: Array.from({ length: BATCH }, (_, k) => ({
			id: `evt_${runId}_${index}_${k}`,
			type: k % 3 === 0 ? "pageview" : k % 3 === 1 ? "engagement" : "web_vital",
			at: now - k,
			url: `${ORIGIN}${PATHS[k % PATHS.length]}`,
			...(k % 3 === 1 ? { value: 1000 + k, props: { scroll: k % 100 } } : {}),
			...(k % 3 === 2 ? { props: { lcp: 1200 + k * 10, inp: 90, cls: 0.01, ttfb: 300, load: 2000 } } : {}),
		})),
	};
}

const batches = Math.ceil(TOTAL / BATCH);
const latencies: number[] = [];
let accepted = 0;
let failed = 0;
let next = 0;
const started = performance.now();
await Promise.all(
	Array.from({ length: CONCURRENCY }, async () => {
		while (next < batches) {
			const index = next++;
			const body = JSON.stringify(batchOf(index, "h"));
			const t0 = performance.now();
			const res = await fetch(`${base}/api/v1/public/events`, {
				method: "POST",
				body,
				headers: {
					"content-type": "text/plain",
					origin: ORIGIN,
					"user-agent": UA,
					"x-forwarded-for": `10.0.${(index >> 8) & 255}.${index & 255}`,
				},
			});
			const view = (await res.json()) as { accepted?: number; error?: unknown };
			if (res.status !== 202 && failed === 0) console.error("first failure", res.status, JSON.stringify(view.error));
			latencies.push(performance.now() - t0);
			if (res.status === 202) accepted += view.accepted ?? 0;
			else failed++;
		}
	}),
);
const ingestSeconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;

// Stop the server, then insert the same rows straight into the database as the baseline.
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
const { openDatabase } = await import("../server/platform/db");
const database = await openDatabase({ databaseUrl, dataDir });
const count = async () => Number((await database.executeSql("select count(*) as n from events")).rows[0]?.n ?? 0);
const stored = await count();
const template = (await database.executeSql("select * from events limit 1")).rows[0] as Record<string, unknown>;
await database.executeSql("delete from events");

const columns = [
	"id",
	"organization_id",
	"site_id",
	"occurred_at",
	"received_at",
	"type",
	"name",
	"value",
	"visitor_hash",
	"session_id",
	"customer_id",
	"host",
	"path",
	"referrer_host",
	"source",
	"device",
	"touchpoint_id",
	"properties",
	"flags",
];
function rowsOf(index: number): unknown[][] {
	return batchOf(index, "d").events.map((e) => {
		const at = new Date(e.at).toISOString();
		return [
			e.id,
			template.organization_id,
			template.site_id,
			at,
			at,
			e.type,
			null,
			e.value ?? null,
			template.visitor_hash,
			`bench_d_${index % 5000}`,
			null,
			"bench.example",
			new URL(e.url).pathname,
			null,
			null,
			"desktop",
			null,
			e.props ? JSON.stringify(e.props) : null,
			0,
		];
	});
}
const insertText = (n: number) =>
	`insert into events (${columns.join(", ")}) values ${Array.from(
		{ length: n },
		(_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`,
	).join(", ")} on conflict do nothing`;
let nextDirect = 0;
const directStarted = performance.now();
const directWorkers = databaseUrl ? Math.min(CONCURRENCY, 8) : 1;
await Promise.all(
	Array.from({ length: directWorkers }, async () => {
		while (nextDirect < batches) {
			const rows = rowsOf(nextDirect++);
			await database.executeSql(insertText(rows.length), rows.flat());
		}
	}),
);
const directSeconds = (performance.now() - directStarted) / 1000;
const directStored = await count();
await database.close();
if (adminUrl) {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${dbName} with (force)`);
	await admin.end();
}
fs.rmSync(dataDir, { recursive: true, force: true });

const ingestRate = accepted / ingestSeconds;
const directRate = directStored / directSeconds;
const result = {
	measuredAt: new Date().toISOString(),
	database: databaseUrl ? "postgres" : "pglite",
	cores: os.cpus().length,
	events: batches * BATCH,
	batchSize: BATCH,
	concurrency: CONCURRENCY,
	acceptedEventsPerSecond: Math.round(ingestRate),
	storedEvents: stored,
	storedEventsPerSecond: Math.round(stored / ingestSeconds),
	failedRequests: failed,
	requestP50Ms: Number(p(0.5).toFixed(1)),
	requestP99Ms: Number(p(0.99).toFixed(1)),
	directInsertEventsPerSecond: Math.round(directRate),
	ratioToDirectInsert: Number((ingestRate / directRate).toFixed(3)),
};
console.table([result]);
fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repoRoot, "bench/results/ingest-events.json"), `${JSON.stringify(result, null, 2)}\n`);
