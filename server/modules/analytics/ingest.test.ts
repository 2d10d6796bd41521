// The live path: a response through the public endpoint (batched writer) marks its local day dirty in the same
// commit, and the rollup job — started by the read, run by the workers — makes it visible in the KPIs.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { type InsightsOrg, setUpInsightsOrg } from "./test-setup";

describe("rollups follow ingestion", () => {
	let t: TestApp;
	let org: InsightsOrg;

	beforeAll(async () => {
		t = await createTestApp({ workers: true });
		org = await setUpInsightsOrg(t, "Live org", "live@insights.example");
	});
	afterAll(() => t.close());

	it("counts a submitted response after the job ran", async () => {
		const responseId = crypto.randomUUID();
		const submitted = await t.call("POST", "/api/v1/public/responses", {
			body: { surveySlug: org.surveys.delivery.slug, responseId, language: "de", answers: { nps: 3 }, completed: true },
		});
		expect(submitted.status).toBe(201);
		const marks = await t.db.execute(
			sql`select count(*)::int as n from analytics_dirty_days where organization_id = ${org.organizationId}`,
		);
		const rebuilt = await t.db.execute(
			sql`select count(*)::int as n from analytics_rollup_state where organization_id = ${org.organizationId}`,
		);
		const pending = (marks as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
		const built = (rebuilt as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
		// Either the day is marked, or the organization's first rollup (a full rebuild) has yet to run.
		expect(pending + (1 - built)).toBeGreaterThan(0);
		const report = await eventually(async () => {
			const res = await org.call("GET", "/api/v1/analytics/kpis");
			return res.json.responses === 1 ? res.json : undefined;
		}, 30_000);
		expect(report.nps.detractors).toBe(1);
		expect(report.nps.value).toBe(-100);
	});
});
