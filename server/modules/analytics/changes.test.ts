// Change detection on data shaped like the demo: delivery NPS falls by about 29 points over the last two months
// and must be flagged as a significant deterioration (after Benjamini–Hochberg); a stable touchpoint must not.
// The journey map must show the same trend and rank delivery as the top pain point.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { rollUpDirtyDays } from "./rollup/job";
import { type InsightsOrg, insertResponses, type RawResponse, setUpInsightsOrg } from "./test-setup";

/** `n` scores spread evenly over `days` days from `start`, shares given as [score, share] pairs. */
function shaped(
	survey: RawResponse["survey"],
	start: Date,
	days: number,
	n: number,
	shares: [number, number][],
	extra: Partial<RawResponse> = {},
) {
	const rows: RawResponse[] = [];
	for (const [score, share] of shares) {
		for (let i = 0; i < Math.round(n * share); i++) rows.push({ survey, score, at: new Date(0), ...extra });
	}
	return rows.map((row, i) => ({
		...row,
		at: new Date(start.getTime() + ((i * 7919) % rows.length) * ((days * 86400_000) / rows.length) + 3600_000),
	}));
}

describe("change detection on the demo-shaped deterioration", () => {
	let t: TestApp;
	let org: InsightsOrg;
	const previousStart = new Date("2026-07-03T12:00:00Z");
	const currentStart = new Date("2026-09-01T12:00:00Z");
	const range = "from=2026-09-01&to=2026-10-30";

	beforeAll(async () => {
		t = await createTestApp();
		org = await setUpInsightsOrg(t, "Nordstern shaped", "shaped@insights.example");
		const s = org.surveys;
		const negativeDelivery = {
			sentiment: "negative" as const,
			intents: ["complaint"],
			themes: [{ theme: "delivery_time", sentiment: "negative" }],
		};
		await insertResponses(t, org, [
			...shaped(s.delivery, previousStart, 60, 260, [
				[10, 0.35],
				[9, 0.25],
				[8, 0.15],
				[7, 0.1],
				[5, 0.1],
				[2, 0.05],
			]),
			...shaped(s.delivery, currentStart, 60, 260, [
				[10, 0.22],
				[9, 0.18],
				[8, 0.2],
				[7, 0.16],
				[5, 0.14],
			]),
			...shaped(s.delivery, currentStart, 60, 260, [[2, 0.1]], negativeDelivery),
			...shaped(s.product, previousStart, 60, 300, [
				[10, 0.3],
				[9, 0.2],
				[8, 0.3],
				[4, 0.2],
			]),
			...shaped(s.product, currentStart, 60, 300, [
				[10, 0.29],
				[9, 0.21],
				[8, 0.29],
				[4, 0.21],
			]),
			...shaped(s.hotline, previousStart, 60, 150, [
				[5, 0.4],
				[4, 0.3],
				[3, 0.2],
				[1, 0.1],
			]),
			...shaped(s.hotline, currentStart, 60, 150, [
				[5, 0.38],
				[4, 0.32],
				[3, 0.2],
				[1, 0.1],
			]),
			...shaped(s.checkout, previousStart, 60, 120, [
				[6, 0.4],
				[5, 0.4],
				[3, 0.2],
			]),
			...shaped(s.checkout, currentStart, 60, 120, [
				[6, 0.4],
				[5, 0.38],
				[3, 0.22],
			]),
		]);
		await rollUpDirtyDays(t.db);
	});
	afterAll(() => t.close());

	it("flags the delivery drop as a significant deterioration and the stable touchpoints as unchanged", async () => {
		const res = await org.call("GET", `/api/v1/analytics/changes?${range}&metric=nps`);
		expect(res.status).toBe(200);
		expect(res.json.previousFrom).toBe("2026-07-03");
		const delivery = res.json.touchpoints.find(
			(c: { touchpointId: string }) => c.touchpointId === org.touchpoints.delivery,
		);
		const product = res.json.touchpoints.find(
			(c: { touchpointId: string }) => c.touchpointId === org.touchpoints.product,
		);
		expect(delivery.difference).toBeLessThan(-25);
		expect(delivery.difference).toBeGreaterThan(-33);
		expect(delivery.significant).toBe(true);
		expect(delivery.qValue).toBeLessThan(0.05);
		expect(delivery.direction).toBe("deteriorated");
		expect(product.significant).toBe(false);
		expect(product.direction).toBe("unchanged");
		expect(res.json.touchpoints[0].touchpointId).toBe(org.touchpoints.delivery);
		for (const metric of ["csat", "ces", "detractorShare", "complaintRate"]) {
			const other = await org.call("GET", `/api/v1/analytics/changes?${range}&metric=${metric}`);
			expect(other.status).toBe(200);
			const stable = other.json.touchpoints.filter(
				(c: { touchpointId: string }) => c.touchpointId !== org.touchpoints.delivery,
			);
			expect(
				stable.every((c: { significant: boolean }) => !c.significant),
				metric,
			).toBe(true);
		}
	});

	it("shows the KPI change with its test for the delivery touchpoint", async () => {
		const res = await org.call(
			"GET",
			`/api/v1/analytics/kpis?${range}&touchpointId=${org.touchpoints.delivery}&interval=week`,
		);
		expect(res.status).toBe(200);
		expect(res.json.previous.nps.value - res.json.nps.value).toBeGreaterThan(25);
		expect(res.json.changes.nps.significant).toBe(true);
		expect(res.json.changes.nps.direction).toBe("deteriorated");
		expect(res.json.changes.complaintRate.direction).toBe("deteriorated");
		expect(res.json.series[0].start).toBe("2026-08-31");
	});

	it("puts delivery first among the journey map's pain points with its trend and negative theme", async () => {
		const res = await org.call("GET", `/api/v1/analytics/journey-map?journeyId=${org.journeyId}&${range}`);
		expect(res.status).toBe(200);
		const cards = res.json.stages.flatMap((s: { touchpoints: unknown[] }) => s.touchpoints);
		const delivery = cards.find((c: { id: string }) => c.id === org.touchpoints.delivery);
		expect(delivery.score.metric).toBe("nps");
		expect(delivery.trend.direction).toBe("deteriorated");
		expect(delivery.topNegativeThemes[0].theme).toBe("delivery_time");
		const product = cards.find((c: { id: string }) => c.id === org.touchpoints.product);
		expect(product.trend.direction).toBe("unchanged");
		expect(res.json.painPoints[0].touchpointId).toBe(org.touchpoints.delivery);
		expect(res.json.painPoints[0].gap).toBeGreaterThan(5);
		expect(res.json.painPoints[0].impact).toBeCloseTo(
			(res.json.painPoints[0].affected * res.json.painPoints[0].gap) / 100,
			9,
		);
		const ranked = res.json.painPoints.map((p: { impact: number }) => p.impact);
		expect([...ranked].sort((a, b) => b - a)).toEqual(ranked);
		expect(res.json.stages.map((s: { position: number }) => s.position)).toEqual(
			[...res.json.stages.map((s: { position: number }) => s.position)].sort((a, b) => a - b),
		);
	});
});
