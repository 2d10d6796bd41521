// The demo's customer conversation is written in bulk over whatever cases exist, once, with the reply state of
// the feedback behind them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpLoopOrg } from "../modules/cases/loop-test-setup";
import { createTestApp, type TestApp } from "../test/harness";
import { seedDemoCaseLoop } from "./seed-cases-loop";

describe("demo case conversation", () => {
	let t: TestApp;
	beforeAll(async () => {
		t = await createTestApp();
	});
	afterAll(() => t.close());

	it("adds replies, answers, follow-ups and reply states", async () => {
		const org = await setUpLoopOrg(t, "Demo Loop");
		const now = new Date();
		const hour = 3_600_000;
		const answered = await org.respond(2, "Kaputt");
		const open = await org.respond(3, "Zu spät");
		await org.openCase({
			status: "resolved",
			source: "response",
			responseId: answered.responseId,
			responseSubmittedAt: answered.submittedAt,
			firstRespondedAt: new Date(now.getTime() - 20 * hour),
			resolvedAt: new Date(now.getTime() - 10 * hour),
		});
		await org.openCase({
			status: "new",
			source: "response",
			responseId: open.responseId,
			responseSubmittedAt: open.submittedAt,
		});
		await org.openCase({ status: "waiting", firstRespondedAt: new Date(now.getTime() - hour) });
		const replies = await seedDemoCaseLoop({ db: t.db, organizationId: org.owner.organizationId }, now);
		expect(replies).toBe(2);
		const counts = (await t.db.execute(sql`select
			(select count(*)::int from case_messages where organization_id = ${org.owner.organizationId} and kind = 'outbound') as outbound,
			(select count(*)::int from outbound_emails e join case_messages m on m.email_id = e.id
				where e.organization_id = ${org.owner.organizationId}) as emails,
			(select count(*)::int from case_follow_ups where organization_id = ${org.owner.organizationId}) as follow_ups,
			(select string_agg(reply_state, ',' order by reply_state) from responses where organization_id = ${org.owner.organizationId}) as states`)) as unknown as {
			rows: { outbound: number; emails: number; follow_ups: number; states: string }[];
		};
		expect(counts.rows[0]).toEqual({ outbound: 2, emails: 2, follow_ups: 1, states: "acknowledged,answered" });
		const range = `from=${new Date(now.getTime() - 30 * 24 * hour).toISOString()}&to=${new Date(now.getTime() + hour).toISOString()}`;
		const metrics = await t.call("GET", `/api/v1/cases/metrics?${range}`, { cookie: org.owner.cookie });
		expect(metrics.json.closedLoop).toMatchObject({ n: 2, successes: 1 });
	});
});
