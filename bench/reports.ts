// Report latency at volume: loads N events (the demo generator, in SQL) into a fresh PostgreSQL database (or
// PGlite without DATABASE_URL), rolls them up as the job does, then times each report over the last 30 and 365
// days (p50/p95 of repeated calls through the service functions) against a raw-event scan of the same question.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/reports.ts [events]
// Writes bench/results/reports.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { seedDemo } from "../server/demo/seed-demo";
import { DEMO_SESSIONS, seedDemoEvents } from "../server/demo/seed-events";
import { jobDefinitions } from "../server/jobs";
import { rollUpOrganization } from "../server/modules/events/rollup/job";
import { findFunnels, getFunnelReport } from "../server/modules/events/service/funnels";
import { getBehaviourOverview } from "../server/modules/events/service/overview";
import { getSearchReport } from "../server/modules/events/service/search";
import { getSlowPages } from "../server/modules/events/service/slow-pages";
import type { Ctx } from "../server/platform/context";
import { openDatabase } from "../server/platform/db";
import { Jobs } from "../server/platform/jobs/jobs";
import { createLogger } from "../server/platform/logging";
import { migrateDatabase } from "../server/platform/migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_EVENTS = Number(process.argv[2] ?? 2_000_000);
const EVENTS_PER_SESSION = 8.86;
const REPEAT = 20;

const adminUrl = process.env.DATABASE_URL;
const dbName = `loupe_bench_reports_${process.pid}`;
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
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-reports-"));
const log = createLogger("warn");
const database = await openDatabase({ databaseUrl, dataDir });
await migrateDatabase(database);
const jobs = new Jobs(database, log);
await jobs.start(jobDefinitions);
const now = new Date();
const loadStarted = performance.now();
await seedDemo({ db: database.db, jobs, log }, now);
const [org] = (await database.executeSql("select id from organizations limit 1")).rows as { id: string }[];
const [user] = (await database.executeSql("select user_id from memberships limit 1")).rows as { user_id: string }[];
const ctx: Ctx = {
	db: database.db,
	jobs,
	log,
	now,
	organizationId: org?.id ?? "",
	actor: { type: "user", userId: user?.user_id ?? "", role: "owner" },
};
const extraSessions = Math.max(0, Math.round(TARGET_EVENTS / EVENTS_PER_SESSION) - DEMO_SESSIONS);
const CHUNK = 100_000;
for (let first = DEMO_SESSIONS + 1; first <= DEMO_SESSIONS + extraSessions; first += CHUNK) {
	const sessions = Math.min(CHUNK, DEMO_SESSIONS + extraSessions - first + 1);
	await seedDemoEvents(ctx, { firstSession: first, sessions, withDemoFunnel: false });
	process.stdout.write(".");
}
const loadSeconds = (performance.now() - loadStarted) / 1000;
const events = Number((await database.executeSql("select count(*) as n from events")).rows[0]?.n);
const rollupStarted = performance.now();
await rollUpOrganization(database.db, ctx.organizationId, new Date(now.getTime() + 1000));
const rollupSeconds = (performance.now() - rollupStarted) / 1000;
console.log(`\n${events} events loaded in ${loadSeconds.toFixed(0)} s, rolled up in ${rollupSeconds.toFixed(0)} s`);

const funnelId = (await findFunnels(ctx, { limit: 1 })).items[0]?.id ?? "";
const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86400_000).toISOString().slice(0, 10);
async function time(run: () => Promise<unknown>) {
	const samples: number[] = [];
	for (let i = 0; i < REPEAT; i++) {
		const t0 = performance.now();
		await run();
		samples.push(performance.now() - t0);
	}
	samples.sort((a, b) => a - b);
	const q = (p: number) =>
		Number((samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0).toFixed(1));
	return { p50Ms: q(0.5), p95Ms: q(0.95) };
}
const rows = [];
for (const days of [30, 365]) {
	const range = { from: day(days - 1), to: day(0) };
	rows.push({
		report: `funnel (${days} d, per device)`,
		...(await time(() => getFunnelReport(ctx, funnelId, { ...range, segment: "device" }))),
	});
	rows.push({ report: `search (${days} d)`, ...(await time(() => getSearchReport(ctx, range))) });
	rows.push({ report: `slow pages (${days} d)`, ...(await time(() => getSlowPages(ctx, range))) });
	rows.push({ report: `overview (${days} d)`, ...(await time(() => getBehaviourOverview(ctx, range))) });
}
// Baseline: the same zero-result question answered from raw events (what the rollups avoid), once.
const rawStarted = performance.now();
await database.executeSql(
	`select name, count(*) from events where organization_id = $1 and type = 'search' and flags & 4 <> 0
	 and occurred_at > now() - interval '365 days' group by name`,
	[ctx.organizationId],
);
const rawSearchMs = Number((performance.now() - rawStarted).toFixed(1));
console.table(rows);
console.log(`raw-event scan for the 365-day zero-result queries: ${rawSearchMs} ms`);

await jobs.stop();
await database.close();
if (adminUrl) {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${dbName} with (force)`);
	await admin.end();
}
fs.rmSync(dataDir, { recursive: true, force: true });
const result = {
	measuredAt: new Date().toISOString(),
	database: databaseUrl ? "postgres" : "pglite",
	cores: os.cpus().length,
	events,
	loadSeconds: Number(loadSeconds.toFixed(1)),
	rollupSeconds: Number(rollupSeconds.toFixed(1)),
	repeat: REPEAT,
	reports: rows,
	rawSearchScanMs: rawSearchMs,
	p95RatioToRawScan: Number(((rows.find((r) => r.report === "search (365 d)")?.p95Ms ?? 0) / rawSearchMs).toFixed(3)),
};
fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repoRoot, "bench/results/reports.json"), `${JSON.stringify(result, null, 2)}\n`);
