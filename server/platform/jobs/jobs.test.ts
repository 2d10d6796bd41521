// The job system runs, retries a failing job and completes it — on PGlite and on PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { getHealthCheck, startHealthCheck } from "./health";

describe("jobs", () => {
	let t: TestApp;
	beforeAll(async () => {
		t = await createTestApp({ workers: true });
	});
	afterAll(() => t.close());

	it("runs the health job to completion", async () => {
		const id = await startHealthCheck(t.db, t.jobs);
		const done = await eventually(async () => {
			const check = await getHealthCheck(t.db, id);
			return check?.completedAt ? check : undefined;
		});
		expect(done.attempts).toBe(1);
	});

	it("retries a failing job and then completes it", async () => {
		const id = await startHealthCheck(t.db, t.jobs, 2);
		const done = await eventually(async () => {
			const check = await getHealthCheck(t.db, id);
			return check?.completedAt ? check : undefined;
		}, 30_000);
		expect(done.attempts).toBe(3);
	});

	it("does not send a job whose transaction rolled back", async () => {
		const before = await t.database.executeSql(
			"select count(*)::int as n from pgboss.job where name = 'system.health-check'",
		);
		await expect(
			t.db.transaction(async (tx) => {
				await t.jobs.enqueue(tx, "system.health-check", { checkId: "00000000-0000-0000-0000-000000000000" });
				throw new Error("roll back");
			}),
		).rejects.toThrow("roll back");
		const after = await t.database.executeSql(
			"select count(*)::int as n from pgboss.job where name = 'system.health-check'",
		);
		expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
	});
});
