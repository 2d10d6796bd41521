// Property: merging the daily rollups (the service's SUM over days, and the merged day series) equals the direct
// computation over the raw rows (lib/stats summarize), for random responses, days and time-zone edges.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptySummary, mergeSummaries, summarize } from "../../../lib/stats/summary";
import type { Ctx } from "../../platform/context";
import { createLogger } from "../../platform/logging";
import { createTestApp, type TestApp } from "../../test/harness";
import { rollUpDirtyDays } from "./rollup/job";
import { seriesOf, summaryOf } from "./service/kpis";
import { type InsightsOrg, insertResponses, setUpInsightsOrg, TIMEZONE } from "./test-setup";

const localDay = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TIMEZONE }).format(at);

describe("daily rollups merge to the direct computation", () => {
	let t: TestApp;
	let org: InsightsOrg;
	let ctx: Ctx;

	beforeAll(async () => {
		t = await createTestApp();
		org = await setUpInsightsOrg(t, "Property org", "p@insights.example");
		ctx = {
			db: t.db,
			jobs: t.jobs,
			log: createLogger("silent"),
			now: new Date(),
			organizationId: org.organizationId,
			actor: { type: "job", name: "test" },
		};
	});
	afterAll(() => t.close());

	it("for random responses", async () => {
		const surveyKeys = ["checkout", "delivery", "hotline", "product"] as const;
		const row = fc.record({
			survey: fc.constantFrom(...surveyKeys),
			minute: fc.integer({ min: 0, max: 10 * 24 * 60 - 1 }),
			score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
			completed: fc.boolean(),
			sentiment: fc.constantFrom(null, "positive", "neutral", "negative"),
			complaint: fc.boolean(),
		});
		await fc.assert(
			fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.integer({ min: 0, max: 9 }), async (drawn, span) => {
				await t.db.execute(sql`delete from responses where organization_id = ${org.organizationId}`);
				const start = Date.parse("2026-03-05T00:00:00Z");
				const rows = drawn.map((d) => {
					const survey = org.surveys[d.survey];
					const max = survey.scoreType === "nps" ? 10 : survey.scoreType === "csat" ? 5 : 7;
					const low = survey.scoreType === "nps" ? 0 : 1;
					const score = d.score === null ? null : Math.max(low, Math.min(max, d.score));
					return {
						survey,
						at: new Date(start + d.minute * 60_000),
						score,
						completed: d.completed,
						sentiment: d.sentiment,
						intents: d.complaint ? ["complaint"] : [],
					};
				});
				await insertResponses(t, org, rows);
				await rollUpDirtyDays(t.db);
				const from = "2026-03-06";
				const to = `2026-03-${String(6 + span).padStart(2, "0")}`;
				const expected = summarize(
					rows
						.filter((r) => r.completed && localDay(r.at) >= from && localDay(r.at) <= to)
						.map((r) => ({
							scoreType: r.score === null ? null : r.survey.scoreType,
							score: r.score,
							sentiment: r.sentiment,
							intents: r.intents,
						})),
				);
				const filter = { from: new Date(from), to: new Date(to) };
				expect(await summaryOf(ctx, filter)).toEqual(expected);
				const merged = (await seriesOf(ctx, filter, "day")).reduce(
					(sum, p) => mergeSummaries(sum, p.summary),
					emptySummary(),
				);
				expect(merged).toEqual(expected);
			}),
			{ numRuns: 25 },
		);
	});
});
