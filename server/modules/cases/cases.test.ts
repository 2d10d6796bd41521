// Cases from rules (through the public API, workers on), idempotent evaluation, the lifecycle with its refusals
// (transitions, root cause, departments, If-Match), bulk changes, notes, the inbox filters and settings.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { type LoopOrg, setUpLoopOrg } from "./loop-test-setup";
import { evaluateFeedback } from "./service/evaluate";

let t: TestApp;
let org: LoopOrg;
let other: LoopOrg;

const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
	((await t.db.execute(query)) as unknown as { rows: T[] }).rows;

async function caseOfResponse(responseId: string) {
	const [row] = await rowsOf<Record<string, unknown>>(sql`select * from cases where response_id = ${responseId}`);
	return row;
}

/** The case's row and its history length: a refused request must leave both as they were. */
async function snapshot(caseId: string) {
	const [row] = await rowsOf<Record<string, unknown>>(sql`select * from cases where id = ${caseId}`);
	const [events] = await rowsOf<{ n: number }>(
		sql`select count(*)::int as n from case_events where case_id = ${caseId}`,
	);
	return JSON.stringify({ row, events: events?.n });
}

beforeAll(async () => {
	t = await createTestApp({ workers: true });
	org = await setUpLoopOrg(t, "Rules AG");
	other = await setUpLoopOrg(t, "Other GmbH");
	const rule = await org.call("POST", "/api/v1/cases/rules", {
		name: "Detractor complaint",
		conditions: { scoreType: "nps", maxScore: 6, intents: ["complaint"] },
		priority: "high",
	});
	expect(rule.status).toBe(201);
	const silent = await org.call("POST", "/api/v1/cases/rules", {
		name: "Silent zero",
		conditions: { scoreType: "nps", maxScore: 1 },
		priority: "urgent",
		autoAssign: true,
	});
	expect(silent.status).toBe(201);
});

afterAll(async () => {
	await t?.close();
});

describe("rules open cases", () => {
	it("refuses an invalid rule and writes nothing", async () => {
		const before = await rowsOf<{ n: number }>(sql`select count(*)::int as n from case_rules`);
		for (const body of [
			{ name: "x", conditions: {} },
			{ name: "x", conditions: { maxScore: 6 } },
			{ name: "x", conditions: { scoreType: "nps", maxScore: 6 }, departmentId: other.serviceId },
			{ name: "x", conditions: { touchpointIds: [other.touchpointId] } },
			{ name: "x", conditions: { keywords: ["a"] }, surprise: true },
		]) {
			const refused = await org.call("POST", "/api/v1/cases/rules", body);
			expect([400, 404]).toContain(refused.status);
		}
		expect(await rowsOf(sql`select count(*)::int as n from case_rules`)).toEqual(before);
		const agentTry = await t.call("POST", "/api/v1/cases/rules", {
			cookie: org.agent.cookie,
			body: { name: "agent rule", conditions: { scoreType: "nps", maxScore: 6 } },
		});
		expect(agentTry.status).toBe(403);
	});

	it("a detractor's complaint through the public API becomes a case of the touchpoint's department", async () => {
		const { responseId } = await org.respond(2, "Ich möchte mich beschweren, die Lieferung war eine Katastrophe.");
		const row = await eventually(() => caseOfResponse(responseId));
		expect(row).toMatchObject({
			department_id: org.serviceId,
			priority: "high",
			status: "new",
			source: "response",
			touchpoint_id: org.touchpointId,
			number: 1,
		});
		expect(String(row.subject)).toContain("beschweren");
		expect(row.first_response_due_at).not.toBeNull();
		expect(row.resolution_due_at).not.toBeNull();
		const events = await rowsOf<{ kind: string }>(sql`select kind from case_events where case_id = ${row.id}`);
		expect(events.map((e) => e.kind)).toEqual(["created"]);
	});

	it("a score without a comment is evaluated at ingestion, auto-assigned round robin", async () => {
		const { responseId } = await org.respond(0);
		const row = await eventually(() => caseOfResponse(responseId));
		expect(row).toMatchObject({ priority: "urgent", department_id: org.serviceId, assignee_id: org.agent.userId });
	});

	it("opens at most one case per response however often the job runs", async () => {
		const { responseId } = await org.respond(1);
		const env = { db: t.db };
		const runs = await Promise.all([
			evaluateFeedback(env, { kind: "response", ids: [responseId] }, new Date()),
			evaluateFeedback(env, { kind: "response", ids: [responseId, responseId] }, new Date()),
		]);
		await evaluateFeedback(env, { kind: "response", ids: [responseId] }, new Date());
		const created = await eventually(() => caseOfResponse(responseId));
		expect(runs.flat().length).toBeLessThanOrEqual(1);
		const all = await rowsOf(sql`select id from cases where response_id = ${responseId}`);
		expect(all).toHaveLength(1);
		const numbers = await rowsOf<{ number: number }>(
			sql`select number from cases where organization_id = ${org.owner.organizationId} order by number`,
		);
		expect(numbers.map((n) => n.number)).toEqual(numbers.map((_, i) => i + 1));
		expect(created.id).toBeDefined();
	});

	it("an imported negative mention is analysed by the backlog and opens a case", async () => {
		const rule = await org.call("POST", "/api/v1/cases/rules", {
			name: "Negative mentions",
			conditions: { sources: ["mention"], sentiments: ["negative"] },
		});
		expect(rule.status).toBe(201);
		const today = new Date().toISOString().slice(0, 10);
		const imported = await org.call("POST", "/api/v1/mentions/import", {
			touchpointId: org.touchpointId,
			csv: `source,source_id,text,published_at\nTrustpilot,m-1,"Katastrophe! Ware kaputt, Service unverschämt.",${today}`,
		});
		expect(imported.status).toBeLessThan(300);
		const row = await eventually(async () => {
			const [found] = await rowsOf<Record<string, unknown>>(
				sql`select * from cases where organization_id = ${org.owner.organizationId} and source = 'mention'`,
			);
			return found;
		});
		expect(row).toMatchObject({ department_id: org.serviceId, priority: "normal" });
	});

	it("leaves promoters alone", async () => {
		const { responseId } = await org.respond(10, "Alles super, vielen Dank!");
		const opened = await evaluateFeedback({ db: t.db }, { kind: "response", ids: [responseId] }, new Date());
		expect(opened).toEqual([]);
	});
});

describe("case lifecycle", () => {
	let caseId = "";
	let rootCauseId = "";

	beforeAll(async () => {
		const opened = await org.call("POST", "/api/v1/cases", {
			subject: "Paket beschädigt",
			departmentId: org.serviceId,
		});
		expect(opened.status).toBe(201);
		caseId = opened.json.id;
		const cause = await org.call("POST", "/api/v1/cases/root-causes", {
			label: { de: "Transportschaden", en: "Damaged in transit" },
		});
		expect(cause.status).toBe(201);
		rootCauseId = cause.json.id;
	});

	it("serves the case with its ETag and history", async () => {
		const got = await org.call("GET", `/api/v1/cases/${caseId}`);
		expect(got.status).toBe(200);
		expect(got.headers.get("etag")).toBe('W/"1"');
		expect(got.json.events.map((e: { kind: string }) => e.kind)).toEqual(["created"]);
		expect(got.json.customer).toMatchObject({ responses: [], cases: [], sessionPath: null });
	});

	it("refuses invalid transitions, resolving without a root cause, and stale or missing If-Match", async () => {
		const before = await snapshot(caseId);
		const patch = (body: unknown, ifMatch?: string) =>
			t.call("PATCH", `/api/v1/cases/${caseId}`, {
				cookie: org.owner.cookie,
				body,
				headers: ifMatch ? { "if-match": ifMatch } : {},
			});
		const noIfMatch = await patch({ status: "open" });
		expect(noIfMatch.status).toBe(400);
		const closed = await patch({ status: "closed" }, 'W/"1"');
		expect(closed.status).toBe(400);
		expect(closed.json.error.message).toMatch(/cannot become closed/);
		const unresolved = await patch({ status: "resolved" }, 'W/"1"');
		expect(unresolved.status).toBe(400);
		expect(unresolved.json.error.message).toMatch(/root cause/);
		const stale = await patch({ priority: "urgent" }, 'W/"7"');
		expect(stale.status).toBe(409);
		const foreignCause = await patch({ status: "resolved", rootCauseId: randomUUID() }, 'W/"1"');
		expect(foreignCause.status).toBe(400);
		expect(await snapshot(caseId)).toBe(before);
	});

	it("walks new → open → resolved → open (reopen) with one history row per change", async () => {
		const patch = (body: unknown, version: number) =>
			t.call("PATCH", `/api/v1/cases/${caseId}`, {
				cookie: org.owner.cookie,
				body,
				headers: { "if-match": `W/"${version}"` },
			});
		const opened = await patch({ status: "open", tags: ["transport"] }, 1);
		expect(opened.status).toBe(200);
		expect(opened.headers.get("etag")).toBe('W/"2"');
		const resolved = await patch({ status: "resolved", rootCauseId, resolutionNote: "Ersatz verschickt" }, 2);
		expect(resolved.status).toBe(200);
		expect(resolved.json).toMatchObject({ status: "resolved", rootCauseId, version: 3 });
		expect(resolved.json.resolvedAt).not.toBeNull();
		const reopened = await patch({ status: "open", addAgentMinutes: 15 }, 3);
		expect(reopened.json).toMatchObject({ status: "open", reopenCount: 1, resolvedAt: null, agentMinutes: 15 });
		const kinds = await rowsOf<{ kind: string }>(
			sql`select kind from case_events where case_id = ${caseId} order by at, kind`,
		);
		expect(kinds.map((k) => k.kind).sort()).toEqual(
			["created", "status", "tags", "status", "root_cause", "resolution_note", "status", "agent_time"].sort(),
		);
	});

	it("keeps agents to their departments and assignees to the case's department", async () => {
		const before = await snapshot(caseId);
		const version = JSON.parse(before).row.version as number;
		const asAgent = (cookie: string, body: unknown) =>
			t.call("PATCH", `/api/v1/cases/${caseId}`, { cookie, body, headers: { "if-match": `W/"${version}"` } });
		const outsider = await asAgent(org.otherAgent.cookie, { status: "waiting" });
		expect(outsider.status).toBe(403);
		const crossAssign = await asAgent(org.agent.cookie, { assigneeId: org.otherAgent.userId });
		expect(crossAssign.status).toBe(400);
		expect(crossAssign.json.error.message).toMatch(/department/);
		const note = await t.call("POST", `/api/v1/cases/${caseId}/notes`, {
			cookie: org.otherAgent.cookie,
			body: { body: "not mine" },
		});
		expect(note.status).toBe(403);
		expect(await snapshot(caseId)).toBe(before);
		const mine = await asAgent(org.agent.cookie, { assigneeId: org.agent.userId });
		expect(mine.status).toBe(200);
		const list = await t.call("GET", "/api/v1/cases?assignee=me&status=open", { cookie: org.agent.cookie });
		expect(list.json.items.map((c: { id: string }) => c.id)).toContain(caseId);
	});

	it("adds internal notes without changing the version", async () => {
		const before = (await org.call("GET", `/api/v1/cases/${caseId}`)).json;
		const note = await t.call("POST", `/api/v1/cases/${caseId}/notes`, {
			cookie: org.agent.cookie,
			body: { body: "Kunde angerufen" },
		});
		expect(note.status).toBe(201);
		const after = (await org.call("GET", `/api/v1/cases/${caseId}`)).json;
		expect(after.version).toBe(before.version);
		expect(after.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
			["note", "Kunde angerufen"],
		]);
		expect(after.events.at(-1)).toMatchObject({ kind: "note", actor: org.agent.userId });
	});

	it("applies bulk changes case by case and refuses another organization's ids", async () => {
		const fresh = (await org.call("POST", "/api/v1/cases", { subject: "Bulk", departmentId: org.serviceId })).json;
		const bulk = await org.call("POST", "/api/v1/cases/bulk", {
			ids: [caseId, fresh.id],
			change: { kind: "status", status: "waiting" },
		});
		expect(bulk.status).toBe(200);
		expect(bulk.json.succeeded).toBe(2);
		const closing = await org.call("POST", "/api/v1/cases/bulk", {
			ids: [caseId, fresh.id],
			change: { kind: "status", status: "closed" },
		});
		expect(closing.json.results.map((r: { ok: boolean }) => r.ok)).toEqual([false, false]);
		const foreign = await other.call("POST", "/api/v1/cases/bulk", {
			ids: [caseId],
			change: { kind: "priority", priority: "low" },
		});
		expect(foreign.status).toBe(404);
		const tags = await org.call("POST", "/api/v1/cases/bulk", {
			ids: [fresh.id],
			change: { kind: "tags", add: ["vip"], remove: [] },
		});
		expect(tags.json.results[0].case.tags).toEqual(["vip"]);
	});

	it("filters the inbox and counts per status", async () => {
		const list = await org.call("GET", "/api/v1/cases?limit=2");
		expect(list.status).toBe(200);
		expect(list.json.items).toHaveLength(2);
		const total = Object.values(list.json.counts as Record<string, number>).reduce((a, b) => a + b, 0);
		const [count] = await rowsOf<{ n: number }>(
			sql`select count(*)::int as n from cases where organization_id = ${org.owner.organizationId}`,
		);
		expect(total).toBe(count?.n);
		const next = await org.call("GET", `/api/v1/cases?limit=200&cursor=${list.json.nextCursor}`);
		expect(next.json.items.length).toBe(total - 2);
		const searched = await org.call("GET", "/api/v1/cases?q=Bulk");
		expect(searched.json.items.map((c: { subject: string }) => c.subject)).toEqual(["Bulk"]);
		const bad = await org.call("GET", "/api/v1/cases?status=done");
		expect(bad.status).toBe(400);
		const viewer = await other.call("GET", "/api/v1/cases");
		expect(viewer.json.items).toEqual([]);
	});
});

describe("case settings", () => {
	it("refuses overlapping opening hours and saves a valid calendar and SLA", async () => {
		const bad = await org.call("PATCH", "/api/v1/cases/settings", {
			businessHours: {
				"1": [
					["08:00", "12:00"],
					["11:00", "18:00"],
				],
			},
		});
		expect(bad.status).toBe(400);
		const saved = await org.call("PATCH", "/api/v1/cases/settings", {
			businessHours: { "1": [["09:00", "17:00"]], "2": [["09:00", "17:00"]] },
			holidays: ["2026-12-24"],
			slaPolicies: [{ priority: "urgent", firstResponseMinutes: 30, resolutionMinutes: 240 }],
		});
		expect(saved.status).toBe(200);
		expect(saved.json.slaPolicies.find((p: { priority: string }) => p.priority === "urgent")).toMatchObject({
			firstResponseMinutes: 30,
		});
		expect(saved.json.timezone).toBe("Europe/Berlin");
		const agentTry = await t.call("PATCH", "/api/v1/cases/settings", {
			cookie: org.agent.cookie,
			body: { currency: "USD" },
		});
		expect(agentTry.status).toBe(403);
	});
});
