// Key driver analysis: on generated data with a known structure the job recovers the right ranking; results are
// stored per organization; bad input is refused and writes nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { analyticsDriversJob } from "./service/drivers-job";
import { type InsightsOrg, prng, setUpInsightsOrg } from "./test-setup";

const FROM = "2026-09-01";
const TO = "2026-10-30";
const NOW = new Date("2026-11-02T12:00:00Z");

type Row = {
	survey: InsightsOrg["surveys"][keyof InsightsOrg["surveys"]];
	score: number;
	visitorId?: string;
	themes?: { theme: string; sentiment: string }[];
};

async function insert(t: TestApp, org: InsightsOrg, rows: Row[], random: () => number) {
	await t.db.execute(
		sql`select loupe_ensure_response_partitions('2026-09-01T00:00:00Z'::timestamptz, '2026-11-01T00:00:00Z'::timestamptz)`,
	);
	const values = rows.map((r) => {
		const at = new Date(Date.parse("2026-09-02T12:00:00Z") + Math.floor(random() * 55 * 86400_000));
		return {
			id: crypto.randomUUID(),
			submittedAt: at,
			organizationId: org.organizationId,
			surveyId: r.survey.id,
			surveyVersionId: r.survey.versionId,
			touchpointId: r.survey.touchpointId,
			audience: "customer" as const,
			channel: "widget" as const,
			language: "en" as const,
			answers: {},
			scoreType: r.survey.scoreType,
			score: r.score,
			completed: true,
			completedAt: at,
			updatedAt: at,
			visitorId: r.visitorId ?? null,
			sentiment: r.themes ? ("neutral" as const) : null,
			themes: r.themes ?? null,
			comment: r.themes ? "a comment" : null,
			analysisStatus: r.themes ? ("done" as const) : ("pending" as const),
		};
	});
	for (let i = 0; i < values.length; i += 500) await t.db.insert(responses).values(values.slice(i, i + 500));
}

const clamp = (v: number, low: number, high: number) => Math.max(low, Math.min(high, Math.round(v)));

/** Runs the queued analytics.drivers jobs the way a worker would (the test app has no workers). */
async function runQueuedDriverJobs(t: TestApp) {
	const jobs = (await t.db.execute(
		sql`select data from pgboss.job where name = 'analytics.drivers' and state = 'created'`,
	)) as unknown as {
		rows: { data: Record<string, string> }[];
	};
	for (const job of jobs.rows)
		await analyticsDriversJob.handle({ db: t.db, jobs: t.jobs, log: silentLog }, job.data, {
			id: "test",
			retryCount: 0,
		});
	return jobs.rows.length;
}

const silentLog = { warn() {}, info() {}, debug() {}, error() {} } as never;

describe("key driver analysis", () => {
	let t: TestApp;
	let org: InsightsOrg;
	let other: InsightsOrg;

	beforeAll(async () => {
		t = await createTestApp({ now: () => NOW });
		org = await setUpInsightsOrg(t, "Drivers", "drivers@insights.example");
		other = await setUpInsightsOrg(t, "Drivers other", "other@insights.example");
		const random = prng(7);
		const noise = () => (random() + random() + random() - 1.5) * 1.2;
		// Themes: a negative delivery mention costs 4 points, a negative price mention 2, a positive staff mention adds 1.
		const themeRows: Row[] = Array.from({ length: 1500 }, () => {
			const themes: { theme: string; sentiment: string }[] = [];
			let score = 8.5;
			if (random() < 0.3) {
				themes.push({ theme: "delivery_time", sentiment: "negative" });
				score -= 4;
			}
			if (random() < 0.3) {
				themes.push({ theme: "price", sentiment: "negative" });
				score -= 2;
			}
			if (random() < 0.3) {
				themes.push({ theme: "staff", sentiment: "positive" });
				score += 1;
			}
			return { survey: org.surveys.product, score: clamp(score + noise(), 0, 10), themes };
		});
		// Touchpoints: 400 customers rate the product (NPS, the outcome); delivery matters most, the hotline some,
		// checkout not at all. Not every customer rates every touchpoint.
		const customerRows: Row[] = [];
		for (let c = 0; c < 400; c++) {
			const visitorId = `v_${c}`;
			const delivery = random() * 10;
			const hotline = 1 + random() * 4;
			const checkout = 1 + random() * 6;
			const outcome = 1 + 0.6 * delivery + 0.8 * (hotline - 1) + noise() * 1.5;
			customerRows.push({ survey: org.surveys.product, score: clamp(outcome, 0, 10), visitorId });
			if (random() < 0.8) customerRows.push({ survey: org.surveys.delivery, score: clamp(delivery, 0, 10), visitorId });
			if (random() < 0.7) customerRows.push({ survey: org.surveys.hotline, score: clamp(hotline, 1, 5), visitorId });
			if (random() < 0.7) customerRows.push({ survey: org.surveys.checkout, score: clamp(checkout, 1, 7), visitorId });
		}
		await insert(t, org, [...themeRows, ...customerRows], random);
		// The other organization: a handful of repeat customers only.
		await insert(
			t,
			other,
			Array.from({ length: 10 }, (_, c) => [
				{ survey: other.surveys.product, score: 9, visitorId: `w_${c}` },
				{ survey: other.surveys.delivery, score: 8, visitorId: `w_${c}` },
			]).flat(),
			random,
		);
	});
	afterAll(() => t.close());

	it("is missing before anything was computed", async () => {
		const res = await org.call("GET", `/api/v1/analytics/drivers?kind=themes&from=${FROM}&to=${TO}`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ status: "missing", from: FROM, to: TO, analysis: null });
	});

	it("queues the computation, marks it computing, and the job recovers the theme ranking", async () => {
		const res = await org.call("POST", "/api/v1/analytics/drivers/recompute", { from: FROM, to: TO });
		expect(res.status).toBe(202);
		expect(res.json.requested).toHaveLength(2);
		const computing = await org.call("GET", `/api/v1/analytics/drivers?kind=themes&from=${FROM}&to=${TO}`);
		expect(computing.json.status).toBe("computing");
		expect(await runQueuedDriverJobs(t)).toBe(2);
		const done = await org.call("GET", `/api/v1/analytics/drivers?kind=themes&from=${FROM}&to=${TO}`);
		expect(done.status).toBe(200);
		expect(done.json.status).toBe("ready");
		expect(done.json.n).toBe(1500);
		expect(done.json.r2).toBeGreaterThan(0.5);
		expect(done.json.computedAt).not.toBeNull();
		const drivers = done.json.analysis.drivers as {
			key: string;
			importanceShare: number;
			negativeShare: number;
			direction: string;
			performance: number;
		}[];
		expect(drivers.map((d) => d.key)).toEqual(["delivery_time", "price", "staff"]);
		// The matrix splits weak from strong at the NPS of all analysed responses: the complained-about theme
		// lies below it, the praised one above.
		const baseline = done.json.analysis.performanceBaseline as number;
		expect(drivers[0]?.performance).toBeLessThan(baseline);
		expect(drivers[2]?.performance).toBeGreaterThan(baseline);
		expect(drivers.reduce((s, d) => s + d.importanceShare, 0)).toBeCloseTo(100, 6);
		expect(drivers[0]?.negativeShare).toBeCloseTo(100, 6);
		expect(drivers[0]?.direction).toBe("negative");
		expect(drivers[2]?.direction).toBe("positive");
	});

	it("recovers the touchpoint ranking at customer level", async () => {
		const res = await org.call("GET", `/api/v1/analytics/drivers?kind=touchpoints&from=${FROM}&to=${TO}`);
		expect(res.json.status).toBe("ready");
		expect(res.json.insufficientData).toBe(false);
		// Customers who rated the product and at least one other touchpoint (about 2 % rated nothing else).
		expect(res.json.n).toBeGreaterThan(380);
		expect(res.json.n).toBeLessThanOrEqual(400);
		expect(res.json.analysis.outcome.touchpointId).toBe(org.touchpoints.product);
		const keys = res.json.analysis.drivers.map((d: { key: string }) => d.key);
		expect(keys).toEqual([org.touchpoints.delivery, org.touchpoints.hotline, org.touchpoints.checkout]);
		const shapley = res.json.analysis.drivers.map((d: { shapleyShare: number }) => d.shapleyShare);
		expect(shapley.reduce((s: number, v: number) => s + v, 0)).toBeCloseTo(100, 6);
		expect(res.json.analysis.drivers[2].importanceShare).toBeLessThan(5);
	});

	it("says when there are too few repeat customers instead of inventing numbers", async () => {
		await other.call("POST", "/api/v1/analytics/drivers/recompute", { kind: "touchpoints", from: FROM, to: TO });
		await runQueuedDriverJobs(t);
		const res = await other.call("GET", `/api/v1/analytics/drivers?kind=touchpoints&from=${FROM}&to=${TO}`);
		expect(res.json).toMatchObject({ status: "ready", insufficientData: true, n: 10, r2: null });
		expect(res.json.analysis.drivers).toEqual([]);
	});

	it("keeps organizations apart", async () => {
		const [rows] = (
			(await t.db.execute(
				sql`select count(*)::int as n from analytics_driver_results where organization_id = ${other.organizationId} and kind = 'themes'`,
			)) as unknown as { rows: { n: number }[] }
		).rows;
		expect(rows?.n).toBe(0);
		const res = await other.call("GET", `/api/v1/analytics/drivers?kind=themes&from=${FROM}&to=${TO}`);
		expect(res.json.status).toBe("missing");
	});

	it("refuses bad input with 400 and writes nothing", async () => {
		const count = async () =>
			(
				(await t.db.execute(
					sql`select (select count(*)::int from analytics_driver_results) + (select count(*)::int from pgboss.job where name = 'analytics.drivers') as n`,
				)) as unknown as {
					rows: { n: number }[];
				}
			).rows[0]?.n;
		const before = await count();
		for (const body of [
			{ kind: "bogus" },
			{ from: TO, to: FROM },
			{ from: FROM },
			{ from: FROM, to: TO, extra: 1 },
			{ from: "2020-01-01", to: "2026-01-01" },
		]) {
			expect((await org.call("POST", "/api/v1/analytics/drivers/recompute", body)).status).toBe(400);
		}
		expect((await org.call("GET", "/api/v1/analytics/drivers?kind=bogus")).status).toBe(400);
		expect((await org.call("GET", `/api/v1/analytics/drivers?from=${TO}&to=${FROM}`)).status).toBe(400);
		expect(await count()).toBe(before);
	});
});
