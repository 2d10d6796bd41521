// The demo company loads once, with the journey the README promises, and the demo user can sign in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionCookieOf, type TestApp } from "../test/harness";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoIfEmpty } from "./seed-demo";

describe("demo company", () => {
	let t: TestApp;
	beforeAll(async () => {
		t = await createTestApp();
	});
	afterAll(() => t.close());

	it("seeds an empty database once, then leaves it alone", { timeout: 240_000 }, async () => {
		const env = { db: t.db, jobs: t.jobs, log: (await import("../platform/logging")).createLogger("silent") };
		expect(await seedDemoIfEmpty(env)).toBe(true);
		expect(await seedDemoIfEmpty(env)).toBe(false);
	});

	it("holds a year of feedback and behaviour, with the comments already analysed", async () => {
		const count = async (query: string) => Number((await t.database.executeSql(query)).rows[0]?.n);
		expect(await count("select count(*) as n from responses")).toBeGreaterThanOrEqual(50_000);
		expect(await count("select count(*) as n from events")).toBeGreaterThanOrEqual(500_000);
		expect(await count("select count(*) as n from mentions")).toBeGreaterThanOrEqual(1_000);
		expect(
			await count("select count(*) as n from responses where comment is not null and analysis_status <> 'done'"),
		).toBe(0);
		const span = await count("select extract(day from max(submitted_at) - min(submitted_at)) as n from responses");
		expect(span).toBeGreaterThanOrEqual(330);
	});

	it("has the 7 stages, at least 20 touchpoints across channels, each owned by a department", async () => {
		const signIn = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
		});
		expect(signIn.status).toBe(200);
		expect(signIn.json.role).toBe("owner");
		const cookie = sessionCookieOf(signIn.headers);
		const list = await t.call("GET", "/api/v1/journeys", { cookie });
		expect(list.json.items).toHaveLength(1);
		expect(list.json.items[0]).toMatchObject({ stageCount: 7 });
		expect(list.json.items[0].touchpointCount).toBeGreaterThanOrEqual(20);
		const journey = (await t.call("GET", `/api/v1/journeys/${list.json.items[0].id}`, { cookie })).json;
		expect(journey.stages.map((s: { key: string }) => s.key)).toEqual([
			"awareness",
			"research",
			"purchase",
			"service",
			"use",
			"repurchase",
			"advocacy",
		]);
		const all = journey.stages.flatMap(
			(s: { touchpoints: { channel: string; departmentId: string | null }[] }) => s.touchpoints,
		);
		expect(new Set(all.map((tp: { channel: string }) => tp.channel)).size).toBeGreaterThanOrEqual(12);
		expect(all.every((tp: { departmentId: string | null }) => tp.departmentId)).toBe(true);
		const departments = (await t.call("GET", "/api/v1/departments", { cookie })).json.items.map(
			(d: { name: string }) => d.name,
		);
		expect(departments).toEqual([
			"E-Commerce",
			"Filialen",
			"Kundenservice",
			"Logistik",
			"Marketing",
			"Produktmanagement",
		]);
	});
});
