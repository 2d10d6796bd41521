// Insights latency at volume: loads N responses (bulk SQL, generate_series) into a fresh PostgreSQL database and/or
// PGlite, builds the rollups as the job does, then times the KPI, series, changes and journey-map endpoints through
// the app (app.request, p50/p95 over RUNS calls each) against a raw `count(*)` of the organization's responses in
// the same run; records the process RSS before and after the timed calls.
// Usage: npm run bench:analytics            (PostgreSQL 10 M at DATABASE_URL or 127.0.0.1:5432, PGlite 1 M)
//   BENCH_TARGETS=postgres|pglite|postgres,pglite  BENCH_PG_RESPONSES=1000000  BENCH_PGLITE_RESPONSES=200000
//   BENCH_RUNS=30  BENCH_KEEP=1 (keep the PostgreSQL database)  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (an admin connection; a database is created)
// Writes bench/results/analytics.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { buildApp } from "../server/app";
import { jobDefinitions } from "../server/jobs";
import { rebuildOrganization } from "../server/modules/analytics/rollup/job";
import { loadConfig } from "../server/platform/config";
import { type Database, openDatabase } from "../server/platform/db";
import { Jobs } from "../server/platform/jobs/jobs";
import { LiveBus } from "../server/platform/live/bus";
import { createLogger } from "../server/platform/logging";
import { migrateDatabase } from "../server/platform/migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGETS = (process.env.BENCH_TARGETS ?? "postgres,pglite").split(",").map((s) => s.trim());
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SIZES: Record<string, number> = {
	postgres: Number(process.env.BENCH_PG_RESPONSES ?? 10_000_000),
	pglite: Number(process.env.BENCH_PGLITE_RESPONSES ?? 1_000_000),
};
const CHUNK = 500_000;
const HISTORY_DAYS = 730;
const log = createLogger("warn");

const TEMPLATES = ["post_purchase_nps", "delivery", "hotline_csat", "checkout_ces", "branch_visit"] as const;

type Timing = { endpoint: string; p50Ms: number; p95Ms: number; meanMs: number };

function quantiles(name: string, samples: number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b);
	const q = (p: number) =>
		Number((sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0).toFixed(2));
	const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
	return { endpoint: name, p50Ms: q(0.5), p95Ms: q(0.95), meanMs: Number(mean.toFixed(2)) };
}

async function timeIt(name: string, run: () => Promise<void>): Promise<Timing> {
	for (let i = 0; i < 3; i++) await run();
	const samples: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		await run();
		samples.push(performance.now() - t0);
	}
	return quantiles(name, samples);
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
	const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
	const name = `loupe_bench_analytics_${process.pid}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const u = new URL(adminUrl);
	u.pathname = `/${name}`;
	return {
		url: u.toString(),
		drop: async () => {
			const c = new pg.Client({ connectionString: adminUrl });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		},
	};
}

/** An organization with the standard journey, one touchpoint per stage area and a live survey on each. */
async function setUpOrganization(app: ReturnType<typeof buildApp>) {
	const request = async (method: string, url: string, cookie: string, body?: unknown) => {
		const res = await app.request(url, {
			method,
			headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		const text = await res.text();
		if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
		return { json: JSON.parse(text), headers: res.headers };
	};
	const signUp = await request("POST", "/api/v1/auth/sign-up", "", {
		organizationName: "Bench GmbH",
		name: "Bench",
		email: "bench@example.com",
		password: "bench password 1",
		locale: "de",
	});
	const cookie = `loupe_session=${(signUp.headers.get("set-cookie") ?? "").match(/loupe_session=([^;]+)/)?.[1]}`;
	const organizationId = signUp.json.organization.id as string;
	const journey = (await request("POST", "/api/v1/journeys", cookie, { name: "Journey", standardStages: "de" })).json;
	const surveys: { surveyId: string; versionId: string; touchpointId: string; scoreType: string }[] = [];
	for (const [stageIndex, stage] of (journey.stages as { id: string }[]).entries()) {
		for (let k = 0; k < 3; k++) {
			const detail = (
				await request("POST", `/api/v1/journeys/${journey.id}/touchpoints`, cookie, {
					stageId: stage.id,
					name: `Touchpoint ${stageIndex + 1}.${k + 1}`,
					channel: "web",
				})
			).json;
			const touchpoint = detail.stages[stageIndex].touchpoints[k];
			const template = TEMPLATES[(stageIndex * 3 + k) % TEMPLATES.length] as string;
			const created = (await request("POST", "/api/v1/surveys", cookie, { template, touchpointId: touchpoint.id }))
				.json;
			const published = (await request("POST", `/api/v1/surveys/${created.id}/publish`, cookie)).json;
			const scoreType = template.endsWith("csat") ? "csat" : template.endsWith("ces") ? "ces" : "nps";
			surveys.push({ surveyId: published.id, versionId: published.version.id, touchpointId: touchpoint.id, scoreType });
		}
	}
	return { cookie, organizationId, journeyId: journey.id as string, surveys };
}

/** Signs in to the organization a kept database holds. */
async function signIn(app: ReturnType<typeof buildApp>) {
	const res = await app.request("/api/v1/auth/sign-in", {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email: "bench@example.com", password: "bench password 1" }),
	});
	if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
	const body = (await res.json()) as { organization?: { id: string }; user?: unknown };
	const cookie = `loupe_session=${(res.headers.get("set-cookie") ?? "").match(/loupe_session=([^;]+)/)?.[1]}`;
	const journeys = await app.request("/api/v1/journeys", { headers: { cookie } });
	const journey = ((await journeys.json()) as { items: { id: string }[] }).items[0];
	const detail = await app.request(`/api/v1/journeys/${journey?.id}`, { headers: { cookie } });
	const touchpoints = ((await detail.json()) as { stages: { touchpoints: { id: string }[] }[] }).stages.flatMap(
		(st) => st.touchpoints,
	);
	return {
		cookie,
		organizationId: body.organization?.id ?? "",
		journeyId: journey?.id ?? "",
		surveys: touchpoints.map((tp) => ({ surveyId: "", versionId: "", touchpointId: tp.id, scoreType: "nps" })),
	};
}

/** Loads `total` completed responses spread over two years, in chunks of one INSERT … SELECT generate_series. */
async function loadResponses(
	database: Database,
	organizationId: string,
	surveys: { surveyId: string; versionId: string; touchpointId: string; scoreType: string }[],
	total: number,
	now: Date,
) {
	const exec = (text: string, values: unknown[] = []) => database.executeSql(text, values);
	await exec(
		`select loupe_ensure_response_partitions($1::timestamptz - interval '${HISTORY_DAYS + 2} days', $1::timestamptz)`,
		[now.toISOString()],
	);
	await exec(
		"create table bench_surveys (idx int primary key, survey_id uuid, version_id uuid, touchpoint_id uuid, score_type text)",
	);
	for (const [i, s] of surveys.entries()) {
		await exec("insert into bench_surveys values ($1, $2, $3, $4, $5)", [
			i,
			s.surveyId,
			s.versionId,
			s.touchpointId,
			s.scoreType,
		]);
	}
	const started = performance.now();
	for (let first = 1; first <= total; first += CHUNK) {
		const last = Math.min(total, first + CHUNK - 1);
		await exec(
			`insert into responses (id, submitted_at, organization_id, survey_id, survey_version_id, touchpoint_id, audience,
				channel, language, answers, score_type, score, completed, completed_at, updated_at, sentiment, intents, themes,
				analysis_status)
			select gen_random_uuid(), at, $1::uuid, s.survey_id, s.version_id, s.touchpoint_id, 'customer',
				(array['link','qr','widget','email'])[1 + i % 4], case when i % 3 = 0 then 'en' else 'de' end, '{}'::jsonb,
				s.score_type,
				case s.score_type when 'nps' then ((i * 7) / 13) % 11 when 'csat' then 1 + ((i * 5) / 11) % 5 else 1 + ((i * 3) / 7) % 7 end,
				true, at, at,
				(array[null, 'positive', 'neutral', 'negative', 'positive'])[1 + (i / 3) % 5],
				case when i % 9 = 0 then array['complaint'] else '{}'::text[] end,
				case when (i / 3) % 5 = 3 then '[{"theme":"delivery_time","sentiment":"negative"}]'::jsonb
					when (i / 3) % 5 = 1 then '[{"theme":"price","sentiment":"positive"}]'::jsonb end,
				'done'
			from generate_series($2::int, $3::int) i
			join bench_surveys s on s.idx = i % ${surveys.length}
			cross join lateral (select $4::timestamptz - ((i::bigint * 7919) % (${HISTORY_DAYS} * 86400)) * interval '1 second' as at) t`,
			[organizationId, first, last, now.toISOString()],
		);
		const seconds = (performance.now() - started) / 1000;
		process.stdout.write(
			`\r  loaded ${last.toLocaleString("en")} (${Math.round(last / seconds).toLocaleString("en")}/s)   `,
		);
	}
	process.stdout.write("\n");
	await exec("drop table bench_surveys");
	await exec("analyze responses");
	return (performance.now() - started) / 1000;
}

async function benchTarget(target: string) {
	let responses = SIZES[target] ?? 0;
	// BENCH_REUSE_URL: a database an earlier (interrupted) run loaded and kept — time it without loading again.
	const reuseUrl = target === "postgres" ? process.env.BENCH_REUSE_URL : undefined;
	const pgDb =
		target === "postgres" ? (reuseUrl ? { url: reuseUrl, drop: async () => {} } : await freshPostgres()) : undefined;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-analytics-"));
	const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir });
	await migrateDatabase(database);
	const jobs = new Jobs(database, log);
	await jobs.start(jobDefinitions);
	const live = new LiveBus(log);
	await live.connect(database.connectionString);
	const config = {
		...loadConfig({ PORT: "3999", LOUPE_DATA_DIR: dataDir, LOG_LEVEL: "warn" }),
		publicUrl: "http://bench",
	};
	const now = new Date();
	const app = buildApp({ db: database.db, dbKind: database.kind, jobs, live, log, config, clock: () => now });
	const org = reuseUrl ? await signIn(app) : await setUpOrganization(app);
	console.log(`${target}: loading ${responses.toLocaleString("en")} responses`);
	const loadSeconds = reuseUrl
		? Number.NaN
		: await loadResponses(database, org.organizationId, org.surveys, responses, now);
	if (reuseUrl) {
		org.organizationId = String((await database.executeSql("select id from organizations limit 1")).rows[0]?.id);
		await database.executeSql("analyze responses");
	}
	if (reuseUrl) responses = Number((await database.executeSql("select count(*)::int as n from responses")).rows[0]?.n);
	const rollupStarted = performance.now();
	await rebuildOrganization(database.db, org.organizationId, now);
	const rollupSeconds = (performance.now() - rollupStarted) / 1000;
	const rollupRows = Number((await database.executeSql("select count(*)::int as n from analytics_daily")).rows[0]?.n);
	console.log(`  rollups built in ${rollupSeconds.toFixed(1)} s (${rollupRows} daily rows)`);

	const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86400_000).toISOString().slice(0, 10);
	const get = async (url: string) => {
		const res = await app.request(url, { headers: { cookie: org.cookie } });
		if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
		await res.arrayBuffer();
	};
	const rssBeforeMb = process.memoryUsage().rss / 1048576;
	const timings: Timing[] = [];
	timings.push(
		await timeIt("raw count(*) of the organization's responses (baseline)", async () => {
			await database.executeSql("select count(*) from responses where organization_id = $1", [org.organizationId]);
		}),
	);
	const endpoints: [string, string][] = [
		["kpis 30 d (daily series)", `/api/v1/analytics/kpis?from=${day(29)}&to=${day(0)}`],
		[
			"kpis 90 d, one touchpoint",
			`/api/v1/analytics/kpis?from=${day(89)}&to=${day(0)}&touchpointId=${org.surveys[1]?.touchpointId}`,
		],
		["series 365 d (weekly)", `/api/v1/analytics/kpis?from=${day(364)}&to=${day(0)}&interval=week`],
		["series 730 d (daily)", `/api/v1/analytics/kpis?from=${day(729)}&to=${day(0)}&interval=day`],
		["changes 30 d (nps)", `/api/v1/analytics/changes?from=${day(29)}&to=${day(0)}&metric=nps`],
		["journey-map 30 d", `/api/v1/analytics/journey-map?from=${day(29)}&to=${day(0)}`],
		["journey-map 365 d", `/api/v1/analytics/journey-map?from=${day(364)}&to=${day(0)}`],
	];
	for (const [name, url] of endpoints) timings.push(await timeIt(name, () => get(url)));
	const rssAfterMb = process.memoryUsage().rss / 1048576;
	const baseline = timings[0]?.p50Ms ?? 1;
	const rows = timings.map((t) => ({ ...t, ratioToCountP50: Number((t.p50Ms / baseline).toFixed(3)) }));
	console.table(rows);
	console.log(`  RSS ${rssBeforeMb.toFixed(0)} MB before the timed calls, ${rssAfterMb.toFixed(0)} MB after`);

	await jobs.stop();
	await live.close();
	await database.close();
	if (process.env.BENCH_KEEP !== "1") await pgDb?.drop();
	else if (pgDb) console.log(`  kept ${pgDb.url}`);
	fs.rmSync(dataDir, { recursive: true, force: true });
	return {
		database: target,
		responses,
		loadSeconds: Number(loadSeconds.toFixed(1)),
		loadRatePerSecond: Math.round(responses / loadSeconds),
		rollupSeconds: Number(rollupSeconds.toFixed(1)),
		rollupRows,
		runs: RUNS,
		rssBeforeMb: Number(rssBeforeMb.toFixed(1)),
		rssAfterMb: Number(rssAfterMb.toFixed(1)),
		endpoints: rows,
		maxEndpointP95Ms: Math.max(...rows.slice(1).map((r) => r.p95Ms)),
	};
}

const resultsFile = path.join(repoRoot, "bench/results/analytics.json");
/** Targets not run this time keep their last figures (each entry carries its own measuredAt). */
const earlier: { database: string }[] = fs.existsSync(resultsFile)
	? (JSON.parse(fs.readFileSync(resultsFile, "utf8")).results ?? []).filter(
			(r: { database: string }) => !TARGETS.includes(r.database),
		)
	: [];
const results: object[] = [...earlier];
for (const target of TARGETS) {
	results.push({ measuredAt: new Date().toISOString(), ...(await benchTarget(target)) });
	// Written after every target, so a long run keeps what it measured so far.
	const output = {
		measuredAt: new Date().toISOString(),
		cores: os.cpus().length,
		loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
		targetP95Ms: 150,
		results,
	};
	fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
	fs.writeFileSync(resultsFile, `${JSON.stringify(output, null, 2)}\n`);
	console.log("wrote bench/results/analytics.json");
}
