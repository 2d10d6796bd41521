// The demo's outreach data: contacts in lists, a past campaign with plausible numbers, and mentions whose recent
// complaints are about late and damaged deliveries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../platform/logging";
import { createTestApp, type TestApp } from "../test/harness";
import { seedDemoOutreach } from "./seed-outreach";

/** The demo touchpoints the outreach seed attaches to (the full demo seed builds all 24). */
const TOUCHPOINTS = [
	["Online-Checkout", "checkout"],
	["Bewertungsportale", "review"],
	["Community-Forum", "community"],
	["Erwähnungen in sozialen Medien", "social"],
] as const;

describe("demo outreach data", () => {
	let t: TestApp;
	let cookie = "";
	const now = new Date("2025-11-20T09:00:00Z");
	const get = async (path: string) => (await t.call("GET", path, { cookie })).json;

	beforeAll(async () => {
		t = await createTestApp();
		const owner = await t.signUp("Nordstern Wohnen GmbH", "demo@nordstern.example");
		cookie = owner.cookie;
		const journey = (await t.call("POST", "/api/v1/journeys", { cookie, body: { name: "J", standardStages: "de" } }))
			.json;
		for (const [name, channel] of TOUCHPOINTS) {
			await t.call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
				cookie,
				body: { stageId: journey.stages[2].id, name, channel },
			});
		}
		const ctx = {
			db: t.db,
			jobs: t.jobs,
			log: createLogger("silent"),
			now,
			organizationId: owner.organizationId,
			actor: { type: "user" as const, userId: owner.userId, role: "owner" as const },
		};
		await seedDemoOutreach(ctx, now);
	}, 120_000);
	afterAll(() => t.close());

	it("has three contact lists over 500 contacts", async () => {
		const lists = await get("/api/v1/contact-lists");
		expect(lists.items).toHaveLength(3);
		expect(lists.items.every((l: { memberCount: number }) => l.memberCount >= 30)).toBe(true);
		let total = 0;
		let cursor: string | null = null;
		do {
			const page = await get(`/api/v1/contacts?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
			total += page.items.length;
			cursor = page.nextCursor;
		} while (cursor);
		expect(total).toBe(500);
	});

	it("has a past campaign with realistic numbers", async () => {
		const [campaign] = (await get("/api/v1/email-campaigns")).items;
		expect(campaign.status).toBe("sent");
		const s = campaign.stats;
		expect(s.sent).toBeGreaterThan(200);
		expect(s.responseRate).toBeGreaterThan(0.2);
		expect(s.responseRate).toBeLessThan(0.45);
		expect(s.unsubscribed).toBeGreaterThan(0);
		expect(s.bounced + s.skippedByCap + s.skippedUnsubscribed).toBeGreaterThan(0);
		expect(s.reminded).toBeGreaterThan(s.responded / 2);
	});

	it("has ~2,000 mentions; damaged parcels cluster in the last two months", async () => {
		const since = new Date(now.getTime() - 60 * 24 * 3600 * 1000).toISOString();
		const count = async (query: string) => {
			let n = 0;
			let cursor: string | null = null;
			do {
				const page = await get(`/api/v1/mentions?limit=200${query}${cursor ? `&cursor=${cursor}` : ""}`);
				n += page.items.length;
				cursor = page.nextCursor;
			} while (cursor);
			return n;
		};
		expect(await count("")).toBe(2000);
		const recent = await count(`&from=${since}`);
		const recentDamaged = await count(`&from=${since}&q=beschädigt`);
		const earlierDamaged = await count(`&to=${since}&q=beschädigt`);
		expect(recentDamaged / recent).toBeGreaterThan((2 * earlierDamaged) / (2000 - recent));
		expect(await count("&source=Trustpilot")).toBe(900);
	});
});
