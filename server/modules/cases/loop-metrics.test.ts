// Case metrics against an independent count: generated cases (seeded) with known timestamps, SLA targets, reopens,
// root causes, agent time and follow-ups, plus negative feedback and detractors who came back as promoters; the
// endpoint's figures must equal what this test computes from the same rows by itself.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessMinutesBetween } from "../../../lib/cases/business-hours";
import { caseFollowUps, rootCauses } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { type LoopOrg, setUpLoopOrg } from "./loop-test-setup";
import { markFeedbackState } from "./service/reply-state";
import { calendarOf } from "./service/settings";

/** Mulberry32: a small seeded PRNG, so the generated cases are the same on every run. */
function prng(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let x = Math.imul(a ^ (a >>> 15), 1 | a);
		x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
		return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** Linear interpolation between closest ranks (the definition of PostgreSQL's percentile_cont). */
function percentile(values: number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((x, y) => x - y);
	const rank = p * (sorted.length - 1);
	const low = sorted[Math.floor(rank)] ?? 0;
	const high = sorted[Math.ceil(rank)] ?? low;
	return low + (high - low) * (rank - Math.floor(rank));
}

type Generated = {
	createdAt: Date;
	status: "new" | "open" | "waiting" | "resolved" | "closed";
	departmentId: string;
	firstRespondedAt: Date | null;
	resolvedAt: Date | null;
	firstResponseDueAt: Date;
	resolutionDueAt: Date;
	reopenCount: number;
	agentMinutes: number;
	rootCauseId: string | null;
};

describe("case metrics", () => {
	let t: TestApp;
	let org: LoopOrg;
	const now = new Date();
	const from = new Date(now.getTime() - 30 * 86_400_000);
	const to = new Date(now.getTime() + 86_400_000);
	const generated: Generated[] = [];
	let rootCauseIds: string[] = [];
	const followUpAnswers: (boolean | null)[] = [];

	beforeAll(async () => {
		t = await createTestApp();
		org = await setUpLoopOrg(t, "Kennzahlen");
		const labels = ["Lieferverzug", "Produktfehler"];
		rootCauseIds = [];
		for (const label of labels) {
			const [row] = await t.db
				.insert(rootCauses)
				.values({ organizationId: org.owner.organizationId, label: { de: label, en: label } })
				.returning();
			rootCauseIds.push(row?.id ?? "");
		}
		await t.db.execute(sql`insert into case_settings (organization_id, business_hours, cost_per_hour_cents, currency)
			values (${org.owner.organizationId}, ${JSON.stringify({ "1": [["08:00", "18:00"]], "2": [["08:00", "18:00"]], "3": [["08:00", "18:00"]], "4": [["08:00", "18:00"]], "5": [["08:00", "18:00"]] })}::jsonb, 6000, 'EUR')`);

		const random = prng(7);
		const minutes = (n: number) => n * 60_000;
		for (let i = 0; i < 120; i++) {
			// A few cases outside the window must not count.
			const isOutside = i % 20 === 0;
			const createdAt = new Date(
				isOutside
					? from.getTime() - minutes(60 + i)
					: from.getTime() + random() * (now.getTime() - from.getTime() - minutes(10)),
			);
			const status = (["new", "open", "waiting", "resolved", "closed"] as const)[Math.floor(random() * 5)] ?? "open";
			const responded = status !== "new" && random() < 0.9;
			const firstRespondedAt = responded ? new Date(createdAt.getTime() + minutes(Math.floor(random() * 3000))) : null;
			const isDone = status === "resolved" || status === "closed";
			const resolvedAt = isDone ? new Date(createdAt.getTime() + minutes(100 + Math.floor(random() * 9000))) : null;
			const row: Generated = {
				createdAt,
				status,
				departmentId: random() < 0.7 ? org.serviceId : org.logisticsId,
				firstRespondedAt,
				resolvedAt,
				firstResponseDueAt: new Date(createdAt.getTime() + minutes(480)),
				resolutionDueAt: new Date(createdAt.getTime() + minutes(2400 + Math.floor(random() * 4000))),
				reopenCount: random() < 0.15 ? 1 + Math.floor(random() * 2) : 0,
				agentMinutes: Math.floor(random() * 90),
				rootCauseId: isDone ? (rootCauseIds[Math.floor(random() * 2)] ?? null) : null,
			};
			const saved = await org.openCase({
				...row,
				touchpointId: org.touchpointId,
				closedAt: status === "closed" ? resolvedAt : null,
			});
			if (!isOutside) generated.push(row);
			if (isDone && resolvedAt && i % 3 === 0) {
				const answer = i % 2 === 0 ? true : i % 5 === 0 ? null : false;
				await t.db.insert(caseFollowUps).values({
					organizationId: org.owner.organizationId,
					caseId: saved.id,
					resolvedAt,
					language: "de",
					status: answer === null ? "sent" : "answered",
					isSolved: answer,
					satisfaction: answer === null ? null : answer ? 5 : 2,
					answeredAt: answer === null ? null : resolvedAt,
				});
				if (!isOutside) followUpAnswers.push(answer);
			}
		}
	});
	afterAll(() => t.close());

	it("matches an independent count of the same cases", async () => {
		const response = await t.call("GET", `/api/v1/cases/metrics?from=${from.toISOString()}&to=${to.toISOString()}`, {
			cookie: org.owner.cookie,
		});
		expect(response.status).toBe(200);
		const m = response.json;
		const cases = generated;
		expect(m.caseCount).toBe(cases.length);

		const calendarMinutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;
		const fr = cases.filter((c) => c.firstRespondedAt);
		const res = cases.filter((c) => c.resolvedAt);
		expect(m.firstResponse.count).toBe(fr.length);
		expect(m.firstResponse.medianCalendarMinutes).toBeCloseTo(
			percentile(
				fr.map((c) => calendarMinutes(c.createdAt, c.firstRespondedAt as Date)),
				0.5,
			) ?? -1,
			6,
		);
		expect(m.resolution.p90CalendarMinutes).toBeCloseTo(
			percentile(
				res.map((c) => calendarMinutes(c.createdAt, c.resolvedAt as Date)),
				0.9,
			) ?? -1,
			6,
		);
		const calendar = await calendarOf(t.db, org.owner.organizationId);
		expect(m.firstResponse.medianBusinessMinutes).toBeCloseTo(
			percentile(
				fr.map((c) => businessMinutesBetween(c.createdAt, c.firstRespondedAt as Date, calendar)),
				0.5,
			) ?? -1,
			6,
		);

		const frDue = cases.filter((c) => c.firstRespondedAt || c.firstResponseDueAt < now);
		const frMet = cases.filter((c) => c.firstRespondedAt && c.firstRespondedAt <= c.firstResponseDueAt);
		expect(m.slaFirstResponse).toMatchObject({ n: frDue.length, successes: frMet.length });
		const resDue = cases.filter((c) => c.resolvedAt || c.resolutionDueAt < now);
		const resMet = cases.filter((c) => c.resolvedAt && c.resolvedAt <= c.resolutionDueAt);
		expect(m.slaResolution).toMatchObject({ n: resDue.length, successes: resMet.length });

		const reopenBase = cases.filter((c) => c.resolvedAt || c.reopenCount > 0);
		expect(m.reopen).toMatchObject({ n: reopenBase.length, successes: cases.filter((c) => c.reopenCount > 0).length });

		const byStatus = Object.fromEntries(m.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]));
		for (const status of ["new", "open", "waiting", "resolved", "closed"]) {
			expect(byStatus[status] ?? 0, status).toBe(cases.filter((c) => c.status === status).length);
		}
		for (const id of rootCauseIds) {
			const entry = m.byRootCause.find((r: { rootCauseId: string | null }) => r.rootCauseId === id);
			expect(entry?.count ?? 0).toBe(cases.filter((c) => c.rootCauseId === id).length);
		}
		expect(m.byTouchpoint).toEqual([{ touchpointId: org.touchpointId, name: "Lieferung", count: cases.length }]);

		const agentMinutes = cases.reduce((sum, c) => sum + c.agentMinutes, 0);
		const totalCents = Math.round((agentMinutes * 6000) / 60);
		expect(m.serviceCost).toEqual({
			currency: "EUR",
			costPerHourCents: 6000,
			agentMinutes,
			totalCents,
			perCaseCents: Math.round(totalCents / cases.length),
		});
		const answered = followUpAnswers.filter((a) => a !== null);
		expect(m.followUpSolved).toMatchObject({ n: answered.length, successes: answered.filter(Boolean).length });
		expect(m.followUpSolved.interval[0]).toBeLessThanOrEqual(m.followUpSolved.rate);

		const service = (
			await t.call(
				"GET",
				`/api/v1/cases/metrics?from=${from.toISOString()}&to=${to.toISOString()}&departmentId=${org.serviceId}`,
				{
					cookie: org.owner.cookie,
				},
			)
		).json;
		expect(service.caseCount).toBe(cases.filter((c) => c.departmentId === org.serviceId).length);
	});

	it("counts answered negative feedback (closed loop) and detractors who came back as promoters (recovery)", async () => {
		const contactOf = async (email: string) =>
			(await org.call("POST", "/api/v1/contacts", { email })).json.id as string;
		const recovered = await contactOf("wieder@example.com");
		const lost = await contactOf("weg@example.com");
		const detractors = [await org.respond(2, "Schlecht"), await org.respond(4, "Mies"), await org.respond(0)];
		await org.respond(10, "Toll");
		await markFeedbackState(t.db, org.owner.organizationId, { responseId: detractors[0]?.responseId }, "answered");
		const link = async (contactId: string, response: { responseId: string; submittedAt: Date } | undefined) => {
			await t.db.execute(sql`update responses set contact_id = ${contactId} where id = ${response?.responseId ?? ""}`);
			await org.openCase({
				source: "response",
				responseId: response?.responseId,
				responseSubmittedAt: response?.submittedAt,
				contactId,
				createdAt: new Date(now.getTime() - 86_400_000),
			});
		};
		await link(recovered, detractors[0]);
		await link(lost, detractors[1]);
		const promoter = await org.respond(9, "Jetzt super");
		await t.db.execute(sql`update responses set contact_id = ${recovered} where id = ${promoter.responseId}`);

		const m = (
			await t.call("GET", `/api/v1/cases/metrics?from=${from.toISOString()}&to=${to.toISOString()}`, {
				cookie: org.owner.cookie,
			})
		).json;
		expect(m.closedLoop).toMatchObject({ n: 3, successes: 1 });
		expect(m.recovery).toMatchObject({ n: 2, successes: 1, rate: 0.5 });
		const bad = await t.call("GET", `/api/v1/cases/metrics?from=${to.toISOString()}&to=${from.toISOString()}`, {
			cookie: org.owner.cookie,
		});
		expect(bad.status).toBe(400);
	});
});
