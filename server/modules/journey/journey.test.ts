// The journey model through its API: journeys, ordered stages and touchpoints, moves, limits and refusals.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { JourneyDetailView } from "./contract";
import { touchpoints } from "./schema";

describe("journey model", () => {
	let t: TestApp;
	let owner: Awaited<ReturnType<TestApp["signUp"]>>;
	let journey: JourneyDetailView;
	let departmentId: string;
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
	const stageNamed = (j: JourneyDetailView, key: string) => {
		const stage = j.stages.find((s) => s.key === key);
		if (!stage) throw new Error(`no stage ${key}`);
		return stage;
	};

	beforeAll(async () => {
		t = await createTestApp();
		owner = await t.signUp("Journey GmbH", "owner@journey.example");
		departmentId = (await call("POST", "/api/v1/departments", { name: "E-Commerce" })).json.id;
		const created = await call("POST", "/api/v1/journeys", { name: "Privatkunden", standardStages: "en" });
		expect(created.status).toBe(201);
		journey = JourneyDetailView.parse(created.json);
	});
	afterAll(() => t.close());

	it("creates a journey with the seven standard stages in order", () => {
		expect(journey.stages.map((s) => s.key)).toEqual([
			"awareness",
			"research",
			"purchase",
			"service",
			"use",
			"repurchase",
			"advocacy",
		]);
		expect(journey.stages.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(journey.stages[0]?.name).toBe("Awareness");
	});

	it("adds touchpoints with channel, owner and URL patterns", async () => {
		const purchase = stageNamed(journey, "purchase");
		const res = await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
			stageId: purchase.id,
			name: "Online-Checkout",
			channel: "checkout",
			departmentId,
			urlPatterns: ["/checkout/*", "https://shop.example/cart"],
		});
		expect(res.status).toBe(201);
		const after = JourneyDetailView.parse(res.json);
		const checkout = stageNamed(after, "purchase").touchpoints[0];
		expect(checkout).toMatchObject({ name: "Online-Checkout", channel: "checkout", departmentId, position: 0 });
		expect(after.touchpointCount).toBe(1);
		journey = after;
	});

	it("refuses invalid touchpoints and writes nothing", async () => {
		const before = await t.db.select().from(touchpoints);
		const purchase = stageNamed(journey, "purchase");
		const cases = [
			{ stageId: purchase.id, name: "x", channel: "telepathy" },
			{ stageId: purchase.id, name: "x", channel: "web", urlPatterns: ["checkout page"] },
			{ stageId: purchase.id, name: "", channel: "web" },
			{ stageId: purchase.id, name: "x", channel: "web", departmentId: "00000000-0000-4000-8000-000000000000" },
			{ stageId: "00000000-0000-4000-8000-000000000000", name: "x", channel: "web" },
		];
		for (const body of cases) {
			const res = await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, body);
			expect([400, 404]).toContain(res.status);
			expect(res.json.error).toBeDefined();
		}
		expect(await t.db.select().from(touchpoints)).toHaveLength(before.length);
	});

	it("inserts at a position and keeps positions contiguous", async () => {
		const research = stageNamed(journey, "research");
		for (const name of ["Produktseiten", "Suche im Shop"]) {
			journey = (
				await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, { stageId: research.id, name, channel: "web" })
			).json;
		}
		const res = await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
			stageId: research.id,
			name: "Vergleichsportale",
			channel: "review",
			position: 0,
		});
		journey = JourneyDetailView.parse(res.json);
		const names = stageNamed(journey, "research").touchpoints.map((tp) => [tp.name, tp.position]);
		expect(names).toEqual([
			["Vergleichsportale", 0],
			["Produktseiten", 1],
			["Suche im Shop", 2],
		]);
	});

	it("reorders touchpoints within a stage and moves one in from another stage", async () => {
		const research = stageNamed(journey, "research");
		const purchase = stageNamed(journey, "purchase");
		const checkout = purchase.touchpoints[0];
		if (!checkout) throw new Error("no checkout");
		const order = [...research.touchpoints].reverse().map((tp) => tp.id);
		const res = await call("PUT", `/api/v1/journeys/${journey.id}/stages/${research.id}/touchpoint-order`, {
			touchpointIds: [checkout.id, ...order],
		});
		expect(res.status).toBe(200);
		journey = JourneyDetailView.parse(res.json);
		expect(stageNamed(journey, "research").touchpoints.map((tp) => tp.name)).toEqual([
			"Online-Checkout",
			"Suche im Shop",
			"Produktseiten",
			"Vergleichsportale",
		]);
		expect(stageNamed(journey, "purchase").touchpoints).toHaveLength(0);
		const incomplete = await call("PUT", `/api/v1/journeys/${journey.id}/stages/${research.id}/touchpoint-order`, {
			touchpointIds: [checkout.id],
		});
		expect(incomplete.status).toBe(400);
	});

	it("moves a touchpoint back by PATCH and closes the gap it leaves", async () => {
		const research = stageNamed(journey, "research");
		const purchase = stageNamed(journey, "purchase");
		const checkout = research.touchpoints.find((tp) => tp.name === "Online-Checkout");
		const res = await call("PATCH", `/api/v1/journeys/${journey.id}/touchpoints/${checkout?.id}`, {
			stageId: purchase.id,
			name: "Checkout",
		});
		journey = JourneyDetailView.parse(res.json);
		expect(stageNamed(journey, "purchase").touchpoints.map((tp) => tp.name)).toEqual(["Checkout"]);
		expect(stageNamed(journey, "research").touchpoints.map((tp) => tp.position)).toEqual([0, 1, 2]);
	});

	it("reorders stages and refuses an incomplete order", async () => {
		const ids = journey.stages.map((s) => s.id);
		const swapped = [ids[1], ids[0], ...ids.slice(2)];
		const res = await call("PUT", `/api/v1/journeys/${journey.id}/stage-order`, { stageIds: swapped });
		journey = JourneyDetailView.parse(res.json);
		expect(journey.stages.map((s) => s.key).slice(0, 2)).toEqual(["research", "awareness"]);
		const partial = await call("PUT", `/api/v1/journeys/${journey.id}/stage-order`, { stageIds: ids.slice(1) });
		expect(partial.status).toBe(400);
		const dupes = await call("PUT", `/api/v1/journeys/${journey.id}/stage-order`, { stageIds: [ids[0], ids[0]] });
		expect(dupes.status).toBe(400);
	});

	it("adds a stage at a position, renames it, and deletes it only when empty", async () => {
		let res = await call("POST", `/api/v1/journeys/${journey.id}/stages`, { name: "Onboarding", position: 1 });
		expect(res.status).toBe(201);
		journey = JourneyDetailView.parse(res.json);
		const onboarding = journey.stages[1];
		expect(onboarding?.name).toBe("Onboarding");
		res = await call("PATCH", `/api/v1/journeys/${journey.id}/stages/${onboarding?.id}`, { name: "Erste Schritte" });
		expect(JourneyDetailView.parse(res.json).stages[1]?.name).toBe("Erste Schritte");
		const purchase = stageNamed(journey, "purchase");
		const busy = await call("DELETE", `/api/v1/journeys/${journey.id}/stages/${purchase.id}`);
		expect(busy.status).toBe(409);
		res = await call("DELETE", `/api/v1/journeys/${journey.id}/stages/${onboarding?.id}`);
		journey = JourneyDetailView.parse(res.json);
		expect(journey.stages).toHaveLength(7);
		expect(journey.stages.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it("keeps a touchpoint when its department is deleted", async () => {
		const temp = (await call("POST", "/api/v1/departments", { name: "Temp" })).json.id;
		const purchase = stageNamed(journey, "purchase");
		const tp = purchase.touchpoints[0];
		await call("PATCH", `/api/v1/journeys/${journey.id}/touchpoints/${tp?.id}`, { departmentId: temp });
		expect((await call("DELETE", `/api/v1/departments/${temp}`)).status).toBe(204);
		const [row] = await t.db
			.select()
			.from(touchpoints)
			.where(eq(touchpoints.id, tp?.id ?? ""));
		expect(row?.departmentId).toBeNull();
	});

	it("lists touchpoints across the organization with filters", async () => {
		const res = await call("GET", `/api/v1/touchpoints?journeyId=${journey.id}&channel=web`);
		expect(res.status).toBe(200);
		expect(res.json.items.map((tp: { name: string }) => tp.name)).toEqual(["Produktseiten", "Suche im Shop"]);
	});

	it("deletes a journey with everything in it", async () => {
		const other = (await call("POST", "/api/v1/journeys", { name: "B2B", standardStages: "de" })).json;
		const stage = other.stages[0];
		await call("POST", `/api/v1/journeys/${other.id}/touchpoints`, {
			stageId: stage.id,
			name: "Messe",
			channel: "branch",
		});
		expect((await call("DELETE", `/api/v1/journeys/${other.id}`)).status).toBe(204);
		expect((await call("GET", `/api/v1/journeys/${other.id}`)).status).toBe(404);
		const left = await t.db.select().from(touchpoints).where(eq(touchpoints.journeyId, other.id));
		expect(left).toHaveLength(0);
		const list = await call("GET", "/api/v1/journeys");
		expect(list.json.items.map((j: { id: string }) => j.id)).toEqual([journey.id]);
	});
});
