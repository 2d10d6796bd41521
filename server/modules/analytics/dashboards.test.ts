// Dashboards through the HTTP API: the executive default, CRUD with validated widgets (bad config writes nothing),
// one-call widget data showing the demo-shaped delivery drop, read-only share links, and PNG export with Chromium.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { webDir } from "../../main";
import { createLogger } from "../../platform/logging";
import { auditLog, dashboardShareLinks, dashboards } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { type Insights, NOW, setUpInsights } from "./dashboards-test-setup";

let clock = NOW;
let t: TestApp;
let a: Insights;
let b: Insights;
const BASE = "/api/v1/analytics/dashboards";

beforeAll(async () => {
	t = await createTestApp({ now: () => clock });
	a = await setUpInsights(t, "Org A", "owner@a.example");
	b = await setUpInsights(t, "Org B", "owner@b.example", 10);
});
afterAll(() => t?.close());

const asA = (method: string, p: string, body?: unknown) => t.call(method, p, { cookie: a.cookie, body });
const dashboardCount = async (organizationId: string) =>
	(await t.db.select({ n: count() }).from(dashboards).where(eq(dashboards.organizationId, organizationId)))[0]?.n ?? 0;

describe("dashboards", () => {
	it("creates the executive dashboard on first read and resolves every widget in one call", async () => {
		const list = await asA("GET", BASE);
		expect(list.status).toBe(200);
		expect(list.json.items).toHaveLength(1);
		const executive = list.json.items[0];
		expect(executive.isDefault).toBe(true);
		expect(await dashboardCount(a.organizationId)).toBe(1);
		await asA("GET", BASE);
		expect(await dashboardCount(a.organizationId)).toBe(1);

		const data = await asA("GET", `${BASE}/${executive.id}/data`);
		expect(data.status).toBe(200);
		const byKind = Object.fromEntries(
			data.json.widgets.map((w: { id: string; kind: string }) => [w.kind, data.json.data[w.id]]),
		);
		for (const kind of [
			"kpi",
			"series",
			"journey_heatmap",
			"pain_points",
			"alerts",
			"volume",
			"themes",
			"case_metrics",
		]) {
			expect(byKind[kind], kind).toBeDefined();
			expect(byKind[kind].error, kind).toBeUndefined();
		}
		// The delivery drop is visible at a glance: significantly worse on the heatmap, top pain point.
		const cells = byKind.journey_heatmap.stages.flatMap((s: { touchpoints: unknown[] }) => s.touchpoints);
		const delivery = cells.find((c: { name: string }) => c.name === "Lieferung");
		expect(delivery.current.value).toBeCloseTo(19.2, 0);
		expect(delivery.direction).toBe("none"); // 28 days against the 28 before: both after the drop
		expect(byKind.pain_points.items[0].name).toBe("Lieferung");
		const series = byKind.series.points.filter((p: { value: number | null }) => p.value !== null);
		expect(series.length).toBeGreaterThan(15);
		expect(series[0].ci95[0]).toBeLessThan(series[0].value);
		expect(series.at(-1).value).toBeLessThan(series[0].value);
		expect(data.json.data.nps.target).toBe(40);
		expect(data.json.data.nps.isTargetMet).toBe(false);
		expect(byKind.volume.total).toBeGreaterThan(0);
		expect(byKind.case_metrics).toMatchObject({ caseCount: 0, openCount: 0, overdueCount: 0, slaTarget: 90 });
	});

	it("shows the closed-loop case metrics as the cases service and a direct count have them", async () => {
		const call = (method: string, p: string, body?: unknown, headers?: Record<string, string>) =>
			t.call(method, p, { cookie: a.cookie, body, headers });
		const rootCause = (await call("POST", "/api/v1/cases/root-causes", { label: { de: "Verspätung", en: "Late" } }))
			.json.id;
		const opened: string[] = [];
		for (const priority of ["urgent", "normal", "low"]) {
			const created = await call("POST", "/api/v1/cases", {
				subject: `Lieferung ${priority}`,
				priority,
				touchpointId: a.touchpoints.Lieferung,
			});
			expect(created.status).toBe(201);
			opened.push(created.json.id);
		}
		clock = new Date(NOW.getTime() + 3_600_000);
		const first = opened[0] ?? "";
		expect((await call("PATCH", `/api/v1/cases/${first}`, { status: "open" }, { "if-match": 'W/"1"' })).status).toBe(
			200,
		);
		const resolved = await call(
			"PATCH",
			`/api/v1/cases/${first}`,
			{ status: "resolved", rootCauseId: rootCause },
			{
				"if-match": 'W/"2"',
			},
		);
		expect(resolved.status).toBe(200);
		// Ten days on, the two cases still open are past their due times.
		clock = new Date(NOW.getTime() + 10 * 86_400_000);
		try {
			const dashboard = await call("POST", BASE, {
				name: "Service",
				widgets: [{ id: "loop", kind: "case_metrics", periodDays: 28 }],
			});
			expect(dashboard.status).toBe(201);
			const widget = (await call("GET", `${BASE}/${dashboard.json.id}/data`)).json.data.loop;
			const direct = (await t.db.execute(sql`select
				count(*) filter (where status in ('new', 'open', 'waiting'))::int as open,
				count(*) filter (where status in ('new', 'open', 'waiting') and ((first_responded_at is null
					and first_response_due_at < ${clock.toISOString()}::timestamptz)
					or resolution_due_at < ${clock.toISOString()}::timestamptz))::int as overdue,
				count(*)::int as total
				from cases where organization_id = ${a.organizationId}`)) as unknown as {
				rows: { open: number; overdue: number; total: number }[];
			};
			expect(direct.rows[0]).toEqual({ open: 2, overdue: 2, total: 3 });
			expect(widget).toMatchObject({ kind: "case_metrics", caseCount: 3, openCount: 2, overdueCount: 2 });
			// The same figures as the inbox's metrics page for the same window, in percent.
			const from = new Date(clock.getTime() - 28 * 86_400_000).toISOString();
			const metrics = (
				await call("GET", `/api/v1/cases/metrics?from=${from}&to=${encodeURIComponent(clock.toISOString())}`)
			).json;
			const percent = (rate: { rate: number | null; n: number }) =>
				rate.rate === null ? null : { value: Math.round(1000 * rate.rate) / 10, n: rate.n };
			for (const key of ["slaFirstResponse", "slaResolution", "closedLoop", "followUpSolved"] as const) {
				const expected = percent(metrics[key]);
				if (expected === null) expect(widget[key], key).toBeNull();
				else expect(widget[key], key).toMatchObject(expected);
			}
			// Urgent resolved within the hour (met), normal past its 40 business hours (missed); low, due after 80
			// business hours (more than ten calendar days), is not counted yet.
			expect(widget.slaResolution).toMatchObject({ value: 50, n: 2 });
			expect(widget.medianFirstResponseBusinessMinutes).toBe(metrics.firstResponse.medianBusinessMinutes);
			// A share link shows these aggregates as they are: there are no case ids or subjects to hide.
			const link = (await call("POST", `${BASE}/${dashboard.json.id}/share-links`, { label: "Board" })).json;
			const shared = await t.call("GET", `/api/v1/public/dashboards/${link.token}/data`);
			expect(shared.json.data.loop).toEqual(widget);
			for (const id of opened) expect(shared.text).not.toContain(id);
			expect(shared.text).not.toContain("Lieferung urgent");
		} finally {
			clock = NOW;
		}
	});

	it("shows a significant change on the heatmap over a window spanning the drop", async () => {
		const created = await asA("POST", BASE, {
			name: "Delivery watch",
			widgets: [
				{ id: "map", kind: "journey_heatmap", metric: "nps", periodDays: 56 },
				{
					id: "delivery",
					kind: "kpi",
					metric: "nps",
					periodDays: 56,
					filter: { touchpointIds: [a.touchpoints.Lieferung] },
					target: 30,
				},
			],
		});
		expect(created.status).toBe(201);
		const data = (await asA("GET", `${BASE}/${created.json.id}/data`)).json;
		const delivery = data.data.map.stages
			.flatMap((s: { touchpoints: unknown[] }) => s.touchpoints)
			.find((c: { name: string }) => c.name === "Lieferung");
		expect(delivery.direction).toBe("worse");
		expect(delivery.isSignificant).toBe(true);
		const stable = data.data.map.stages
			.flatMap((s: { touchpoints: { name: string; direction: string }[] }) => s.touchpoints)
			.filter((c: { name: string }) => c.name !== "Lieferung" && c.name);
		expect(stable.every((c: { direction: string }) => c.direction === "none")).toBe(true);
		expect(data.data.delivery.isTargetMet).toBe(false);
		expect(data.data.delivery.difference).toBeLessThan(-15);
	});

	it("refuses bad widget configurations and writes nothing", async () => {
		const before = await dashboardCount(a.organizationId);
		const audits = (
			await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, a.organizationId))
		)[0]?.n;
		const bad = [
			{ name: "x", widgets: [{ id: "a", kind: "kpi", metric: "loyalty" }] },
			{ name: "x", widgets: [{ id: "a", kind: "pie" }] },
			{
				name: "x",
				widgets: [
					{ id: "a", kind: "kpi", metric: "nps" },
					{ id: "a", kind: "alerts" },
				],
			},
			{ name: "x", widgets: [{ id: "a", kind: "kpi", metric: "nps", periodDays: 3 }] },
			{ name: "x", widgets: [{ id: "a", kind: "case_metrics", periodDays: 3 }] },
			{ name: "x", widgets: [{ id: "a", kind: "case_metrics", limit: 5 }] },
			{ name: "x", widgets: [{ id: "a", kind: "kpi", metric: "nps", extra: 1 }] },
			{
				name: "x",
				widgets: [{ id: "a", kind: "kpi", metric: "nps", filter: { touchpointIds: [b.touchpoints.Lieferung] } }],
			},
			{ name: "", widgets: [] },
		];
		for (const body of bad) {
			const response = await asA("POST", BASE, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			expect(response.json.error.code).toBe("invalid");
		}
		const executive = (await asA("GET", BASE)).json.items[0];
		expect(
			(await asA("PATCH", `${BASE}/${executive.id}`, { widgets: [{ id: "x", kind: "series", metric: "responses" }] }))
				.status,
		).toBe(400);
		expect((await asA("DELETE", `${BASE}/${executive.id}`)).status).toBe(400);
		expect(await dashboardCount(a.organizationId)).toBe(before);
		const after = (
			await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.organizationId, a.organizationId))
		)[0]?.n;
		expect(after).toBe(audits);
	});

	it("edits widgets (reorder, remove, targets) and lets viewers read but not edit", async () => {
		const created = (
			await asA("POST", BASE, {
				name: "Mine",
				widgets: [
					{ id: "one", kind: "alerts" },
					{ id: "two", kind: "volume" },
				],
			})
		).json;
		const patched = await asA("PATCH", `${BASE}/${created.id}`, {
			widgets: [
				{ id: "two", kind: "volume", interval: "month" },
				{ id: "three", kind: "kpi", metric: "detractorShare", target: 20 },
			],
		});
		expect(patched.status).toBe(200);
		expect(patched.json.widgets.map((w: { id: string }) => w.id)).toEqual(["two", "three"]);
		const key = (await asA("POST", "/api/v1/api-keys", { name: "viewer", role: "viewer" })).json.key;
		expect((await t.call("GET", `${BASE}/${created.id}/data`, { apiKey: key })).status).toBe(200);
		expect((await t.call("PATCH", `${BASE}/${created.id}`, { apiKey: key, body: { name: "No" } })).status).toBe(403);
		expect((await t.call("POST", BASE, { apiKey: key, body: { name: "No" } })).status).toBe(403);
		expect((await asA("DELETE", `${BASE}/${created.id}`)).status).toBe(204);
		expect((await asA("GET", `${BASE}/${created.id}`)).status).toBe(404);
	});

	it("refuses another organization's dashboards", async () => {
		const aDashboard = (await asA("GET", BASE)).json.items[0];
		for (const [method, p] of [
			["GET", `${BASE}/${aDashboard.id}`],
			["GET", `${BASE}/${aDashboard.id}/data`],
			["PATCH", `${BASE}/${aDashboard.id}`],
			["POST", `${BASE}/${aDashboard.id}/share-links`],
			["GET", `${BASE}/${aDashboard.id}/export.png`],
		] as const) {
			const body = method === "GET" ? undefined : p.endsWith("share-links") ? { label: "B" } : { name: "B" };
			const response = await t.call(method, p, { cookie: b.cookie, body });
			expect(response.status, `${method} ${p}`).toBe(404);
		}
	});

	it("serves a share link without a session, without ids, until revoked or expired", async () => {
		const executive = (await asA("GET", BASE)).json.items[0];
		const link = await asA("POST", `${BASE}/${executive.id}/share-links`, { label: "Board", expiresInDays: 7 });
		expect(link.status).toBe(201);
		expect(link.json.url).toBe(`http://loupe.test/share/${link.json.token}`);
		const [stored] = await t.db.select().from(dashboardShareLinks).where(eq(dashboardShareLinks.id, link.json.id));
		expect(stored?.tokenHash).not.toContain(link.json.token);
		expect(JSON.stringify(stored)).not.toContain(link.json.token);

		const shared = await t.call("GET", `/api/v1/public/dashboards/${link.json.token}`);
		expect(shared.status).toBe(200);
		expect(shared.json.name).toBe(executive.name);
		const data = await t.call("GET", `/api/v1/public/dashboards/${link.json.token}/data`);
		expect(data.status).toBe(200);
		expect(Object.keys(data.json.data)).toHaveLength(shared.json.widgets.length);
		for (const id of [...Object.values(a.touchpoints), a.organizationId, executive.id])
			expect(data.text).not.toContain(id);
		expect(data.text).toContain("Lieferung");

		const listed = await asA("GET", `${BASE}/${executive.id}/share-links`);
		expect(listed.json.items).toHaveLength(1);
		expect(listed.text).not.toContain(link.json.token);

		clock = new Date(NOW.getTime() + 8 * 86_400_000);
		expect((await t.call("GET", `/api/v1/public/dashboards/${link.json.token}`)).status).toBe(404);
		clock = NOW;
		expect((await asA("DELETE", `${BASE}/${executive.id}/share-links/${link.json.id}`)).status).toBe(204);
		expect((await t.call("GET", `/api/v1/public/dashboards/${link.json.token}/data`)).status).toBe(404);
		expect((await t.call("GET", "/api/v1/public/dashboards/dsh_notatokenatallbutlongenough")).status).toBe(404);
	});

	const chromium = "/usr/bin/chromium";
	// The export opens the share page of the built web app; an older build without it cannot be exported.
	const assets = path.join(webDir, "assets");
	const hasWeb =
		fs.existsSync(assets) &&
		fs
			.readdirSync(assets)
			.some((f) => f.endsWith(".js") && fs.readFileSync(path.join(assets, f), "utf8").includes("dashboardReady"));
	it.skipIf(!fs.existsSync(chromium) || !hasWeb)(
		`exports the executive dashboard as PNG (needs ${chromium} and dist/web built with the share page: npm run build:web)`,
		async () => {
			// The export opens the share page in Chromium, so the app must listen on a real port with the web app.
			const app = buildApp(
				{
					db: t.db,
					dbKind: t.database.kind,
					jobs: t.jobs,
					live: t.live,
					log: createLogger("silent"),
					config: t.config,
					clock: () => clock,
				},
				{ webDir },
			);
			const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
			await new Promise((resolve) => server.once("listening", resolve));
			const { port } = server.address() as AddressInfo;
			try {
				const executive = (await asA("GET", BASE)).json.items[0];
				const response = await fetch(`http://127.0.0.1:${port}${BASE}/${executive.id}/export.png?lang=en`, {
					headers: { cookie: a.cookie },
				});
				expect(response.status).toBe(200);
				const bytes = new Uint8Array(await response.arrayBuffer());
				expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
				expect(bytes.length).toBeGreaterThan(20_000);
				const exportTokens = await t.db
					.select()
					.from(dashboardShareLinks)
					.where(eq(dashboardShareLinks.purpose, "export"));
				expect(exportTokens).toEqual([]);
			} finally {
				server.close();
			}
		},
	);

	it("answers 503 with a clear message when Chromium is missing", async () => {
		const executive = (await asA("GET", BASE)).json.items[0];
		const original = t.config.chromiumPath;
		t.config.chromiumPath = "/nonexistent/chromium";
		try {
			const response = await asA("GET", `${BASE}/${executive.id}/export.pdf`);
			expect(response.status).toBe(503);
			expect(response.json.error.message).toContain("Chromium");
		} finally {
			t.config.chromiumPath = original;
		}
	});
});
