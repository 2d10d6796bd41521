// Reply state of feedback: unanswered → acknowledged (bulk, or a case opened) → answered (reply or public note),
// never back from answered; the unanswered inbox per department with keyset pages; public notes for mentions only;
// and the templates' admin rules.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { type LoopOrg, loopRowCounts, setUpLoopOrg } from "./loop-test-setup";
import { insertCases } from "./service/create";
import { markFeedbackState } from "./service/reply-state";

const stateOf = async (t: TestApp, table: "responses" | "mentions", id: string) => {
	const result = (await t.db.execute(
		sql`select reply_state from ${sql.identifier(table)} where id = ${id}`,
	)) as unknown as { rows: { reply_state: string }[] };
	return result.rows[0]?.reply_state;
};

describe("feedback reply state", () => {
	let t: TestApp;
	let org: LoopOrg;
	let mentionId = "";

	beforeAll(async () => {
		t = await createTestApp();
		org = await setUpLoopOrg(t, "Zustand");
		await org.call("POST", "/api/v1/mentions/import", {
			touchpointId: org.touchpointId,
			csv: "source,source_id,text,published_at,url\nTrustpilot,r-1,Paket kaputt angekommen,2026-11-01,https://trustpilot.example/r-1",
		});
		mentionId = (await org.call("GET", "/api/v1/mentions")).json.items[0].id;
	});
	afterAll(() => t.close());

	it("lists unanswered feedback newest first per department, pages, and acknowledges in bulk", async () => {
		const first = await org.respond(3, "Zu teuer");
		const second = await org.respond(9, "Super");
		await org.respond(10);
		const page1 = await t.call("GET", "/api/v1/cases/unanswered?limit=2", { cookie: org.agent.cookie });
		expect(page1.status).toBe(200);
		expect(page1.json.items.map((i: { id: string }) => i.id)).toEqual([second.responseId, first.responseId]);
		expect(page1.json.items.map((i: { caseId: string | null }) => i.caseId)).toEqual([null, null]);
		expect(page1.json.countsByDepartment).toEqual([
			{ departmentId: org.serviceId, departmentName: "Service", count: 3 },
		]);
		const page2 = await t.call("GET", `/api/v1/cases/unanswered?limit=2&cursor=${page1.json.nextCursor}`, {
			cookie: org.agent.cookie,
		});
		expect(page2.json.items.map((i: { id: string }) => i.id)).toEqual([mentionId]);
		expect(page2.json.nextCursor).toBeNull();
		const logistics = await t.call("GET", `/api/v1/cases/unanswered?departmentId=${org.logisticsId}`, {
			cookie: org.agent.cookie,
		});
		expect(logistics.json.items).toEqual([]);

		// The agent of another department cannot acknowledge Service's feedback.
		const foreign = await t.call("POST", "/api/v1/feedback/reply-state", {
			cookie: org.otherAgent.cookie,
			body: { items: [{ source: "response", id: first.responseId }] },
		});
		expect(foreign.json.updated).toBe(0);
		const acknowledged = await t.call("POST", "/api/v1/feedback/reply-state", {
			cookie: org.agent.cookie,
			body: {
				items: [
					{ source: "response", id: first.responseId },
					{ source: "mention", id: mentionId },
				],
			},
		});
		expect(acknowledged.json.updated).toBe(2);
		expect(await stateOf(t, "responses", first.responseId)).toBe("acknowledged");
		expect(await stateOf(t, "mentions", mentionId)).toBe("acknowledged");
		const remaining = await t.call("GET", "/api/v1/cases/unanswered", { cookie: org.agent.cookie });
		expect(remaining.json.items.map((i: { id: string }) => i.id)).toEqual([second.responseId]);

		// Undo, then answered wins and stays.
		await t.call("POST", "/api/v1/feedback/reply-state", {
			cookie: org.agent.cookie,
			body: { items: [{ source: "response", id: first.responseId }], state: "unanswered" },
		});
		expect(await stateOf(t, "responses", first.responseId)).toBe("unanswered");
		await markFeedbackState(t.db, org.owner.organizationId, { responseId: first.responseId }, "answered");
		await markFeedbackState(t.db, org.owner.organizationId, { responseId: first.responseId }, "acknowledged");
		expect(await stateOf(t, "responses", first.responseId)).toBe("answered");
		const undo = await t.call("POST", "/api/v1/feedback/reply-state", {
			cookie: org.owner.cookie,
			body: { items: [{ source: "response", id: first.responseId }], state: "unanswered" },
		});
		expect(undo.json.updated).toBe(0);
		expect(await stateOf(t, "responses", first.responseId)).toBe("answered");
	});

	it("acknowledges the feedback of a new case by default (answered stays answered), not when switched off", async () => {
		const open = async (responses: { responseId: string; submittedAt: Date }[]) =>
			t.db.transaction(async (tx) => {
				await insertCases(
					tx,
					org.owner.organizationId,
					responses.map((r) => ({
						source: "response" as const,
						responseId: r.responseId,
						responseSubmittedAt: r.submittedAt,
						subject: "Neu",
						departmentId: org.serviceId,
					})),
					{ actor: "system", at: new Date() },
				);
			});
		const fresh = await org.respond(2, "Kaputt");
		const done = await org.respond(1, "Schlimm");
		await markFeedbackState(t.db, org.owner.organizationId, { responseId: done.responseId }, "answered");
		await open([fresh, done]);
		expect(await stateOf(t, "responses", fresh.responseId)).toBe("acknowledged");
		expect(await stateOf(t, "responses", done.responseId)).toBe("answered");
		const settings = await t.call("GET", "/api/v1/cases/settings", { cookie: org.owner.cookie });
		const saved = await org.call("PATCH", "/api/v1/cases/settings", { autoAcknowledge: false });
		expect([settings.status, saved.status]).toEqual([200, 200]);
		const later = await org.respond(3, "Nachher");
		await open([later]);
		expect(await stateOf(t, "responses", later.responseId)).toBe("unanswered");
		// Still unanswered, but it has its case: the inbox links to that case instead of offering to open one.
		const caseOf = (await t.db.execute(
			sql`select id from cases where organization_id = ${org.owner.organizationId} and response_id = ${later.responseId}`,
		)) as unknown as { rows: { id: string }[] };
		const listed = await t.call("GET", "/api/v1/cases/unanswered", { cookie: org.agent.cookie });
		const byId = new Map(listed.json.items.map((i: { id: string; caseId: string | null }) => [i.id, i.caseId]));
		expect(caseOf.rows[0]?.id).toBeDefined();
		expect(byId.get(later.responseId)).toBe(caseOf.rows[0]?.id);
		expect([...byId.entries()].filter(([id]) => id !== later.responseId).every(([, caseId]) => caseId === null)).toBe(
			true,
		);
	});

	it("stores a public note for a mention (answered) and refuses one for a survey response", async () => {
		const mentionCase = await org.openCase({ source: "mention", mentionId, customerEmail: null, status: "new" });
		const note = await t.call("POST", `/api/v1/cases/${mentionCase.id}/public-note`, {
			cookie: org.agent.cookie,
			body: { body: "Das tut uns leid – bitte melden Sie sich bei service@example.com." },
		});
		expect(note.status).toBe(201);
		expect(note.json).toMatchObject({ kind: "public", postUrl: "https://trustpilot.example/r-1", delivery: null });
		expect(await stateOf(t, "mentions", mentionId)).toBe("answered");
		const caseRow = (await t.db.execute(
			sql`select status, first_responded_at from cases where id = ${mentionCase.id}`,
		)) as unknown as { rows: { status: string; first_responded_at: unknown }[] };
		expect(caseRow.rows[0]?.status).toBe("open");
		expect(caseRow.rows[0]?.first_responded_at).not.toBeNull();

		const { responseId, submittedAt } = await org.respond(1, "Schlecht");
		const responseCase = await org.openCase({
			source: "response",
			responseId,
			responseSubmittedAt: submittedAt,
			customerEmail: null,
		});
		const before = await loopRowCounts(t, org.owner.organizationId);
		const refused = await t.call("POST", `/api/v1/cases/${responseCase.id}/public-note`, {
			cookie: org.agent.cookie,
			body: { body: "Danke" },
		});
		expect(refused.status).toBe(400);
		expect(refused.json.error.message).toMatch(/no public place/);
		const empty = await t.call("POST", `/api/v1/cases/${mentionCase.id}/public-note`, {
			cookie: org.agent.cookie,
			body: { body: "  " },
		});
		expect(empty.status).toBe(400);
		const badState = await t.call("POST", "/api/v1/feedback/reply-state", {
			cookie: org.agent.cookie,
			body: { items: [{ source: "response", id: responseId }], state: "answered" },
		});
		expect(badState.status).toBe(400);
		expect(await loopRowCounts(t, org.owner.organizationId)).toEqual(before);
	});

	it("keeps templates for admins: defaults on first use, viewers/agents cannot change them", async () => {
		const list = (await t.call("GET", "/api/v1/cases/reply-templates", { cookie: org.agent.cookie })).json;
		expect(list.items.map((x: { language: string }) => x.language).sort()).toEqual(["de", "en"]);
		expect(list.variables).toContain("customer.name");
		const byAgent = await t.call("POST", "/api/v1/cases/reply-templates", {
			cookie: org.agent.cookie,
			body: { name: "X", language: "en", subject: "S", body: "B" },
		});
		expect(byAgent.status).toBe(403);
		const created = await org.call("POST", "/api/v1/cases/reply-templates", {
			name: "Gutschein",
			language: "de",
			subject: "Ein Gutschein für Sie, {{customer.name | liebe Kundin}}",
			body: "Fall {{case.number}}",
		});
		expect(created.status).toBe(201);
		const duplicate = await org.call("POST", "/api/v1/cases/reply-templates", {
			name: "gutschein",
			language: "de",
			subject: "S",
			body: "B",
		});
		expect(duplicate.status).toBe(409);
		const patched = await org.call("PATCH", `/api/v1/cases/reply-templates/${created.json.id}`, { body: "{{ nope }}" });
		expect(patched.status).toBe(400);
		expect((await org.call("DELETE", `/api/v1/cases/reply-templates/${created.json.id}`)).status).toBe(204);
		expect((await org.call("DELETE", `/api/v1/cases/reply-templates/${created.json.id}`)).status).toBe(404);
	});
});
