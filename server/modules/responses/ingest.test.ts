// Public ingestion: validation against the version (nothing stored on errors), idempotency, partial → complete,
// immutability, CORS, body limits, content types, spam, rate limits, anonymity of employee surveys.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, emailCampaigns, emailInvitations, outreachSettings, surveys } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { signInvitationToken } from "../outreach/service/tokens";
import { PUBLIC_LIMITS } from "../surveys/service/public-access";
import { responseKeys, responses } from "./schema";
import { type SurveyOrg, setUpSurveyOrg, submit } from "./test-setup";

const content = {
	title: { de: "T", en: "T" },
	questions: [
		{ id: "nps", type: "nps", required: true, text: { de: "NPS?", en: "NPS?" } },
		{ id: "why", type: "open_text", maxLength: 50, text: { de: "Warum?", en: "Why?" } },
		{
			id: "fix",
			type: "multiple_choice",
			text: { de: "Was?", en: "What?" },
			showIf: { questionId: "nps", operator: "lte", value: 6 },
			required: true,
			options: [
				{ id: "price", text: { de: "Preis", en: "Price" } },
				{ id: "speed", text: { de: "Tempo", en: "Speed" } },
			],
		},
		{
			id: "grid",
			type: "matrix",
			scale: 5,
			text: { de: "Raster", en: "Grid" },
			rows: [
				{ id: "a", text: { de: "A", en: "A" } },
				{ id: "b", text: { de: "B", en: "B" } },
			],
		},
		{ id: "rate", type: "rating", scale: 3, text: { de: "R", en: "R" } },
		{
			id: "pick",
			type: "single_choice",
			text: { de: "P", en: "P" },
			options: [
				{ id: "x", text: { de: "X", en: "X" } },
				{ id: "y", text: { de: "Y", en: "Y" } },
			],
		},
	],
};

describe("public ingestion", () => {
	let clockMs = Date.parse("2025-03-10T10:00:00Z");
	let t: TestApp;
	let a: SurveyOrg;
	let slug = "";
	let surveyId = "";
	const tick = (ms = 61_000) => {
		clockMs += ms;
	};
	const stored = async () => (await t.db.select().from(responses).where(eq(responses.surveyId, surveyId))).length;
	const body = (extra: Record<string, unknown> = {}) => ({
		surveySlug: slug,
		responseId: crypto.randomUUID(),
		language: "de",
		answers: { nps: 9 },
		completed: true,
		...extra,
	});

	beforeAll(async () => {
		t = await createTestApp({ now: () => new Date(clockMs) });
		a = await setUpSurveyOrg(t, "Org A", "owner@a.example");
		const survey = await a.liveSurvey({
			name: "Kauf",
			kind: "nps",
			content,
			hiddenFields: ["order_id"],
		});
		slug = survey.slug;
		surveyId = survey.id;
	});
	afterAll(() => t.close());

	it("stores a response with its score, group, comment, touchpoint, version and channel", async () => {
		const sent = body({
			answers: { nps: 4, why: "  Zu teuer  ", fix: ["price"], grid: { a: 2 }, rate: 3, pick: "y" },
			hiddenFields: { order_id: "A-1" },
			visitorId: "v1",
			sessionId: "s1",
		});
		const res = await submit(t, sent);
		expect(res.status).toBe(201);
		expect(res.json).toEqual({ responseId: sent.responseId, completed: true, status: "created" });
		const [row] = await t.db.select().from(responses).where(eq(responses.id, sent.responseId));
		expect(row).toMatchObject({
			organizationId: a.organizationId,
			surveyId,
			touchpointId: a.touchpointId,
			channel: "api",
			language: "de",
			scoreType: "nps",
			score: 4,
			scoreGroup: "detractor",
			comment: "Zu teuer",
			completed: true,
			visitorId: "v1",
			hiddenFields: { order_id: "A-1" },
			analysisStatus: "pending",
			sentiment: null,
		});
		expect(row?.answers).toEqual({ nps: 4, why: "  Zu teuer  ", fix: ["price"], grid: { a: 2 }, rate: 3, pick: "y" });
		expect(row?.submittedAt.getTime()).toBe(clockMs);
	});

	it("refuses wrong answers with field paths and stores nothing", async () => {
		const before = await stored();
		const cases: [Record<string, unknown>, string][] = [
			[{ nps: 11 }, "answers.nps"],
			[{ nps: 3.5 }, "answers.nps"],
			[{ nps: "9" }, "answers.nps"],
			[{ nps: 9, ghost: 1 }, "answers.ghost"],
			[{ nps: 9, why: "x".repeat(51) }, "answers.why"],
			[{ nps: 9, pick: "z" }, "answers.pick"],
			[{ nps: 9, grid: { c: 1 } }, "answers.grid"],
			[{ nps: 9, grid: { a: 6 } }, "answers.grid.a"],
			[{ nps: 9, rate: 4 }, "answers.rate"],
			[{ why: "no score" }, "answers.nps"],
			[{ nps: 3 }, "answers.fix"],
			[{ nps: 3, fix: ["price", "price"] }, "answers.fix"],
		];
		for (const [answers, field] of cases) {
			const res = await submit(t, body({ answers }));
			expect(res.status, JSON.stringify(answers)).toBe(400);
			expect(res.json.error.code).toBe("invalid");
			expect(res.json.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
		}
		const envelope = await submit(t, body({ language: "fr", extra: true }));
		expect(envelope.status).toBe(400);
		const hidden = await submit(t, body({ hiddenFields: { coupon: "x" } }));
		expect(hidden.json.error.details.fields[0].field).toBe("hiddenFields.coupon");
		const wrongLanguage = await submit(t, body({ language: "en", surveySlug: slug }));
		expect(wrongLanguage.status).toBe(201);
		expect(await stored()).toBe(before + 1);
	});

	it("drops answers hidden by skip logic", async () => {
		const sent = body({ answers: { nps: 10, fix: ["speed"] } });
		expect((await submit(t, sent)).status).toBe(201);
		const [row] = await t.db.select().from(responses).where(eq(responses.id, sent.responseId));
		expect(row?.answers).toEqual({ nps: 10 });
		expect(row?.scoreGroup).toBe("promoter");
	});

	it("stores the same submission once", async () => {
		const sent = body();
		const [first, second] = await Promise.all([submit(t, sent), submit(t, sent)]);
		expect([first.status, second.status].sort()).toEqual([200, 201]);
		const third = await submit(t, { ...sent, answers: { nps: 0 } });
		expect(third.json.status).toBe("unchanged");
		const rows = await t.db.select().from(responses).where(eq(responses.id, sent.responseId));
		expect(rows).toHaveLength(1);
		expect(rows[0]?.score).toBe(9);
	});

	it("updates a partial response until it is completed, then keeps it", async () => {
		const id = crypto.randomUUID();
		const first = await submit(t, body({ responseId: id, answers: { nps: 3 }, completed: false }));
		expect(first.json).toMatchObject({ status: "created", completed: false });
		const incomplete = await submit(t, body({ responseId: id, answers: { why: "langsam" }, completed: true }));
		expect(incomplete.status).toBe(400);
		expect(incomplete.json.error.details.fields[0].field).toBe("answers.fix");
		tick(1000);
		const done = await submit(
			t,
			body({ responseId: id, answers: { fix: ["speed"], why: "langsam" }, completed: true }),
		);
		expect(done.json).toMatchObject({ status: "updated", completed: true });
		const after = await submit(t, body({ responseId: id, answers: { nps: 10 }, completed: false }));
		expect(after.json).toMatchObject({ status: "unchanged", completed: true });
		const [row] = await t.db.select().from(responses).where(eq(responses.id, id));
		expect(row).toMatchObject({ score: 3, comment: "langsam", completed: true });
		expect(row?.answers).toEqual({ nps: 3, fix: ["speed"], why: "langsam" });
		expect(row?.completedAt?.getTime()).toBe(clockMs);
		expect(row?.submittedAt.getTime()).toBe(clockMs - 1000);
	});

	it("refuses a response id of another survey", async () => {
		const other = await a.liveSurvey({ template: "hotline_csat" });
		const id = crypto.randomUUID();
		await submit(t, body({ responseId: id, completed: false }));
		const res = await submit(t, {
			surveySlug: other.slug,
			responseId: id,
			language: "de",
			answers: {},
			completed: false,
		});
		expect(res.status).toBe(409);
	});

	it("answers 400 to malformed JSON, 415 to other types, 413 past 64 KB — storing nothing", async () => {
		tick();
		const before = await stored();
		const malformed = await t.call("POST", "/api/v1/public/responses", {
			body: "{not json",
			headers: { "content-type": "application/json" },
		});
		expect(malformed.status).toBe(400);
		const form = await t.call("POST", "/api/v1/public/responses", {
			body: "a=1",
			headers: { "content-type": "application/x-www-form-urlencoded" },
		});
		expect(form.status).toBe(415);
		const big = await submit(t, body({ answers: { nps: 9, why: "x".repeat(70_000) } }));
		expect(big.status).toBe(413);
		const beacon = await t.call("POST", "/api/v1/public/responses", {
			body: JSON.stringify(body()),
			headers: { "content-type": "text/plain;charset=UTF-8" },
		});
		expect(beacon.status).toBe(201);
		expect(await stored()).toBe(before + 1);
	});

	it("allows CORS for the site's origins only, preflight included", async () => {
		tick();
		const allowed = await submit(t, body({ siteKey: a.siteKey }), { origin: "https://shop.example" });
		expect(allowed.status).toBe(201);
		expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example");
		const [row] = await t.db.select().from(responses).where(eq(responses.id, allowed.json.responseId));
		expect(row?.channel).toBe("widget");
		const invalidButReadable = await submit(t, body({ siteKey: a.siteKey, answers: { nps: 99 } }), {
			origin: "https://shop.example",
		});
		expect(invalidButReadable.status).toBe(400);
		expect(invalidButReadable.headers.get("access-control-allow-origin")).toBe("https://shop.example");
		const before = await stored();
		const refused = await submit(t, body({ siteKey: a.siteKey }), { origin: "https://evil.example" });
		expect(refused.status).toBe(403);
		expect(refused.headers.get("access-control-allow-origin")).toBeNull();
		const keyless = await submit(t, body(), { origin: "https://shop.example" });
		expect(keyless.status).toBe(403);
		const unknownKey = await submit(t, body({ siteKey: "pk_nope" }), { origin: "https://shop.example" });
		expect(unknownKey.status).toBe(404);
		expect(await stored()).toBe(before);
		const preflight = await t.call("OPTIONS", `/api/v1/public/responses?siteKey=${a.siteKey}`, {
			headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
		const badPreflight = await t.call("OPTIONS", `/api/v1/public/responses?siteKey=${a.siteKey}`, {
			headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
		});
		expect(badPreflight.status).toBe(403);
		expect(badPreflight.headers.get("access-control-allow-origin")).toBeNull();
		const definition = await t.call("GET", `/api/v1/public/surveys/${slug}?siteKey=${a.siteKey}&lang=en`, {
			headers: { origin: "https://shop.example" },
		});
		expect(definition.status).toBe(200);
		expect(definition.headers.get("access-control-allow-origin")).toBe("https://shop.example");
		expect(definition.json).toMatchObject({ slug, language: "en", title: "T", hiddenFields: ["order_id"] });
		expect(definition.json.questions[2]).toMatchObject({
			id: "fix",
			options: [
				{ id: "price", label: "Price" },
				{ id: "speed", label: "Speed" },
			],
			showIf: { questionId: "nps", operator: "lte", value: 6 },
		});
	});

	it("accepts spam with 202 but stores nothing, and counts it", async () => {
		tick();
		const before = await stored();
		const honeypot = await submit(t, body({ honeypot: "http://spam.example" }));
		expect(honeypot.status).toBe(202);
		expect(honeypot.json.status).toBe("accepted");
		const tooFast = await submit(t, body({ startedAt: new Date(clockMs - 200).toISOString() }));
		expect(tooFast.status).toBe(202);
		const skewed = await submit(t, body({ startedAt: new Date(clockMs + 60_000).toISOString() }));
		expect(skewed.status).toBe(201);
		expect(await stored()).toBe(before + 1);
		const [survey] = await t.db.select().from(surveys).where(eq(surveys.id, surveyId));
		expect(survey?.spamDroppedCount).toBe(2);
		expect((await t.db.select().from(responseKeys).where(eq(responseKeys.id, honeypot.json.responseId))).length).toBe(
			0,
		);
	});

	it("rate limits per IP (429) and recovers in the next window", async () => {
		tick();
		let limited = 0;
		for (let i = 0; i < PUBLIC_LIMITS.perIpPerMinute + 5; i++) {
			const res = await t.call("POST", "/api/v1/public/responses", {
				body: "{",
				headers: { "content-type": "application/json" },
			});
			if (res.status === 429) limited++;
		}
		expect(limited).toBe(5);
		tick();
		expect((await submit(t, body())).status).toBe(201);
	});

	it("never stores or fails on random answers that do not fit the survey", async () => {
		const answerValue = fc.oneof(
			fc.integer({ min: -5, max: 20 }),
			fc.double(),
			fc.string(),
			fc.constant(null),
			fc.array(fc.string(), { maxLength: 3 }),
			fc.dictionary(fc.string({ maxLength: 3 }), fc.integer()),
			fc.boolean(),
		);
		const keys = fc.constantFrom("nps", "why", "fix", "grid", "rate", "pick", "other", "__proto__", "");
		await fc.assert(
			fc.asyncProperty(fc.dictionary(keys, answerValue, { maxKeys: 5 }), fc.boolean(), async (answers, completed) => {
				tick();
				const before = await stored();
				const res = await submit(t, body({ answers, completed }));
				expect(res.status).toBeLessThan(500);
				if (res.status === 400) expect(await stored()).toBe(before);
				else expect([201, 200]).toContain(res.status);
			}),
			{ numRuns: 120 },
		);
	});

	it("redeems an email invitation once and attributes the response to its contact", async () => {
		tick();
		const secret = "a".repeat(64);
		await t.db.insert(outreachSettings).values({ organizationId: a.organizationId, tokenSecret: secret });
		const [contact] = await t.db
			.insert(contacts)
			.values({ organizationId: a.organizationId, email: "anna@example.com" })
			.returning();
		const [campaign] = await t.db
			.insert(emailCampaigns)
			.values({
				organizationId: a.organizationId,
				name: "C",
				surveyId,
				subject: { de: "S" },
				intro: { de: "I" },
				sendAt: new Date(clockMs),
			})
			.returning();
		const [invitation] = await t.db
			.insert(emailInvitations)
			.values({
				organizationId: a.organizationId,
				campaignId: campaign?.id ?? "",
				contactId: contact?.id,
				surveyId,
				language: "de",
				status: "sent",
			})
			.returning();
		const token = signInvitationToken(secret, "survey", invitation?.id ?? "");
		const partial = body({ invitationToken: token, answers: { nps: 9 }, completed: false });
		expect((await submit(t, partial)).status).toBe(201);
		const done = await submit(t, { ...partial, answers: { why: "Gut" }, completed: true });
		expect(done.json.status).toBe("updated");
		const [row] = await t.db.select().from(responses).where(eq(responses.id, partial.responseId));
		expect(row).toMatchObject({
			channel: "email",
			contactId: contact?.id,
			invitationId: invitation?.id,
			completed: true,
		});
		const [answered] = await t.db
			.select()
			.from(emailInvitations)
			.where(eq(emailInvitations.id, invitation?.id ?? ""));
		expect(answered?.responseId).toBe(partial.responseId);
		const before = await stored();
		const again = await submit(t, body({ invitationToken: token }));
		expect(again.status).toBe(409);
		const forged = await submit(t, body({ invitationToken: `${token.slice(0, -2)}xx` }));
		expect(forged.status).toBe(400);
		expect(await stored()).toBe(before);
	});

	it("keeps employee surveys anonymous", async () => {
		tick();
		const pulse = await a.liveSurvey({ template: "employee_pulse" });
		const sent = {
			surveySlug: pulse.slug,
			responseId: crypto.randomUUID(),
			language: "de",
			answers: { enps: 7, statements: { workload: 2 } },
			hiddenFields: { department: "Logistik" },
			completed: true,
			visitorId: "v-1",
			sessionId: "s-1",
			startedAt: new Date(clockMs - 60_000).toISOString(),
		};
		expect((await submit(t, sent)).status).toBe(201);
		const [row] = await t.db.select().from(responses).where(eq(responses.id, sent.responseId));
		expect(row).toMatchObject({
			audience: "employee",
			visitorId: null,
			sessionId: null,
			startedAt: null,
			contactId: null,
		});
	});
});
