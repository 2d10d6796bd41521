// Public ingestion: stored after commit, deduplicated, mapped to touchpoints; bad input and foreign origins
// refused with nothing stored; bots and privacy signals dropped; clock skew clamped and flagged.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { EVENT_FLAGS } from "./contract";
import { forgetCachedSites } from "./ingest/pipeline";
import { eventId, pageview, SHOP_ORIGIN, sendBatch, setUpShop } from "./test/fixtures";

let t: TestApp;
let shop: Awaited<ReturnType<typeof setUpShop>>;

const count = async (where = sql`true`) =>
	Number(
		((await t.db.execute(sql`select count(*) as n from events where ${where}`)) as unknown as { rows: { n: number }[] })
			.rows[0]?.n,
	);

beforeAll(async () => {
	t = await createTestApp();
	shop = await setUpShop(t, "Shop Org", "owner@shop.example");
});
afterAll(() => t.close());

describe("POST /api/v1/public/events", () => {
	it("stores a batch, maps URLs to touchpoints and answers after commit", async () => {
		const now = Date.now();
		const events = [
			pageview("/checkout/payment", now, { referrer: "https://www.google.com/" }),
			pageview("/search", now + 1),
			{
				id: eventId(),
				type: "search",
				at: now + 2,
				url: `${SHOP_ORIGIN}/search?q=Sofa`,
				name: "  Sofa  Grau ",
				value: 0,
			},
			{ id: eventId(), type: "step", at: now + 3, url: `${SHOP_ORIGIN}/checkout/payment`, name: "payment" },
		];
		const res = await sendBatch(t, { site: shop.siteKey, session: "sess_abcdefgh", events });
		expect(res.status).toBe(202);
		expect(res.json).toMatchObject({ accepted: 4, duplicates: 0, dropped: 0 });
		expect(res.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
		const rows = (
			(await t.db.execute(
				sql`select type, path, touchpoint_id, source, name, flags, device from events where session_id = 'sess_abcdefgh' order by occurred_at`,
			)) as unknown as { rows: Record<string, unknown>[] }
		).rows;
		expect(rows.map((r) => r.touchpoint_id)).toEqual([shop.checkoutId, shop.searchId, shop.searchId, shop.checkoutId]);
		expect(rows[0]).toMatchObject({ source: "search", device: "desktop" });
		expect(rows[2]).toMatchObject({ name: "sofa grau", flags: EVENT_FLAGS.zeroResults });
	});

	it("stores a retried batch once", async () => {
		const events = [pageview("/", Date.now()), pageview("/cart", Date.now() + 5)];
		const body = { site: shop.siteKey, session: "sess_retry123", events };
		expect((await sendBatch(t, body)).json).toMatchObject({ accepted: 2, duplicates: 0 });
		expect((await sendBatch(t, body)).json).toMatchObject({ accepted: 0, duplicates: 2 });
		expect(await count(sql`session_id = 'sess_retry123'`)).toBe(2);
	});

	it("clamps skewed clocks to server time, flags them, and still dedupes their retries", async () => {
		const body = {
			site: shop.siteKey,
			session: "sess_skewed12",
			events: [pageview("/a", Date.now() + 3600_000), pageview("/b", Date.now() - 3 * 86400_000)],
		};
		expect((await sendBatch(t, body)).json).toMatchObject({ accepted: 2, clamped: 2 });
		expect((await sendBatch(t, body)).json).toMatchObject({ accepted: 0, duplicates: 2 });
		const rows = (
			(await t.db.execute(
				sql`select flags, occurred_at, received_at from events where session_id = 'sess_skewed12' order by path`,
			)) as unknown as { rows: { flags: number; occurred_at: string; received_at: string }[] }
		).rows;
		expect(rows.map((r) => r.flags)).toEqual([EVENT_FLAGS.clampedFuture, EVENT_FLAGS.clampedPast]);
		for (const row of rows) expect(new Date(row.occurred_at).getTime()).toBe(new Date(row.received_at).getTime());
	});

	it("refuses bad input with a 4xx and stores nothing", async () => {
		const before = await count();
		const good = () => pageview("/x", Date.now());
		const cases: [unknown, number, { contentType?: string; origin?: string }?][] = [
			["{not json", 400],
			[{ site: shop.siteKey, session: "sess_bad12345", events: [] }, 400],
			[{ site: shop.siteKey, session: "sess_bad12345", events: [{ ...good(), at: "yesterday" }] }, 400],
			[{ site: shop.siteKey, session: "sess_bad12345", events: [{ ...good(), type: "purchase" }] }, 400],
			[
				{ site: shop.siteKey, session: "sess_bad12345", events: [good(), { ...good(), url: "javascript:alert(1)" }] },
				400,
			],
			[{ site: shop.siteKey, session: "sess_bad12345", events: [{ ...good(), extra: 1 }] }, 400],
			[{ site: shop.siteKey, session: "sess_bad12345", events: [{ ...good(), type: "step" }] }, 400],
			[{ site: shop.siteKey, session: "sess_bad12345", events: Array.from({ length: 101 }, good) }, 400],
			[{ site: "pk_unknown", session: "sess_bad12345", events: [good()] }, 404],
			[{ site: shop.siteKey, session: "sess_bad12345", events: [good()] }, 403, { origin: "https://evil.example" }],
			[{ site: shop.siteKey, session: "sess_bad12345", events: [good()] }, 415, { contentType: "application/xml" }],
			[`{"site":"${shop.siteKey}","pad":"${"x".repeat(300_000)}"}`, 413],
		];
		for (const [body, status, options] of cases) {
			const res = await sendBatch(t, body, options);
			expect(`${res.status} ${JSON.stringify(body).slice(0, 60)}`).toBe(
				`${status} ${JSON.stringify(body).slice(0, 60)}`,
			);
			expect(res.json.error.code).toBeTypeOf("string");
		}
		expect(await count()).toBe(before);
	});

	it("drops bots, and privacy signals when the site honours them", async () => {
		const before = await count();
		const body = () => ({ site: shop.siteKey, session: "sess_dropped1", events: [pageview("/", Date.now())] });
		const bot = await sendBatch(t, body(), {
			userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
		});
		expect(bot.json).toMatchObject({ accepted: 0, dropped: 1, reason: "bot" });
		const headless = await sendBatch(t, body(), { userAgent: "Mozilla/5.0 HeadlessChrome/120.0.0.0 Safari/537.36" });
		expect(headless.json).toMatchObject({ reason: "bot" });
		const allowed = await sendBatch(t, body(), { headers: { dnt: "1" } });
		expect(allowed.json).toMatchObject({ accepted: 1 });
		await shop.call("PATCH", `/api/v1/sites/${shop.siteId}`, { respectPrivacySignals: true });
		forgetCachedSites(t.db);
		expect((await sendBatch(t, body(), { headers: { dnt: "1" } })).json).toMatchObject({
			accepted: 0,
			reason: "privacy",
		});
		expect((await sendBatch(t, body(), { headers: { "sec-gpc": "1" } })).json).toMatchObject({ reason: "privacy" });
		expect((await sendBatch(t, { ...body(), privacy: true })).json).toMatchObject({ reason: "privacy" });
		expect(await count()).toBe(before + 1);
		await shop.call("PATCH", `/api/v1/sites/${shop.siteId}`, { respectPrivacySignals: false });
		forgetCachedSites(t.db);
	});

	it("answers the CORS preflight for allowed origins only", async () => {
		const preflight = (origin: string) =>
			t.app.request(`/api/v1/public/events?site=${shop.siteKey}`, {
				method: "OPTIONS",
				headers: { origin, "access-control-request-method": "POST" },
			});
		const allowed = await preflight(SHOP_ORIGIN);
		expect(allowed.status).toBe(204);
		expect(allowed.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
		expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
	});
});
