// KPIs from the rollups against an independent SQL computation over the raw rows: random responses in a non-UTC
// time zone, then late arrivals, re-analysis and deletions, recomputed by the rollup job's work.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { rollUpDirtyDays } from "./rollup/job";
import { type InsightsOrg, insertResponses, prng, randomResponses, setUpInsightsOrg, TIMEZONE } from "./test-setup";

type Raw = Record<string, number | null>;

/** The KPIs straight from raw rows, written independently of the rollup SQL (averages, not sums). */
async function rawKpis(t: TestApp, org: InsightsOrg, from: string, to: string, where = sql`true`) {
	const result = await t.db.execute(sql`
		select count(*)::int as n,
			(count(*) filter (where score_type = 'nps' and score is not null))::int as nps_n,
			(100.0 * (count(*) filter (where score_type = 'nps' and score >= 9) - count(*) filter (where score_type = 'nps' and score <= 6))
				/ nullif(count(*) filter (where score_type = 'nps' and score is not null), 0))::float8 as nps,
			(count(*) filter (where score_type = 'nps' and score <= 6))::int as detractors,
			(100.0 * count(*) filter (where score_type = 'csat' and score in (4, 5))
				/ nullif(count(*) filter (where score_type = 'csat' and score is not null), 0))::float8 as csat,
			(avg(score) filter (where score_type = 'ces'))::float8 as ces,
			(count(*) filter (where score_type = 'ces' and score is not null))::int as ces_n,
			(100.0 * count(*) filter (where sentiment = 'negative') / nullif(count(sentiment), 0))::float8 as negative,
			(100.0 * count(*) filter (where sentiment = 'positive') / nullif(count(sentiment), 0))::float8 as positive,
			(100.0 * count(*) filter (where intents @> array['complaint']) / nullif(count(*), 0))::float8 as complaints
		from responses
		where organization_id = ${org.organizationId} and completed and audience = 'customer'
			and (submitted_at at time zone ${TIMEZONE})::date between ${from}::date and ${to}::date and ${where}`);
	return (result as unknown as { rows: Raw[] }).rows[0] as Raw;
}

// biome-ignore lint/suspicious/noExplicitAny: the parsed response body is read loosely, as the harness returns it
function expectSame(api: Record<string, any>, raw: Raw) {
	expect(api.responses).toBe(raw.n);
	expect(api.nps?.n ?? 0).toBe(raw.nps_n);
	if (raw.nps !== null) expect(api.nps.value).toBeCloseTo(raw.nps as number, 9);
	if (raw.nps !== null) expect(api.nps.detractors).toBe(raw.detractors);
	if (raw.csat !== null) expect(api.csat.value).toBeCloseTo(raw.csat as number, 9);
	else expect(api.csat).toBeNull();
	if (raw.ces !== null) expect(api.ces.value).toBeCloseTo(raw.ces as number, 9);
	expect(api.ces?.n ?? 0).toBe(raw.ces_n);
	if (raw.negative !== null) {
		expect(api.sentiment.negative.value).toBeCloseTo(raw.negative as number, 9);
		expect(api.sentiment.positive.value).toBeCloseTo(raw.positive as number, 9);
	}
	if (raw.complaints !== null) expect(api.complaintRate.value).toBeCloseTo(raw.complaints as number, 9);
	for (const k of [api.nps, api.csat, api.ces, api.complaintRate].filter(Boolean)) {
		expect(k.ci95[0]).toBeLessThanOrEqual(k.value + 1e-9);
		expect(k.ci95[1]).toBeGreaterThanOrEqual(k.value - 1e-9);
	}
}

describe("KPIs from rollups equal the raw computation", () => {
	let t: TestApp;
	let org: InsightsOrg;
	const random = prng(20261125);
	const start = new Date("2026-02-20T00:00:00Z");
	const from = "2026-02-25";
	const to = "2026-04-10";
	const kpis = (query: string) => org.call("GET", `/api/v1/analytics/kpis?from=${from}&to=${to}${query}`);

	beforeAll(async () => {
		t = await createTestApp();
		org = await setUpInsightsOrg(t, "Insights A", "a@insights.example");
		await insertResponses(t, org, randomResponses(org, random, 900, start, 55));
		await rollUpDirtyDays(t.db);
	});
	afterAll(() => t.close());

	async function compareAll() {
		const all = await kpis("");
		expect(all.status).toBe(200);
		expectSame(all.json, await rawKpis(t, org, from, to));
		const byTouchpoint = await kpis(`&touchpointId=${org.touchpoints.delivery}`);
		expectSame(byTouchpoint.json, await rawKpis(t, org, from, to, sql`touchpoint_id = ${org.touchpoints.delivery}`));
		const byStage = await kpis(`&stageId=${org.stageIds[3]}`);
		expectSame(
			byStage.json,
			await rawKpis(t, org, from, to, sql`touchpoint_id in (${org.touchpoints.delivery}, ${org.touchpoints.hotline})`),
		);
		const byChannel = await kpis("&channel=email&language=en");
		expectSame(byChannel.json, await rawKpis(t, org, from, to, sql`channel = 'email' and language = 'en'`));
		const previous = all.json.previous;
		expectSame(previous, await rawKpis(t, org, previous.from, previous.to));
		return all.json;
	}

	it("matches counts, NPS, CSAT top-2, CES mean, sentiment shares and complaint rate", async () => {
		const report = await compareAll();
		expect(report.responses).toBeGreaterThan(300);
		expect(report.series.length).toBe(45);
		const seriesTotal = report.series.reduce((sum: number, p: { responses: number }) => sum + p.responses, 0);
		expect(seriesTotal).toBe(report.responses);
		expect(report.changes.nps === null || typeof report.changes.nps.pValue === "number").toBe(true);
	});

	it("follows late arrivals, re-analysis and deletions after the rollup job runs", async () => {
		await insertResponses(t, org, randomResponses(org, random, 200, new Date("2026-03-01T00:00:00Z"), 20));
		await t.db.execute(sql`update responses set sentiment = 'negative', intents = array['complaint']
			where organization_id = ${org.organizationId} and sentiment = 'positive' and score_type = 'nps' and score < 5`);
		await t.db.execute(sql`delete from responses where organization_id = ${org.organizationId} and score = 3
			and submitted_at < '2026-03-15'`);
		const dirty = await t.db.execute(sql`select count(*)::int as n from analytics_dirty_days`);
		expect((dirty as unknown as { rows: { n: number }[] }).rows[0]?.n).toBeGreaterThan(0);
		await rollUpDirtyDays(t.db);
		await compareAll();
		const left = await t.db.execute(sql`select count(*)::int as n from analytics_dirty_days`);
		expect((left as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
	});

	it("rebuilds everything when the organization's time zone changes", async () => {
		await org.call("PATCH", "/api/v1/organization", { timezone: "Asia/Tokyo" });
		await rollUpDirtyDays(t.db);
		const report = await kpis("");
		const raw =
			await t.db.execute(sql`select count(*)::int as n from responses where organization_id = ${org.organizationId}
			and completed and (submitted_at at time zone 'Asia/Tokyo')::date between ${from}::date and ${to}::date`);
		expect(report.json.responses).toBe((raw as unknown as { rows: { n: number }[] }).rows[0]?.n);
		await org.call("PATCH", "/api/v1/organization", { timezone: TIMEZONE });
		await rollUpDirtyDays(t.db);
	});

	it("refuses bad input with a clear 400 and writes nothing", async () => {
		const count = async () =>
			JSON.stringify(
				(
					(await t.db.execute(sql`select (select count(*) from analytics_daily)::int as d,
						(select count(*) from analytics_dirty_days)::int as m,
						(select count(*) from analytics_theme_daily)::int as th`)) as unknown as { rows: unknown[] }
				).rows,
			);
		const before = await count();
		for (const query of [
			"from=2026-04-10&to=2026-03-01",
			"from=2020-01-01&to=2026-01-01",
			"from=2026-02-30&to=2026-03-01",
			"from=yesterday",
			"interval=hour",
			"touchpointId=not-a-uuid",
			"channel=pigeon",
			"unknown=1",
		]) {
			const res = await org.call("GET", `/api/v1/analytics/kpis?${query}`);
			expect(res.status, query).toBe(400);
			expect(res.json.error.code).toBe("invalid");
			expect(res.json.error.message.length).toBeGreaterThan(5);
		}
		expect((await org.call("GET", "/api/v1/analytics/changes?metric=revenue")).status).toBe(400);
		expect((await org.call("GET", "/api/v1/analytics/journey-map?from=2026-05-01&to=2026-04-01")).status).toBe(400);
		expect(await count()).toBe(before);
	});

	it("refuses another organization's ids with 404", async () => {
		const other = await setUpInsightsOrg(t, "Insights B", "b@insights.example");
		for (const query of [
			`touchpointId=${org.touchpoints.delivery}`,
			`stageId=${org.stageIds[3]}`,
			`journeyId=${org.journeyId}`,
			`surveyId=${org.surveys.delivery.id}`,
		]) {
			const res = await other.call("GET", `/api/v1/analytics/kpis?${query}`);
			expect(res.status, query).toBe(404);
		}
		expect((await other.call("GET", `/api/v1/analytics/journey-map?journeyId=${org.journeyId}`)).status).toBe(404);
		const own = await other.call("GET", `/api/v1/analytics/kpis?from=${from}&to=${to}`);
		expect(own.status).toBe(200);
		expect(own.json.responses).toBe(0);
	});
});
