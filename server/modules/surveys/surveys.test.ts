// Surveys through the admin API: templates, validation of translations and skip logic, versions, publishing,
// distributions with widget triggers, QR codes, roles, and other organizations' ids.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { type SurveyOrg, setUpSurveyOrg, submit } from "../responses/test-setup";
import { surveyDistributions, surveys, surveyVersions } from "./schema";

const content = {
	title: { de: "Titel", en: "Title" },
	questions: [
		{ id: "score", type: "csat", required: true, text: { de: "Zufrieden?", en: "Satisfied?" } },
		{
			id: "why",
			type: "open_text",
			text: { de: "Warum?", en: "Why?" },
			showIf: { questionId: "score", operator: "lte", value: 3 },
		},
	],
};

describe("surveys", () => {
	let t: TestApp;
	let a: SurveyOrg;
	let b: SurveyOrg;
	beforeAll(async () => {
		t = await createTestApp();
		a = await setUpSurveyOrg(t, "Org A", "owner@a.example");
		b = await setUpSurveyOrg(t, "Org B", "owner@b.example");
	});
	afterAll(() => t.close());

	it("lists the six templates in German and English", async () => {
		const res = await a.call("GET", "/api/v1/templates");
		expect(res.status).toBe(200);
		expect(res.json.items.map((x: { key: string }) => x.key)).toEqual([
			"post_purchase_nps",
			"checkout_ces",
			"hotline_csat",
			"branch_visit",
			"delivery",
			"employee_pulse",
		]);
		for (const template of res.json.items) {
			for (const question of template.content.questions)
				expect(Object.keys(question.text).sort()).toEqual(["de", "en"]);
		}
	});

	it("creates a draft from a template with version 1 and an audit entry", async () => {
		const res = await a.call("POST", "/api/v1/surveys", { template: "checkout_ces", touchpointId: a.touchpointId });
		expect(res.status).toBe(201);
		expect(res.json).toMatchObject({
			kind: "ces",
			audience: "customer",
			status: "draft",
			currentVersion: 1,
			languages: ["de", "en"],
			hiddenFields: ["order_id", "channel"],
			template: "checkout_ces",
		});
		expect(res.json.publicUrl).toBe(`http://loupe.test/s/${res.json.slug}`);
		expect(res.json.version.content.questions[0].type).toBe("ces");
		const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, res.json.id));
		expect(audit.map((r) => r.action)).toEqual(["survey.created"]);
	});

	it("refuses untranslated texts, bad skip logic and a missing score question, writing nothing", async () => {
		const before = (await t.db.select().from(surveys)).length;
		const untranslated = await a.call("POST", "/api/v1/surveys", {
			touchpointId: a.touchpointId,
			name: "X",
			kind: "csat",
			content: { ...content, title: { de: "Nur Deutsch" } },
		});
		expect(untranslated.status).toBe(400);
		expect(untranslated.json.error.details.fields.map((f: { field: string }) => f.field)).toContain("content.title.en");
		const forward = await a.call("POST", "/api/v1/surveys", {
			touchpointId: a.touchpointId,
			name: "X",
			kind: "csat",
			content: {
				...content,
				questions: [
					{ ...content.questions[1], showIf: { questionId: "score", operator: "lte", value: 3 } },
					content.questions[0],
				],
			},
		});
		expect(forward.status).toBe(400);
		expect(forward.json.error.details.fields[0].field).toBe("content.questions.0.showIf.questionId");
		const outOfRange = await a.call("POST", "/api/v1/surveys", {
			touchpointId: a.touchpointId,
			name: "X",
			kind: "csat",
			content: {
				...content,
				questions: [
					content.questions[0],
					{ ...content.questions[1], showIf: { questionId: "score", operator: "lte", value: 9 } },
				],
			},
		});
		expect(outOfRange.status).toBe(400);
		const wrongKind = await a.call("POST", "/api/v1/surveys", {
			touchpointId: a.touchpointId,
			name: "X",
			kind: "nps",
			content,
		});
		expect(wrongKind.status).toBe(400);
		const noContent = await a.call("POST", "/api/v1/surveys", { touchpointId: a.touchpointId, name: "X" });
		expect(noContent.status).toBe(400);
		expect((await t.db.select().from(surveys)).length).toBe(before);
	});

	it("edits a draft in place, and a live survey into version 2", async () => {
		const created = await a.call("POST", "/api/v1/surveys", {
			touchpointId: a.touchpointId,
			name: "Checkout-Zufriedenheit",
			kind: "csat",
			content,
		});
		expect(created.json.slug).toMatch(/^checkout-zufriedenheit-[a-z0-9]{6}$/);
		const id = created.json.id;
		const changed = { ...content, title: { de: "Neu", en: "New" } };
		const draftEdit = await a.call("PATCH", `/api/v1/surveys/${id}`, { content: changed });
		expect(draftEdit.json.currentVersion).toBe(1);
		expect(draftEdit.json.version.content.title.de).toBe("Neu");
		await a.call("POST", `/api/v1/surveys/${id}/publish`);
		const v1 = draftEdit.json.version.id;
		const answered = await submit(t, {
			surveySlug: created.json.slug,
			responseId: crypto.randomUUID(),
			language: "de",
			answers: { score: 5 },
			completed: true,
		});
		expect(answered.status).toBe(201);
		const liveEdit = await a.call("PATCH", `/api/v1/surveys/${id}`, {
			content: { ...changed, title: { de: "Zweite", en: "Second" } },
		});
		expect(liveEdit.status).toBe(200);
		expect(liveEdit.json.currentVersion).toBe(2);
		expect(liveEdit.json.version.id).not.toBe(v1);
		const renameOnly = await a.call("PATCH", `/api/v1/surveys/${id}`, { name: "Renamed" });
		expect(renameOnly.json.currentVersion).toBe(2);
		const versions = await a.call("GET", `/api/v1/surveys/${id}/versions`);
		expect(versions.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
		const list = await a.call("GET", `/api/v1/responses?surveyId=${id}`);
		expect(list.json.items).toHaveLength(1);
		expect(list.json.items[0].surveyVersionId).toBe(v1);
		const detail = await a.call("GET", `/api/v1/responses/${list.json.items[0].id}`);
		expect(detail.json.surveyVersion).toBe(1);
		expect(detail.json.questions[0]).toMatchObject({ questionId: "score", text: "Zufrieden?", display: "5 / 5" });
	});

	it("publishes, closes and refuses invalid transitions", async () => {
		const created = await a.call("POST", "/api/v1/surveys", { template: "hotline_csat", touchpointId: a.touchpointId });
		const id = created.json.id;
		expect((await a.call("POST", `/api/v1/surveys/${id}/close`)).status).toBe(409);
		expect((await a.call("POST", `/api/v1/surveys/${id}/publish`)).json.status).toBe("live");
		expect((await a.call("POST", `/api/v1/surveys/${id}/publish`)).status).toBe(409);
		const closed = await a.call("POST", `/api/v1/surveys/${id}/close`);
		expect(closed.json).toMatchObject({ status: "closed" });
		const late = await submit(t, {
			surveySlug: created.json.slug,
			responseId: crypto.randomUUID(),
			language: "de",
			answers: { csat: 4 },
			completed: true,
		});
		expect(late.status).toBe(409);
		const listed = await a.call("GET", "/api/v1/surveys?status=closed");
		expect(listed.json.items.map((s: { id: string }) => s.id)).toContain(id);
	});

	it("records distributions: link and QR with URLs, widget triggers validated, email", async () => {
		const survey = await a.liveSurvey({ template: "post_purchase_nps" });
		const link = await a.call("POST", `/api/v1/surveys/${survey.id}/distributions`, { kind: "link" });
		expect(link.status).toBe(201);
		expect(link.json.url).toBe(`http://loupe.test/s/${survey.slug}`);
		const qr = await a.call("POST", `/api/v1/surveys/${survey.id}/distributions`, { kind: "qr", name: "Kasse" });
		expect(qr.json.url).toBe(`http://loupe.test/s/${survey.slug}?src=qr`);
		const widget = await a.call("POST", `/api/v1/surveys/${survey.id}/distributions`, {
			kind: "widget",
			siteId: a.siteId,
			trigger: { urlPatterns: ["/checkout/done*"], timeOnPageSeconds: 5, samplingPercent: 25, fatigueDays: 60 },
		});
		expect(widget.status).toBe(201);
		expect(widget.json.trigger).toEqual({
			urlPatterns: ["/checkout/done*"],
			timeOnPageSeconds: 5,
			scrollDepthPercent: 0,
			exitIntent: false,
			samplingPercent: 25,
			fatigueDays: 60,
		});
		const email = await a.call("POST", `/api/v1/surveys/${survey.id}/distributions`, { kind: "email" });
		expect(email.json).toMatchObject({ kind: "email", embedFirstQuestion: true, url: null });
		const before = (await t.db.select().from(surveyDistributions)).length;
		for (const trigger of [
			{ urlPatterns: [] },
			{ urlPatterns: ["checkout"] },
			{ urlPatterns: ["/x"], samplingPercent: 0 },
			{ urlPatterns: ["/x"], scrollDepthPercent: 150 },
			{ urlPatterns: ["/x"], fatigueDays: -1 },
			{ urlPatterns: ["/x"], customEvent: "no spaces allowed" },
			{ urlPatterns: ["/x"], unknown: 1 },
		]) {
			const res = await a.call("POST", `/api/v1/surveys/${survey.id}/distributions`, {
				kind: "widget",
				siteId: a.siteId,
				trigger,
			});
			expect(res.status, JSON.stringify(trigger)).toBe(400);
		}
		const foreignSite = await a.call("POST", `/api/v1/surveys/${survey.id}/distributions`, {
			kind: "widget",
			siteId: b.siteId,
			trigger: { urlPatterns: ["/x"] },
		});
		expect(foreignSite.status).toBe(404);
		expect((await t.db.select().from(surveyDistributions)).length).toBe(before);
		const listed = await a.call("GET", `/api/v1/surveys/${survey.id}/distributions`);
		expect(listed.json.items).toHaveLength(4);
	});

	it("draws QR codes of the public page as PNG and SVG", async () => {
		const survey = await a.liveSurvey({ template: "branch_visit" });
		const png = await t.app.request(`/api/v1/surveys/${survey.id}/qr.png`, { headers: { cookie: a.cookie } });
		expect(png.status).toBe(200);
		expect(png.headers.get("content-type")).toBe("image/png");
		const bytes = new Uint8Array(await png.arrayBuffer());
		expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		const svg = await a.call("GET", `/api/v1/surveys/${survey.id}/qr.svg`);
		expect(svg.headers.get("content-type")).toBe("image/svg+xml");
		expect(svg.text).toMatch(/^<svg/);
	});

	it("lets viewers read but not write; refuses other organizations' touchpoints and surveys", async () => {
		const key = await a.call("POST", "/api/v1/api-keys", { name: "viewer", role: "viewer" });
		const asViewer = await t.call("POST", "/api/v1/surveys", {
			apiKey: key.json.key,
			body: { template: "delivery", touchpointId: a.touchpointId },
		});
		expect(asViewer.status).toBe(403);
		expect((await t.call("GET", "/api/v1/surveys", { apiKey: key.json.key })).status).toBe(200);
		const foreign = await a.call("POST", "/api/v1/surveys", { template: "delivery", touchpointId: b.touchpointId });
		expect(foreign.status).toBe(404);
		const bSurvey = await b.liveSurvey({ template: "delivery" });
		expect((await a.call("GET", `/api/v1/surveys/${bSurvey.id}`)).status).toBe(404);
		expect((await a.call("PATCH", `/api/v1/surveys/${bSurvey.id}`, { name: "Stolen" })).status).toBe(404);
		expect((await a.call("POST", `/api/v1/surveys/${bSurvey.id}/close`)).status).toBe(404);
		const [row] = await t.db.select().from(surveys).where(eq(surveys.id, bSurvey.id));
		expect(row).toMatchObject({ name: "Lieferung", status: "live" });
		const versions = await t.db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, bSurvey.id));
		expect(versions).toHaveLength(1);
	});

	it("refuses to delete a touchpoint that has surveys", async () => {
		const res = await a.call("DELETE", `/api/v1/journeys/${a.journeyId}/touchpoints/${a.touchpointId}`);
		expect(res.status).toBe(409);
	});
});
