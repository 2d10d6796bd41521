// SLA escalation with a moved clock: each step (notify assignee, notify lead, raise priority) happens exactly
// once, in order and spaced, however often and concurrently the job runs; history rows and emails prove it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { type LoopOrg, setUpLoopOrg } from "./loop-test-setup";
import { ESCALATE_JOB, escalateOverdueCases } from "./service/escalate";

// A Monday 08:00 UTC (09:00 or 10:00 in Berlin) at least a week ahead: sessions stay valid and the real
// every-minute schedule sees nothing due yet.
const T0 = (() => {
	const day = new Date(Date.now() + 7 * 86_400_000);
	day.setUTCHours(8, 0, 0, 0);
	while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
	return day;
})();
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

let t: TestApp;
let org: LoopOrg;
let clock = new Date();

beforeAll(async () => {
	t = await createTestApp({ now: () => clock });
	org = await setUpLoopOrg(t, "Escalation AG");
	const lead = await org.call("PATCH", `/api/v1/departments/${org.serviceId}`, { leadUserId: org.owner.userId });
	expect(lead.status).toBe(200);
	expect(lead.json.leadUserId).toBe(org.owner.userId);
});

afterAll(async () => {
	await t?.close();
});

const rows = async <T>(query: ReturnType<typeof sql>) => ((await t.db.execute(query)) as unknown as { rows: T[] }).rows;

describe("escalation", () => {
	it("takes each step once, spaced, even when runs overlap", async () => {
		clock = T0;
		const opened = await org.call("POST", "/api/v1/cases", {
			subject: "Rückruf fehlt",
			departmentId: org.serviceId,
			priority: "high",
			assigneeId: org.agent.userId,
		});
		expect(opened.status).toBe(201);
		const caseId = opened.json.id as string;
		// high: first response within 240 business minutes, the same working day.
		expect(opened.json.firstResponseDueAt).toBe(minutes(240).toISOString());
		const env = { db: t.db, jobs: t.jobs, publicUrl: "http://loupe.test" };
		const run = (at: Date) => Promise.all([1, 2, 3].map(() => escalateOverdueCases(env, at)));

		expect((await run(minutes(239))).flat()).toEqual([]);
		const first = (await run(minutes(241))).flat();
		expect(first).toEqual([{ caseId, level: 1 }]);
		expect((await run(minutes(241))).flat()).toEqual([]);
		expect((await run(minutes(241 + 30))).flat()).toEqual([]);
		expect((await run(minutes(241 + 61))).flat()).toEqual([{ caseId, level: 2 }]);
		expect((await run(minutes(241 + 61 + 61))).flat()).toEqual([{ caseId, level: 3 }]);
		expect((await run(minutes(241 + 600))).flat()).toEqual([]);

		const [row] = await rows<{ escalation_level: number; priority: string; version: number }>(
			sql`select escalation_level, priority, version from cases where id = ${caseId}`,
		);
		expect(row).toMatchObject({ escalation_level: 3, priority: "urgent", version: 4 });
		const events = await rows<{ kind: string; data: { step?: string } }>(
			sql`select kind, data from case_events where case_id = ${caseId} and kind in ('escalated', 'sla_breached') order by at, kind`,
		);
		expect(events.map((e) => e.data.step ?? e.kind)).toEqual([
			"notify_assignee",
			"sla_breached",
			"notify_lead",
			"raise_priority",
		]);
		const emails = await rows<{ to_address: string; subject: string }>(
			sql`select to_address, subject from outbound_emails where organization_id = ${org.owner.organizationId} and subject like '%#%' order by created_at`,
		);
		expect(emails.map((e) => e.to_address)).toEqual(["agent@escalation-ag.example", "owner@escalation-ag.example"]);
		expect(emails[0]?.subject).toMatch(/overdue|überfällig/);
	});

	it("leaves answered and resolved cases alone and runs as a job with a given now", async () => {
		clock = T0;
		const opened = await org.call("POST", "/api/v1/cases", { subject: "Erledigt", departmentId: org.serviceId });
		await t.db.execute(
			sql`update cases set status = 'waiting', first_responded_at = ${T0} where id = ${opened.json.id as string}`,
		);
		const env = { db: t.db, jobs: t.jobs, publicUrl: "http://loupe.test" };
		const taken = await escalateOverdueCases(env, minutes(60 * 24));
		expect(taken.filter((s) => s.caseId === opened.json.id)).toEqual([]);
		const jobId = await t.jobs.enqueue(t.db, ESCALATE_JOB, { now: minutes(60 * 24 * 30).toISOString() });
		expect(jobId).toBeTruthy();
	});
});
