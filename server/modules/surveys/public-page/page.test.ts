// The public survey page without JavaScript: rendering (language, prefill, hidden fields, accessibility
// structure), form posts stored once with the right channel, errors re-rendered, spam, closed and unknown surveys.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responses } from "../../../platform/schema";
import { createTestApp, type TestApp } from "../../../test/harness";
import { type SurveyOrg, setUpSurveyOrg } from "../../responses/test-setup";

describe("public survey page", () => {
	let clockMs = Date.parse("2025-04-01T12:00:00Z");
	let t: TestApp;
	let a: SurveyOrg;
	let survey = { id: "", slug: "" };

	const page = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
	const post = (slug: string, fields: [string, string][]) =>
		t.app.request(`/s/${slug}`, {
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded" },
			body: new URLSearchParams(fields).toString(),
		});
	const formFields = (html: string): [string, string][] =>
		[...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
			m[1] ?? "",
			(m[2] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"'),
		]);
	const stored = async () => t.db.select().from(responses).where(eq(responses.surveyId, survey.id));

	beforeAll(async () => {
		t = await createTestApp({ now: () => new Date(clockMs) });
		a = await setUpSurveyOrg(t, "Org A", "owner@a.example");
		survey = await a.liveSurvey({ template: "delivery" });
	});
	afterAll(() => t.close());

	it("renders an accessible form in the browser's language with prefill and hidden fields", async () => {
		const res = await page(`/s/${survey.slug}?q1=4&order_id=A-77&utm=x&src=qr`, {
			"accept-language": "en-GB,en;q=0.9,de;q=0.8",
		});
		expect(res.status).toBe(200);
		expect(res.headers.get("cache-control")).toBe("no-store");
		const html = await res.text();
		expect(html).toContain('<html lang="en">');
		expect(html).toContain("After this delivery, how likely are you to recommend us?");
		expect(html.match(/<fieldset data-q=/g)).toHaveLength(4);
		expect(html).toContain('<legend id="l-nps">');
		expect(html).toContain('name="a.nps" value="4" checked');
		expect(html).toContain('<input type="hidden" name="h.order_id" value="A-77">');
		expect(html).not.toContain('name="h.utm"');
		expect(html).toContain('<input type="hidden" name="src" value="qr">');
		expect(html).toContain('name="website"');
		expect(html).toContain('hreflang="de"');
		const german = await (await page(`/s/${survey.slug}?lang=de`, { "accept-language": "en" })).text();
		expect(german).toContain('<html lang="de">');
		expect(german).not.toContain('" checked');
		const forged = await (
			await page(`/s/${survey.slug}?t=00000000000000000000000000000000.xxxxxxxxxxxxxxxxxxxxxx`)
		).text();
		expect(forged).toContain('<input type="hidden" name="src" value="link">');
		expect(forged).not.toContain('name="t"');
	});

	it("stores a form post once, with the QR channel, dropping answers hidden by skip logic", async () => {
		const html = await (await page(`/s/${survey.slug}?src=qr&order_id=B-1`)).text();
		clockMs += 30_000;
		const fields: [string, string][] = [
			...formFields(html),
			["a.nps", "10"],
			["a.on_time", "late"],
			["a.problems", "damaged"],
			["a.comment", "Schnell da"],
			["website", ""],
		];
		const res = await post(survey.slug, fields);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain("Vielen Dank für Ihr Feedback!");
		expect((await post(survey.slug, fields)).status).toBe(200);
		const rows = await stored();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			channel: "qr",
			score: 10,
			scoreGroup: "promoter",
			comment: "Schnell da",
			hiddenFields: { order_id: "B-1" },
		});
		expect(rows[0]?.answers).toEqual({ nps: 10, on_time: "late", comment: "Schnell da" });
	});

	it("re-renders the form with messages on invalid answers and stores nothing", async () => {
		const before = (await stored()).length;
		const html = await (await page(`/s/${survey.slug}`)).text();
		clockMs += 30_000;
		const res = await post(survey.slug, [...formFields(html), ["a.on_time", "late"], ["a.comment", "x"]]);
		expect(res.status).toBe(400);
		const body = await res.text();
		expect(body).toContain('role="alert"');
		expect(body).toContain('<p class="error" id="e-nps">Bitte beantworten Sie diese Frage.</p>');
		expect(body).toContain('value="late" checked');
		const tampered = await post(survey.slug, [...formFields(html), ["a.nps", "11"]]);
		expect(tampered.status).toBe(400);
		expect((await stored()).length).toBe(before);
	});

	it("thanks bots for the honeypot and too-fast posts but stores nothing", async () => {
		const before = (await stored()).length;
		const html = await (await page(`/s/${survey.slug}`)).text();
		const fast = await post(survey.slug, [...formFields(html), ["a.nps", "7"]]);
		expect(fast.status).toBe(200);
		clockMs += 30_000;
		const honeypot = await post(survey.slug, [...formFields(html), ["a.nps", "7"], ["website", "http://spam"]]);
		expect(honeypot.status).toBe(200);
		expect(await honeypot.text()).toContain("Vielen Dank");
		expect((await stored()).length).toBe(before);
	});

	it("answers 404 for unknown and draft surveys, 410 for closed ones", async () => {
		expect((await page("/s/does-not-exist")).status).toBe(404);
		const draft = await a.call("POST", "/api/v1/surveys", { template: "hotline_csat", touchpointId: a.touchpointId });
		expect((await page(`/s/${draft.json.slug}`)).status).toBe(404);
		await a.call("POST", `/api/v1/surveys/${survey.id}/close`);
		const closed = await page(`/s/${survey.slug}`, { "accept-language": "de" });
		expect(closed.status).toBe(410);
		expect(await closed.text()).toContain("Umfrage beendet");
	});
});
