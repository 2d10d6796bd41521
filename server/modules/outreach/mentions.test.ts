// Mention imports through the API: CSV and JSON, dedupe by (source, source id), re-import updates only what
// changed (and queues a changed text for analysis again), bad files write nothing, filters and tenancy.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentions } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { mentionConnector, mentionConnectorNames } from "./connectors/connector";
import "./connectors/file-connector";
import { ImportReport, MentionView } from "./contract";
import { findMentionsPendingAnalysis, recordMentionAnalysis } from "./service/mentions";

describe("mentions", () => {
	let t: TestApp;
	let cookie = "";
	let organizationId = "";
	let touchpointId = "";
	let otherTouchpointId = "";
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie, body });
	const mentionCount = async () =>
		(await t.db.select({ n: count() }).from(mentions).where(eq(mentions.organizationId, organizationId)))[0]?.n ?? 0;

	const csv = [
		"source;source_id;author;rating;text;published_at;url;language",
		'Trustpilot;tp-1;Jana K.;1;"Lieferung kam zwei Wochen zu spät; Paket beschädigt.";03.11.2025;https://trustpilot.example/r/1;de',
		"Trustpilot;tp-2;Tom;4,5;Great sofa, quick checkout.;2025-11-04T10:00:00Z;;en",
		"Google;tp-1;M.;2;Hotline endlos in der Warteschleife.;2025-11-05;;",
	].join("\n");

	beforeAll(async () => {
		t = await createTestApp();
		({ cookie, organizationId } = await t.signUp("Mentions GmbH", "owner@mentions.example"));
		const journey = (await call("POST", "/api/v1/journeys", { name: "J", standardStages: "de" })).json;
		const withTouchpoints = await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
			stageId: journey.stages[6].id,
			name: "Bewertungsportale",
			channel: "review",
		});
		touchpointId = withTouchpoints.json.stages[6].touchpoints[0].id;
		otherTouchpointId = (
			await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
				stageId: journey.stages[6].id,
				name: "Forum",
				channel: "community",
			})
		).json.stages[6].touchpoints[1].id;
	});
	afterAll(() => t.close());

	it("imports a CSV, dedupes by source + source id, and re-imports only what changed", async () => {
		const first = await call("POST", "/api/v1/mentions/import", { touchpointId, csv });
		expect(first.status).toBe(200);
		expect(ImportReport.parse(first.json)).toMatchObject({ imported: 3, updated: 0, skipped: 0 });
		const rows = await t.db.select().from(mentions).where(eq(mentions.organizationId, organizationId));
		const tp1 = rows.find((r) => r.source === "Trustpilot" && r.sourceId === "tp-1");
		expect(tp1).toMatchObject({ rating: 1, language: "de", analysisStatus: "pending", touchpointId });
		expect(tp1?.publishedAt.toISOString()).toBe("2025-11-03T00:00:00.000Z");
		expect(rows.find((r) => r.sourceId === "tp-2")?.rating).toBe(4.5);

		await recordMentionAnalysis(t.db, organizationId, tp1?.id ?? "", tp1?.text ?? "", {
			language: "de",
			sentiment: "negative",
			sentimentScores: { negative: 0.9, neutral: 0.08, positive: 0.02 },
			intents: ["complaint"],
			themes: [{ theme: "delivery", confidence: 0.9, sentiment: "negative" }],
		});
		const again = await call("POST", "/api/v1/mentions/import", { touchpointId, csv });
		expect(again.json).toMatchObject({ imported: 0, updated: 0, skipped: 3 });
		const [analysed] = await t.db
			.select()
			.from(mentions)
			.where(eq(mentions.id, tp1?.id ?? ""));
		expect(analysed).toMatchObject({ analysisStatus: "done", sentiment: "negative", intents: ["complaint"] });

		const changed = csv.replace("Hotline endlos in der Warteschleife.", "Hotline: 40 Minuten Warteschleife.");
		const third = await call("POST", "/api/v1/mentions/import", { touchpointId, csv: changed.replace(";1;", ";2;") });
		expect(third.json).toMatchObject({ imported: 0, updated: 2, skipped: 1 });
		const [rated] = await t.db
			.select()
			.from(mentions)
			.where(eq(mentions.id, tp1?.id ?? ""));
		expect(rated).toMatchObject({ rating: 2, analysisStatus: "done", sentiment: "negative" });
		const google = (await t.db.select().from(mentions).where(eq(mentions.source, "Google")))[0];
		expect(google).toMatchObject({ text: "Hotline: 40 Minuten Warteschleife.", analysisStatus: "pending" });
		expect(await mentionCount()).toBe(3);
	});

	it("imports JSON items with a default source", async () => {
		const response = await call("POST", "/api/v1/mentions/import", {
			touchpointId: otherTouchpointId,
			defaultSource: "Community-Forum",
			mentions: [
				{ sourceId: "thread-9", text: "Wo finde ich die Ersatzteile?", publishedAt: "2025-11-06T08:00:00+01:00" },
				{ sourceId: "thread-10", author: "Lea", text: "Suche findet nichts.", publishedAt: "2025-11-07" },
			],
		});
		expect(response.status).toBe(200);
		expect(response.json).toMatchObject({ imported: 2 });
		const page = await call("GET", `/api/v1/mentions?touchpointId=${otherTouchpointId}&limit=1`);
		expect(page.json.items).toHaveLength(1);
		expect(MentionView.parse(page.json.items[0])).toMatchObject({ sourceId: "thread-10", source: "Community-Forum" });
		const next = await call(
			"GET",
			`/api/v1/mentions?touchpointId=${otherTouchpointId}&limit=1&cursor=${page.json.nextCursor}`,
		);
		expect(next.json.items[0].sourceId).toBe("thread-9");
		expect(next.json.nextCursor).toBeNull();
	});

	it("filters by source, time and text", async () => {
		const bySource = await call("GET", "/api/v1/mentions?source=Trustpilot");
		expect(bySource.json.items).toHaveLength(2);
		const byText = await call("GET", "/api/v1/mentions?q=warteschleife");
		expect(byText.json.items.map((m: { source: string }) => m.source)).toEqual(["Google"]);
		const byTime = await call("GET", "/api/v1/mentions?from=2025-11-04T00:00:00Z&to=2025-11-05T00:00:00Z");
		expect(byTime.json.items.map((m: { sourceId: string }) => m.sourceId)).toEqual(["tp-2"]);
		expect((await call("GET", "/api/v1/mentions?from=2025-11-05T00:00:00Z&to=2025-11-04T00:00:00Z")).status).toBe(400);
		const pending = await findMentionsPendingAnalysis(t.db, 100);
		expect(pending.length).toBe(4);
	});

	it("refuses bad files as a whole and reports each problem", async () => {
		const before = await mentionCount();
		const bad = ["source,source_id,text,published_at,rating,url,mood", "X,1,ok,2025-01-01,,,"].join("\n");
		const unknownColumn = await call("POST", "/api/v1/mentions/import", { touchpointId, csv: bad });
		expect(unknownColumn.status).toBe(400);
		expect(unknownColumn.json.error.details.errors).toEqual([expect.objectContaining({ line: 1, field: "mood" })]);
		const rows = [
			"source,source_id,text,published_at,rating,url",
			"X,1,fine,2025-01-01,5,https://x.example/1",
			"X,2,,2025-01-01,5,",
			"X,3,bad date,yesterday,5,",
			"X,4,bad rating,2025-01-01,eleven,",
			"X,5,bad url,2025-01-01,,javascript:alert(1)",
			"X,1,dupe,2025-01-02,,",
		].join("\n");
		const response = await call("POST", "/api/v1/mentions/import", { touchpointId, csv: rows });
		expect(response.status).toBe(400);
		const report = ImportReport.parse(response.json.error.details);
		expect(report.errors.map((e) => [e.line, e.field])).toEqual([
			[3, "text"],
			[4, "published_at"],
			[5, "rating"],
			[6, "url"],
			[7, "source_id"],
		]);
		const json = await call("POST", "/api/v1/mentions/import", {
			touchpointId,
			mentions: [{ source: "X", sourceId: "a", text: "t", publishedAt: "2025-01-01", stars: 5 }],
		});
		expect(json.status).toBe(400);
		expect(json.json.error.details.errors[0]).toMatchObject({ line: 1, field: "stars" });
		const both = await call("POST", "/api/v1/mentions/import", { touchpointId, csv: rows, mentions: [{}] });
		expect(both.status).toBe(400);
		expect(await mentionCount()).toBe(before);
	});

	it("refuses another organization's touchpoint and mention ids", async () => {
		const other = await t.signUp("Other Mentions", "owner@other-mentions.example");
		const as = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: other.cookie, body });
		const before = await mentionCount();
		expect((await as("POST", "/api/v1/mentions/import", { touchpointId, csv })).status).toBe(404);
		const [any] = await t.db.select().from(mentions).where(eq(mentions.organizationId, organizationId));
		expect((await as("GET", `/api/v1/mentions/${any?.id}`)).status).toBe(404);
		expect((await as("GET", "/api/v1/mentions")).json.items).toHaveLength(0);
		expect(await mentionCount()).toBe(before);
	});

	it("offers the file importer through the connector registry", async () => {
		expect(mentionConnectorNames()).toContain("file");
		const connector = mentionConnector("file", {
			drafts: [
				{ source: "S", sourceId: "1", text: "old", publishedAt: "2025-01-01" },
				{ source: "S", sourceId: "2", text: "new", publishedAt: "2025-02-01" },
			],
		});
		const seen = [];
		for await (const draft of connector.fetchSince("2025-01-15T00:00:00.000Z")) seen.push(draft.sourceId);
		expect(seen).toEqual(["2"]);
		expect(connector.cursorAfter([{ source: "S", sourceId: "2", text: "new", publishedAt: "2025-02-01" }], null)).toBe(
			"2025-02-01T00:00:00.000Z",
		);
	});
});
