// The text pipeline end to end: a response arrives and is analysed by a job within seconds (with a live
// event); a correction overrides the labels and survives re-analysis; imported mentions are analysed too.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { mentions } from "../outreach/schema";
import { responses } from "../responses/schema";
import { type SurveyOrg, setUpSurveyOrg, submit } from "../responses/test-setup";
import { textCorrections } from "./schema";

describe("text pipeline", () => {
	let t: TestApp;
	let a: SurveyOrg;
	let slug: string;
	const analysed = (id: string) =>
		eventually(async () => {
			const [row] = await t.db.select().from(responses).where(eq(responses.id, id));
			return row?.analysisStatus === "done" ? row : undefined;
		}, 30_000);
	const respond = async (nps: number, reason: string) => {
		const responseId = crypto.randomUUID();
		const res = await submit(t, {
			surveySlug: slug,
			responseId,
			language: "de",
			answers: { nps, reason },
			completed: true,
		});
		expect(res.status).toBe(201);
		return responseId;
	};

	beforeAll(async () => {
		t = await createTestApp({ workers: true });
		a = await setUpSurveyOrg(t, "Pipeline GmbH", "owner@pipeline.example");
		slug = (await a.liveSurvey({ template: "post_purchase_nps" })).slug;
	});
	afterAll(() => t.close());

	it("analyses a new response within seconds and tells the live stream", async () => {
		const events: string[] = [];
		const unsubscribe = t.live.subscribe(a.organizationId, (event) => events.push(event.type));
		const id = await respond(
			2,
			"Die Lieferung kam zwei Wochen zu spät und niemand bei der Hotline hat geantwortet. Schreiben Sie mir an max@example.com",
		);
		const row = await analysed(id);
		unsubscribe();
		expect(row.sentiment).toBe("negative");
		expect(row.textLanguage).toBe("de");
		expect(row.intents).toContain("complaint");
		const themes = (row.themes as { theme: string }[]).map((theme) => theme.theme);
		expect(themes).toContain("delivery");
		expect(row.commentRedacted).not.toContain("max@example.com");
		expect(row.comment).toContain("max@example.com");
		expect(events).toContain("response.created");
		expect(events).toContain("feedback.analyzed");
	});

	it("counts themes per week and filters the explorer by theme and sentiment", async () => {
		const trends = await a.call("GET", "/api/v1/text/theme-trends?interval=week");
		expect(trends.status).toBe(200);
		const delivery = trends.json.themes.find((theme: { theme: string }) => theme.theme === "delivery");
		expect(delivery.total).toBeGreaterThanOrEqual(1);
		expect(delivery.periods[0].negative).toBeGreaterThanOrEqual(1);
		const listed = await a.call("GET", "/api/v1/responses?theme=delivery&sentiment=negative");
		expect(listed.status).toBe(200);
		expect(listed.json.items.length).toBeGreaterThanOrEqual(1);
		expect(listed.json.items[0].themes.map((theme: { theme: string }) => theme.theme)).toContain("delivery");
		const none = await a.call("GET", "/api/v1/responses?theme=delivery&sentiment=positive");
		expect(none.json.items).toHaveLength(0);
	});

	it("keeps a person's correction, also through a re-analysis", async () => {
		const id = await respond(8, "Alles okay soweit, die Beratung war nett.");
		await analysed(id);
		const corrected = await a.call("POST", "/api/v1/text/corrections", {
			targetKind: "response",
			targetId: id,
			sentiment: "positive",
			intents: ["praise"],
			themes: ["staff"],
		});
		expect(corrected.status).toBe(204);
		const [example] = await t.db.select().from(textCorrections).where(eq(textCorrections.targetId, id));
		expect(example).toMatchObject({ sentiment: "positive", language: "de", organizationId: a.organizationId });

		const run = await a.call("POST", "/api/v1/text/reanalysis", { reason: "test" });
		expect(run.status).toBe(201);
		const done = await eventually(async () => {
			const state = await a.call("GET", `/api/v1/text/reanalysis/${run.json.id}`);
			return state.json.status === "done" ? state.json : undefined;
		}, 30_000);
		expect(done.processed).toBeGreaterThanOrEqual(2);
		const [row] = await t.db.select().from(responses).where(eq(responses.id, id));
		expect(row).toMatchObject({ sentiment: "positive", intents: ["praise"], analysisCorrected: true });
		expect(((row?.themes ?? []) as { theme: string }[]).map((x) => x.theme)).toEqual(["staff"]);
	});

	it("refuses a correction of another organization's response", async () => {
		const id = await respond(5, "Geht so.");
		const other = await t.signUp("Other AG", "owner@other-pipeline.example");
		const res = await t.call("POST", "/api/v1/text/corrections", {
			cookie: other.cookie,
			body: { targetKind: "response", targetId: id, sentiment: "positive" },
		});
		expect(res.status).toBe(404);
		expect(await t.db.select().from(textCorrections).where(eq(textCorrections.targetId, id))).toHaveLength(0);
	});

	it("analyses imported mentions through the backlog job", async () => {
		const imported = await a.call("POST", "/api/v1/mentions/import", {
			touchpointId: a.touchpointId,
			csv: "source,source_id,author,rating,text,date\ntrustpilot,r1,Anna,1,Die Lieferung kam viel zu spät und das Paket war kaputt. Sehr ärgerlich.,2026-11-20\ntrustpilot,r2,Ben,5,Great prices and super friendly staff!,2026-11-21\n",
		});
		expect(imported.status).toBe(200);
		const rows = await eventually(async () => {
			const found = await t.db.select().from(mentions).where(eq(mentions.organizationId, a.organizationId));
			return found.length === 2 && found.every((m) => m.analysisStatus === "done") ? found : undefined;
		}, 30_000);
		const bySource = Object.fromEntries(rows.map((m) => [m.sourceId, m]));
		expect(bySource.r1?.sentiment).toBe("negative");
		expect(bySource.r2?.language).toBe("en");
		expect(bySource.r2?.sentiment).toBe("positive");
	});
});
