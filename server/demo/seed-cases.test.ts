// The demo's cases: one per recent complaint, dense numbers, realistic statuses (resolved ones with a root cause,
// some overdue), agents in the departments with a lead, the default rules, and a history row for every change.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpLoopOrg } from "../modules/cases/loop-test-setup";
import { analyzePendingTexts } from "../modules/text/service/backlog";
import { createTestApp, type TestApp } from "../test/harness";
import { seedDemoCases } from "./seed-cases";

let t: TestApp;
afterAll(async () => {
	await t?.close();
});

const rows = async <T>(query: ReturnType<typeof sql>) => ((await t.db.execute(query)) as unknown as { rows: T[] }).rows;

describe("demo cases", () => {
	let organizationId = "";
	let count = 0;
	beforeAll(async () => {
		t = await createTestApp();
		const org = await setUpLoopOrg(t, "Seed AG");
		organizationId = org.owner.organizationId;
		await t.db.execute(sql`update departments set name = 'Kundenservice' where id = ${org.serviceId}`);
		const complaints = [
			"Ich möchte mich beschweren, eine Katastrophe.",
			"Never again, terrible service.",
			"Enttäuschend.",
		];
		for (let i = 0; i < 24; i++) await org.respond(i % 7, complaints[i % complaints.length]);
		await org.respond(10, "Alles super, danke!");
		while ((await analyzePendingTexts(t.db, organizationId)) > 0);
		const later = new Date(Date.now() + 6 * 86_400_000);
		count = await seedDemoCases(
			{ db: t.db, organizationId, actor: { type: "user", userId: org.owner.userId, role: "owner" } },
			later,
		);
	});

	it("opens one case per complaint with dense numbers in the owning department", async () => {
		const [complaints] = await rows<{ n: number }>(sql`select count(*)::int as n from responses
			where organization_id = ${organizationId} and score <= 6 and 'complaint' = any(intents)`);
		expect(count).toBe(complaints?.n);
		const numbers = await rows<{ number: number; department_id: string | null }>(
			sql`select number, department_id from cases where organization_id = ${organizationId} order by number`,
		);
		expect(numbers.map((n) => n.number)).toEqual(numbers.map((_, i) => i + 1));
		expect(numbers.every((n) => n.department_id !== null)).toBe(true);
	});

	it("gives finished cases a root cause and every case its history", async () => {
		const [broken] = await rows<{
			n: number;
		}>(sql`select count(*)::int as n from cases where organization_id = ${organizationId}
			and status in ('resolved', 'closed') and (root_cause_id is null or resolved_at is null)`);
		expect(broken?.n).toBe(0);
		const [withoutHistory] = await rows<{
			n: number;
		}>(sql`select count(*)::int as n from cases c where organization_id = ${organizationId}
			and not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'created')`);
		expect(withoutHistory?.n).toBe(0);
		const statuses = await rows<{ status: string }>(
			sql`select distinct status from cases where organization_id = ${organizationId}`,
		);
		expect(statuses.length).toBeGreaterThanOrEqual(2);
	});

	it("adds agents with a lead, the default rules, root causes and the business calendar", async () => {
		const [lead] = await rows<{ lead_user_id: string | null }>(
			sql`select lead_user_id from departments where organization_id = ${organizationId} and name = 'Kundenservice'`,
		);
		expect(lead?.lead_user_id).not.toBeNull();
		const [counts] = await rows<{ rules: number; causes: number; sla: number }>(sql`select
			(select count(*)::int from case_rules where organization_id = ${organizationId}) as rules,
			(select count(*)::int from root_causes where organization_id = ${organizationId}) as causes,
			(select count(*)::int from sla_policies where organization_id = ${organizationId}) as sla`);
		expect(counts).toEqual({ rules: 3, causes: 9, sla: 4 });
		// Agents share the owner's password (in the demo: loupe-demo; here the harness owner's).
		const signIn = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: "lea.wagner@nordstern-wohnen.example", password: "correct horse battery" },
		});
		expect(signIn.status).toBe(200);
		expect(signIn.json.role).toBe("agent");
	});
});
