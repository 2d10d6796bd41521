// The explorer: filters, keyset pages, detail, formula-safe CSV/XLSX exports, results with employee
// suppression, and other organizations' ids refused.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { safeCell } from "./service/export";
import { type SurveyOrg, setUpSurveyOrg, submit } from "./test-setup";

describe("response explorer", () => {
	let clockMs = Date.parse("2025-05-01T08:00:00Z");
	let t: TestApp;
	let a: SurveyOrg;
	let b: SurveyOrg;
	let nps = { id: "", slug: "" };
	const ids: string[] = [];

	async function answer(slug: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
		clockMs += 60_000;
		const responseId = crypto.randomUUID();
		const res = await submit(t, { surveySlug: slug, responseId, language: "de", answers, completed: true, ...extra });
		if (res.status !== 201) throw new Error(res.text);
		return responseId;
	}

	beforeAll(async () => {
		t = await createTestApp({ now: () => new Date(clockMs) });
		a = await setUpSurveyOrg(t, "Org A", "owner@a.example");
		b = await setUpSurveyOrg(t, "Org B", "owner@b.example");
		nps = await a.liveSurvey({ template: "post_purchase_nps" });
		ids.push(await answer(nps.slug, { nps: 10, reason: "Alles super, schnelle Lieferung" }));
		ids.push(
			await answer(nps.slug, {
				nps: 3,
				reason: '=HYPERLINK("http://evil") Checkout 100% zu langsam',
				improve: ["website"],
			}),
		);
		ids.push(await answer(nps.slug, { nps: 8, reason: "+49 ruft keiner zurück" }, { language: "en" }));
		ids.push(await answer(nps.slug, { nps: 6 }, { hiddenFields: { order_id: "@SUM(1)" } }));
		ids.push(await answer(nps.slug, { nps: 9, reason: "-ok" }));
	});
	afterAll(() => t.close());

	it("lists newest first in keyset pages", async () => {
		const first = await a.call("GET", "/api/v1/responses?limit=2");
		expect(first.status).toBe(200);
		expect(first.json.items.map((r: { id: string }) => r.id)).toEqual([ids[4], ids[3]]);
		const second = await a.call("GET", `/api/v1/responses?limit=2&cursor=${first.json.nextCursor}`);
		expect(second.json.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
		const third = await a.call("GET", `/api/v1/responses?limit=2&cursor=${second.json.nextCursor}`);
		expect(third.json.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
		expect(third.json.nextCursor).toBeNull();
	});

	it("filters by score group, language, text, touchpoint, stage and time", async () => {
		const q = async (query: string) =>
			(await a.call("GET", `/api/v1/responses?${query}`)).json.items.map((r: { id: string }) => r.id);
		expect(await q("scoreGroup=detractor")).toEqual([ids[3], ids[1]]);
		expect(await q("language=en")).toEqual([ids[2]]);
		expect(await q("q=checkout%20100%25")).toEqual([ids[1]]);
		expect(await q("q=%25")).toEqual([ids[1]]);
		expect(await q(`touchpointId=${a.touchpointId}&stageId=${a.stageId}`)).toHaveLength(5);
		expect(await q(`stageId=${b.stageId}`)).toEqual([]);
		const from = new Date(Date.parse("2025-05-01T08:00:00Z") + 2.5 * 60_000).toISOString();
		expect(await q(`from=${encodeURIComponent(from)}`)).toEqual([ids[4], ids[3], ids[2]]);
		const bad = await a.call("GET", "/api/v1/responses?from=2025-06-01T00:00:00Z&to=2025-05-01T00:00:00Z");
		expect(bad.status).toBe(400);
		expect((await a.call("GET", "/api/v1/responses?cursor=garbage")).status).toBe(400);
	});

	it("shows one response with its questions in the respondent's language", async () => {
		const res = await a.call("GET", `/api/v1/responses/${ids[1]}`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ surveyName: "Weiterempfehlung nach dem Kauf", surveyVersion: 1, score: 3 });
		expect(res.json.questions.map((q: { display: string | null }) => q.display)).toEqual([
			"3 / 10",
			'=HYPERLINK("http://evil") Checkout 100% zu langsam',
			"Website & App",
		]);
		const english = await a.call("GET", `/api/v1/responses/${ids[2]}`);
		expect(english.json.questions[0].text).toBe("How likely are you to recommend us to a friend or colleague?");
	});

	it("neutralises formula cells", () => {
		for (const dangerous of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
			expect(safeCell(dangerous)).toBe(`'${dangerous}`);
		expect(safeCell("Gut")).toBe("Gut");
		expect(safeCell("")).toBe("");
	});

	it("exports CSV with formula-safe cells and per-question columns", async () => {
		const res = await t.app.request(`/api/v1/responses/export.csv?surveyId=${nps.id}`, {
			headers: { cookie: a.cookie },
		});
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toMatch(/text\/csv/);
		const text = await res.text();
		const lines = text
			.replace(/^\uFEFF/, "")
			.trim()
			.split("\n");
		expect(lines).toHaveLength(6);
		expect(lines[0]).toMatch(/^response_id,submitted_at,.*,q_nps,q_reason,q_improve$/);
		expect(text).toContain('"\'=HYPERLINK(""http://evil"") Checkout 100% zu langsam"');
		expect(text).toContain("'+49 ruft keiner zurück");
		expect(text).toContain("'-ok");
		expect(text).not.toMatch(/,=|,\+|,-ok|,@/);
	});

	it("exports XLSX with formula-safe text cells", async () => {
		const res = await t.app.request("/api/v1/responses/export.xlsx?scoreGroup=detractor", {
			headers: { cookie: a.cookie },
		});
		expect(res.status).toBe(200);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await res.arrayBuffer());
		const sheet = workbook.getWorksheet("Responses");
		expect(sheet?.rowCount).toBe(3);
		const values = (sheet?.getSheetValues() ?? []).flat().filter((v) => typeof v === "string") as string[];
		expect(values).toContain('\'=HYPERLINK("http://evil") Checkout 100% zu langsam');
		expect(values.some((v) => v.includes("@SUM(1)"))).toBe(true);
		expect(values.filter((v) => /^[=+\-@]/.test(v))).toEqual([]);
		const formulas: unknown[] = [];
		sheet?.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula)));
		expect(formulas).toEqual([]);
	});

	it("keeps employee responses out of the explorer and suppresses groups below five", async () => {
		const pulse = await a.liveSurvey({ template: "employee_pulse" });
		const pulseIds = [];
		for (let i = 0; i < 6; i++) {
			pulseIds.push(
				await answer(
					pulse.slug,
					{ enps: i + 4, comment: "Kantine" },
					{ hiddenFields: { department: i < 5 ? "Lager" : "IT" } },
				),
			);
		}
		const listed = await a.call("GET", `/api/v1/responses?surveyId=${pulse.id}`);
		expect(listed.json.items).toEqual([]);
		expect((await a.call("GET", `/api/v1/responses/${pulseIds[0]}`)).status).toBe(404);
		const csv = await a.call("GET", `/api/v1/responses/export.csv?surveyId=${pulse.id}`);
		expect(csv.text.trim().split("\n")).toHaveLength(1);
		const results = await a.call("GET", `/api/v1/surveys/${pulse.id}/results?groupBy=department`);
		expect(results.status).toBe(200);
		expect(results.json.minGroupSize).toBe(5);
		expect(results.json.total).toMatchObject({ suppressed: false, n: 6 });
		expect(results.json.total.score.nps).toBeCloseTo(((1 - 3) / 6) * 100, 1);
		const groups = Object.fromEntries(results.json.groups.map((g: { key: string }) => [g.key, g]));
		expect(groups.Lager).toMatchObject({ suppressed: false, n: 5 });
		expect(groups.IT).toEqual({ key: "IT", suppressed: true, n: null, score: null });
		const enps = results.json.questions.find((q: { questionId: string }) => q.questionId === "enps");
		expect(enps.counts).toEqual([4, 5, 6, 7, 8, 9].map((v) => ({ value: String(v), count: 1 })));
		const recent = await a.call(
			"GET",
			`/api/v1/surveys/${pulse.id}/results?from=${new Date(clockMs - 150_000).toISOString()}`,
		);
		expect(recent.json.total).toEqual({ key: null, suppressed: true, n: null, score: null });
		expect(recent.json.questions.every((q: { suppressed: boolean }) => q.suppressed)).toBe(true);
		const badGroup = await a.call("GET", `/api/v1/surveys/${pulse.id}/results?groupBy=email`);
		expect(badGroup.status).toBe(400);
	});

	it("gives customer results without suppression, counting choices", async () => {
		const res = await a.call("GET", `/api/v1/surveys/${nps.id}/results`);
		expect(res.json.total.n).toBe(5);
		expect(res.json.total.score).toMatchObject({ type: "nps", n: 5, nps: 0, average: 7.2 });
		const improve = res.json.questions.find((q: { questionId: string }) => q.questionId === "improve");
		expect(improve.counts).toEqual([{ value: "website", count: 1 }]);
	});

	it("refuses other organizations' responses and surveys", async () => {
		expect((await b.call("GET", `/api/v1/responses/${ids[0]}`)).status).toBe(404);
		expect((await b.call("GET", "/api/v1/responses")).json.items).toEqual([]);
		expect((await b.call("GET", `/api/v1/responses/export.csv?surveyId=${nps.id}`)).status).toBe(404);
		expect((await b.call("GET", `/api/v1/surveys/${nps.id}/results`)).status).toBe(404);
	});
});
