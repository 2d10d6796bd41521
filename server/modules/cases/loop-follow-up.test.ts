// The follow-up after a resolution: one email per resolution over real SMTP with one-click answer links; "no"
// reopens the case, a rating can follow, a forged link is refused; the resolving transaction enqueues the job.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../platform/logging";
import { caseEvents, caseFollowUps, cases } from "../../platform/schema";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { startSmtpServer, textOf } from "../../test/smtp";
import { type LoopOrg, setUpLoopOrg } from "./loop-test-setup";
import { enqueueFollowUp, FOLLOW_UP_JOB, type FollowUpJobEnv, sendFollowUp } from "./service/follow-up";

describe("follow-up survey after resolution", () => {
	let t: TestApp;
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	let org: LoopOrg;
	let env: FollowUpJobEnv;

	beforeAll(async () => {
		smtp = await startSmtpServer();
		t = await createTestApp({ workers: true, smtpUrl: smtp.url });
		org = await setUpLoopOrg(t, "Nachfrage");
		env = { db: t.db, jobs: t.jobs, live: t.live, log: createLogger("silent"), config: t.config };
	});
	afterAll(async () => {
		await t.close();
		await smtp.close();
	});

	async function resolvedCase(email: string, language: "de" | "en" = "de") {
		const resolvedAt = new Date(Date.now() - 60_000);
		const row = await org.openCase({ status: "resolved", resolvedAt, customerEmail: email, language });
		await sendFollowUp(env, {
			organizationId: row.organizationId,
			caseId: row.id,
			resolvedAt: resolvedAt.toISOString(),
		});
		const mail = await eventually(async () => smtp.received.find((m) => m.to.includes(email)));
		const link = /(http:\/\/loupe\.test\/api\/v1\/public\/cases\/follow-up\/[^\s?]+)\?solved=no/.exec(
			textOf(mail),
		)?.[1];
		if (!link) throw new Error(`no answer link in ${textOf(mail)}`);
		return { row, resolvedAt, path: link.replace("http://loupe.test", "") };
	}

	it("asks once per resolution; 'no' reopens the case and a rating can follow", async () => {
		const { row, resolvedAt, path } = await resolvedCase("nein@example.com");
		const mail = smtp.received.find((m) => m.to.includes("nein@example.com"));
		expect(mail?.raw).toMatch(/Wurde Ihr Anliegen gel/);
		await sendFollowUp(env, {
			organizationId: row.organizationId,
			caseId: row.id,
			resolvedAt: resolvedAt.toISOString(),
		});
		expect(await t.db.select().from(caseFollowUps).where(eq(caseFollowUps.caseId, row.id))).toHaveLength(1);

		const question = await t.call("GET", path);
		expect(question.status).toBe(200);
		expect(question.text).toContain("Ja, gelöst");
		const answered = await t.call("GET", `${path}?solved=no`);
		expect(answered.status).toBe(200);
		expect(answered.text).toContain("wieder geöffnet");
		const [reopened] = await t.db.select().from(cases).where(eq(cases.id, row.id));
		expect(reopened).toMatchObject({ status: "open", reopenCount: 1, resolvedAt: null });
		// A second click on "no" does not reopen twice.
		await t.call("GET", `${path}?solved=no`);
		expect((await t.db.select().from(cases).where(eq(cases.id, row.id)))[0]?.reopenCount).toBe(1);

		const rated = await t.call("POST", path, {
			body: "satisfaction=2",
			headers: { "content-type": "application/x-www-form-urlencoded" },
		});
		expect(rated.text).toContain("2 von 5");
		const [followUp] = await t.db.select().from(caseFollowUps).where(eq(caseFollowUps.caseId, row.id));
		expect(followUp).toMatchObject({ status: "answered", isSolved: false, satisfaction: 2 });
		const kinds = (await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id))).map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(["follow_up", "follow_up_answered", "status"]));

		const list = await t.call("GET", `/api/v1/cases/${row.id}/follow-ups`, { cookie: org.agent.cookie });
		expect(list.json.items[0]).toMatchObject({ isSolved: false, satisfaction: 2, status: "answered" });
	});

	it("'yes' keeps the case resolved; forged links and bad answers change nothing", async () => {
		const { row, path } = await resolvedCase("ja@example.com", "en");
		const yes = await t.call("GET", `${path}?solved=yes`);
		expect(yes.text).toContain("glad your issue is solved");
		expect((await t.db.select().from(cases).where(eq(cases.id, row.id)))[0]?.status).toBe("resolved");
		const forged = `${path.slice(0, -3)}abc`;
		expect((await t.call("GET", `${forged}?solved=no`)).status).toBe(404);
		expect((await t.call("GET", `${path}?satisfaction=9`)).status).toBe(400);
		expect((await t.call("GET", "/api/v1/public/cases/follow-up/nonsense?solved=no")).status).toBe(404);
		const [followUp] = await t.db.select().from(caseFollowUps).where(eq(caseFollowUps.caseId, row.id));
		expect(followUp).toMatchObject({ isSolved: true, satisfaction: null });
		expect((await t.db.select().from(cases).where(eq(cases.id, row.id)))[0]?.status).toBe("resolved");
	});

	it("sends nothing when the case was reopened before the job ran, and enqueues in the caller's transaction", async () => {
		const resolvedAt = new Date();
		const row = await org.openCase({ status: "open", resolvedAt: null, customerEmail: "spaet@example.com" });
		await sendFollowUp(env, {
			organizationId: row.organizationId,
			caseId: row.id,
			resolvedAt: resolvedAt.toISOString(),
		});
		expect(await t.db.select().from(caseFollowUps).where(eq(caseFollowUps.caseId, row.id))).toHaveLength(0);

		const count = async () =>
			Number(
				(
					(await t.db.execute(sql`select count(*)::int as n from pgboss.job where name = ${FOLLOW_UP_JOB}
					and data->>'caseId' = ${row.id}`)) as unknown as { rows: { n: number }[] }
				).rows[0]?.n,
			);
		await t.db
			.transaction(async (tx) => {
				await enqueueFollowUp(
					tx,
					t.jobs,
					{ organizationId: row.organizationId, id: row.id, resolvedAt, customerEmail: "x@y.z" },
					new Date(),
				);
				throw new Error("rolled back");
			})
			.catch(() => undefined);
		expect(await count()).toBe(0);
		await enqueueFollowUp(
			t.db,
			t.jobs,
			{ organizationId: row.organizationId, id: row.id, resolvedAt, customerEmail: "x@y.z" },
			new Date(),
		);
		await enqueueFollowUp(
			t.db,
			t.jobs,
			{ organizationId: row.organizationId, id: row.id, resolvedAt, customerEmail: null },
			new Date(),
		);
		expect(await count()).toBe(1);

		// Resolving through the API enqueues it in the same transaction.
		const toResolve = await org.openCase({ status: "open", customerEmail: "resolved@example.com" });
		const rootCause = await org.call("POST", "/api/v1/cases/root-causes", { label: { de: "Versand", en: "Shipping" } });
		const resolved = await t.call("PATCH", `/api/v1/cases/${toResolve.id}`, {
			cookie: org.agent.cookie,
			headers: { "if-match": `W/"${toResolve.version}"` },
			body: { status: "resolved", rootCauseId: rootCause.json.id },
		});
		expect(resolved.status).toBe(200);
		const queued = (await t.db.execute(sql`select data, start_after from pgboss.job where name = ${FOLLOW_UP_JOB}
			and data->>'caseId' = ${toResolve.id}`)) as unknown as { rows: { data: { resolvedAt: string } }[] };
		expect(queued.rows).toHaveLength(1);
		expect(queued.rows[0]?.data.resolvedAt).toBe(resolved.json.resolvedAt);
	});
});
