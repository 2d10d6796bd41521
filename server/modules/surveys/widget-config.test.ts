// GET /api/v1/public/widget-config: the live widget surveys of a site for /loupe.js — CORS for the site's
// origins only, nothing of other sites or organizations, drafts and non-widget distributions left out, cached.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { type SurveyOrg, setUpSurveyOrg } from "../responses/test-setup";
import { WIDGET_CONFIG_CACHE_MS, WidgetConfigView } from "./widget-config";

const ORIGIN = "https://shop.example";
const trigger = { urlPatterns: ["/checkout/*"], customEvent: "order_completed", samplingPercent: 50 };

describe("widget config", () => {
	let t: TestApp;
	let a: SurveyOrg;
	let b: SurveyOrg;
	let nowMs = Date.UTC(2025, 5, 3, 12);
	const config = (siteKey: string, origin = ORIGIN) =>
		t.call("GET", `/api/v1/public/widget-config?siteKey=${siteKey}`, { headers: { origin } });
	const widget = (org: SurveyOrg, surveyId: string, siteId: string, position = "bottom-left") =>
		org.call("POST", `/api/v1/surveys/${surveyId}/distributions`, { kind: "widget", siteId, trigger, position });

	beforeAll(async () => {
		t = await createTestApp({ now: () => new Date(nowMs) });
		a = await setUpSurveyOrg(t, "Widget A GmbH", "a@widget.example");
		b = await setUpSurveyOrg(t, "Widget B GmbH", "b@widget.example");
	});
	afterAll(() => t.close());

	it("lists the site's live widget surveys with their triggers, readable by the site's origin", async () => {
		const live = await a.liveSurvey({ template: "checkout_ces", slug: "a-checkout" });
		const draft = await a.call("POST", "/api/v1/surveys", {
			template: "post_purchase_nps",
			touchpointId: a.touchpointId,
			slug: "a-draft",
		});
		const distribution = await widget(a, live.id, a.siteId);
		expect((await widget(a, draft.json.id, a.siteId)).status).toBe(201);
		expect((await a.call("POST", `/api/v1/surveys/${live.id}/distributions`, { kind: "link" })).status).toBe(201);
		const otherSite = await a.call("POST", "/api/v1/sites", { name: "App", allowedOrigins: ["https://app.example"] });
		expect((await widget(a, live.id, otherSite.json.id)).status).toBe(201);

		const response = await config(a.siteKey);
		expect(response.status).toBe(200);
		expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
		expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
		const view = WidgetConfigView.parse(response.json);
		expect(view.surveys).toEqual([
			{
				id: distribution.json.id,
				slug: "a-checkout",
				position: "bottom-left",
				trigger: { ...trigger, timeOnPageSeconds: 0, scrollDepthPercent: 0, exitIntent: false, fatigueDays: 30 },
			},
		]);
		expect(response.text.length).toBeLessThan(400);
	});

	it("refuses origins the site does not allow and unknown keys, without CORS headers", async () => {
		const foreign = await config(a.siteKey, "https://evil.example");
		expect(foreign.status).toBe(403);
		expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
		const unknown = await config("pk_doesnotexist0000");
		expect(unknown.status).toBe(404);
		expect((await t.call("GET", "/api/v1/public/widget-config")).status).toBe(400);
	});

	it("shows another organization nothing of this one, even with a survey on its own site", async () => {
		const theirs = await b.liveSurvey({ template: "hotline_csat", slug: "b-hotline" });
		// Organization B cannot attach a widget to A's site: the site is not found in B.
		expect((await widget(b, theirs.id, a.siteId)).status).toBe(404);
		expect((await widget(b, theirs.id, b.siteId)).status).toBe(201);
		const view = WidgetConfigView.parse((await config(b.siteKey)).json);
		expect(view.surveys.map((s) => s.slug)).toEqual(["b-hotline"]);
		nowMs += WIDGET_CONFIG_CACHE_MS;
		const ofA = WidgetConfigView.parse((await config(a.siteKey)).json);
		expect(ofA.surveys.map((s) => s.slug)).toEqual(["a-checkout"]);
	});

	it("serves a cached answer for a few seconds, then the change", async () => {
		const before = WidgetConfigView.parse((await config(a.siteKey)).json);
		const second = await a.liveSurvey({ template: "delivery", slug: "a-delivery" });
		expect((await widget(a, second.id, a.siteId)).status).toBe(201);
		expect(WidgetConfigView.parse((await config(a.siteKey)).json)).toEqual(before);
		nowMs += WIDGET_CONFIG_CACHE_MS;
		const after = WidgetConfigView.parse((await config(a.siteKey)).json);
		expect(after.surveys.map((s) => s.slug).sort()).toEqual(["a-checkout", "a-delivery"]);
	});

	it("answers a CORS preflight for allowed origins only", async () => {
		const ok = await t.call("OPTIONS", `/api/v1/public/widget-config?siteKey=${a.siteKey}`, {
			headers: { origin: ORIGIN },
		});
		expect(ok.status).toBe(204);
		expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
		const refused = await t.call("OPTIONS", `/api/v1/public/widget-config?siteKey=${a.siteKey}`, {
			headers: { origin: "https://evil.example" },
		});
		expect(refused.status).toBe(403);
	});
});
