// Rollups and reports: events sent through the public API are rolled up by the job and show in every report;
// funnels count ordered steps per segment; another organization sees none of it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { rollUpFunnelHistory, rollUpOrganization } from "./rollup/job";
import { eventId, pageview, SHOP_ORIGIN, sendBatch, setUpShop } from "./test/fixtures";

let t: TestApp;
let shop: Awaited<ReturnType<typeof setUpShop>>;
const MOBILE_UA =
	"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

const ev = (type: string, path: string, at: number, extra: Record<string, unknown> = {}) => ({
	id: eventId(type.slice(0, 4)),
	type,
	at,
	url: `${SHOP_ORIGIN}${path}`,
	...extra,
});

/** One visit: home → search → product → cart → checkout steps (as far as `steps` says), with vitals. */
function visit(session: string, start: number, steps: number, lcpMs: number) {
	const at = (i: number) => start + i * 1000;
	const events = [
		pageview("/", at(0), { referrer: "https://www.google.com/" }),
		ev("engagement", "/", at(1), { value: 4000, props: { scroll: 50 } }),
		pageview("/search", at(2)),
		ev("search", "/search", at(3), { name: "Sofa", value: steps === 0 ? 0 : 12 }),
		pageview("/product/1", at(4)),
		ev("web_vital", "/product/1", at(5), { props: { lcp: 1200, inp: 80, cls: 0.02, ttfb: 200, load: 1500 } }),
	];
	if (steps >= 1) events.push(pageview("/cart", at(6)), ev("step", "/cart", at(7), { name: "cart" }));
	if (steps >= 2) {
		events.push(pageview("/checkout/payment", at(8)), ev("step", "/checkout/payment", at(9), { name: "payment" }));
		events.push(ev("web_vital", "/checkout/payment", at(10), { props: { lcp: lcpMs, inp: 350, load: lcpMs + 500 } }));
	}
	if (steps >= 3) events.push(ev("step", "/checkout/done", at(11), { name: "completed" }));
	return { site: shop.siteKey, session, events };
}

beforeAll(async () => {
	t = await createTestApp({ workers: true });
	shop = await setUpShop(t, "Report Org", "owner@reports.example");
	const start = Date.now() - 60_000;
	for (let i = 0; i < 12; i++) {
		const body = visit(`sess_rep_${String(i).padStart(4, "0")}`, start + i * 20, i % 4, 3500 + i * 100);
		const res = await sendBatch(t, body, i % 2 ? { userAgent: MOBILE_UA } : {});
		expect(res.status).toBe(202);
	}
});
afterAll(() => t.close());

const get = (path: string) => t.call("GET", path, { cookie: shop.cookie });

describe("behaviour reports", () => {
	it("the rollup job picks the events up and the overview shows traffic per touchpoint and page", async () => {
		const overview = await eventually(async () => {
			const res = await get("/api/v1/behaviour/overview");
			return res.json.totals.pageviews > 0 ? res : undefined;
		});
		expect(overview.status).toBe(200);
		expect(overview.json.totals).toMatchObject({ pageviews: 12 * 3 + 9 + 6, sessions: 12 });
		const checkout = overview.json.touchpoints.find(
			(tp: { touchpointId: string }) => tp.touchpointId === shop.checkoutId,
		);
		expect(checkout).toMatchObject({ touchpointName: "Checkout", pageviews: 9 + 6 });
		expect(overview.json.entryPages[0]).toMatchObject({ path: "/", entries: 12 });
		const home = overview.json.pages.find((p: { path: string }) => p.path === "/");
		expect(home).toMatchObject({ avgEngagedMs: 4000, avgScrollPercent: 50 });
	});

	it("search, slow pages, paths and unmapped pages read the rollups", async () => {
		const search = (await get("/api/v1/behaviour/search")).json;
		expect(search.totals).toMatchObject({ searches: 12, zeroResults: 3 });
		expect(search.zeroResultQueries[0]).toMatchObject({ query: "sofa", zeroResults: 3 });

		const slow = (await get("/api/v1/behaviour/slow-pages")).json;
		expect(slow.pages[0]).toMatchObject({
			path: "/checkout/payment",
			touchpointId: shop.checkoutId,
			lcpRating: "poor",
		});
		expect(slow.pages[0].p75LcpMs).toBeGreaterThan(3800);
		expect(slow.pages[0].p75LcpMs).toBeLessThan(4700);
		const product = slow.pages.find((p: { path: string }) => p.path === "/product/1");
		expect(product).toMatchObject({ lcpRating: "good", inpRating: "good" });

		const paths = (await get("/api/v1/behaviour/paths")).json;
		expect(paths.links).toContainEqual({ from: "other", to: shop.searchId, sessions: 12 });
		expect(paths.nodes.find((n: { key: string }) => n.key === shop.checkoutId).name).toBe("Checkout");

		const unmapped = (await get("/api/v1/behaviour/unmapped-pages")).json;
		expect(unmapped.pages.map((p: { path: string }) => p.path)).toEqual(["/", "/product/1"]);
		expect(unmapped.pages[1].suggestedPattern).toBe("/product/*");
	});

	it("touchpoint signals combine drop-off, p75 LCP and zero-result searches", async () => {
		const { findTouchpointBehaviourSignals } = await import("./service/slow-pages");
		const signals = await findTouchpointBehaviourSignals(
			{
				db: t.db,
				jobs: t.jobs,
				log: undefined as never,
				now: new Date(),
				organizationId: shop.organizationId,
				actor: { type: "public" },
			},
			{},
		);
		const search = signals.find((s) => s.touchpointId === shop.searchId);
		expect(search).toMatchObject({ searches: 12, zeroResultSearchShare: 0.25 });
		const checkout = signals.find((s) => s.touchpointId === shop.checkoutId);
		expect(checkout?.lcpRating).toBe("poor");
		expect(checkout?.dropOffRate).toBeGreaterThan(0);
	});

	it("real-time visitors and a session's path come from raw events", async () => {
		expect((await get("/api/v1/behaviour/realtime")).json).toMatchObject({ visitors: 12 });
		const path = (await get("/api/v1/sessions/sess_rep_0003/path")).json;
		expect(path.events.map((e: { type: string }) => e.type).slice(0, 4)).toEqual([
			"pageview",
			"engagement",
			"pageview",
			"search",
		]);
		expect(path.events.at(-1)).toMatchObject({ type: "step", name: "completed", touchpointName: "Checkout" });
		expect((await get("/api/v1/sessions/sess_unknown1/path")).status).toBe(404);
	});

	it("a saved funnel counts sessions that did the steps in order, per segment", async () => {
		const created = await t.call("POST", "/api/v1/funnels", {
			cookie: shop.cookie,
			body: {
				name: "Checkout",
				steps: [
					{ label: "Search", kind: "url", value: "/search*" },
					{ label: "Cart", kind: "step", value: "cart" },
					{ label: "Payment", kind: "url", value: "/checkout/*" },
					{ label: "Completed", kind: "step", value: "completed" },
				],
			},
		});
		expect(created.status).toBe(201);
		const report = await eventually(async () => {
			const res = await get(`/api/v1/funnels/${created.json.id}/report?segment=device`);
			return res.json.steps[0].sessions > 0 ? res.json : undefined;
		});
		expect(report.steps.map((s: { sessions: number }) => s.sessions)).toEqual([12, 9, 6, 3]);
		expect(report.steps[1].dropOffFromPrevious).toBeCloseTo(0.25);
		expect(report.segments.map((s: { segment: string }) => s.segment).sort()).toEqual(["desktop", "mobile"]);
		const jobRows = await t.db.execute(
			sql`select count(*) as n from pgboss.job where name = 'behaviour.funnel-rollup'`,
		);
		expect(Number((jobRows as unknown as { rows: { n: number }[] }).rows[0]?.n)).toBeGreaterThan(0);
	});

	it("recomputing is idempotent (late data recomputes its day)", async () => {
		const before = (await get("/api/v1/behaviour/overview")).json.totals;
		await rollUpOrganization(t.db, shop.organizationId, new Date());
		await t.db.execute(sql`update behaviour_rollup_state set processed_until = '-infinity'`);
		await rollUpOrganization(t.db, shop.organizationId, new Date());
		const funnels = (await get("/api/v1/funnels")).json.items;
		await rollUpFunnelHistory(t.db, shop.organizationId, funnels[0], new Date());
		expect((await get("/api/v1/behaviour/overview")).json.totals).toEqual(before);
	});

	it("refuses bad report queries and another organization's funnels", async () => {
		expect((await get("/api/v1/behaviour/overview?from=2026-02-01&to=2026-01-01")).status).toBe(400);
		expect((await get("/api/v1/behaviour/overview?from=2020-01-01&to=2026-01-01")).status).toBe(400);
		expect((await get("/api/v1/behaviour/slow-pages?touchpointId=00000000-0000-4000-8000-000000000000")).status).toBe(
			404,
		);
		const before = (await get("/api/v1/funnels")).json.items.length;
		const bad = await t.call("POST", "/api/v1/funnels", {
			cookie: shop.cookie,
			body: {
				name: "x",
				steps: [
					{ label: "a", kind: "url", value: "no slash" },
					{ label: "b", kind: "step", value: "b" },
				],
			},
		});
		expect(bad.status).toBe(400);
		expect((await get("/api/v1/funnels")).json.items.length).toBe(before);
		const other = await t.signUp("Other Org", "owner@other.example");
		const funnelId = (await get("/api/v1/funnels")).json.items[0].id;
		expect((await t.call("GET", `/api/v1/funnels/${funnelId}/report`, { cookie: other.cookie })).status).toBe(404);
		expect((await t.call("GET", "/api/v1/sessions/sess_rep_0003/path", { cookie: other.cookie })).status).toBe(404);
		expect((await t.call("GET", "/api/v1/behaviour/overview", { cookie: other.cookie })).json.totals.pageviews).toBe(0);
	});
});
