// The demo feedback: at least 50,000 responses over 12 months, ~80 % German, seasonal peaks, the delivery
// touchpoint clearly worse in the last two months (carrier change), employee pulse anonymous — deterministic.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpOrganization } from "../modules/admin/service/organizations";
import { createJourney } from "../modules/journey/service/journeys";
import { addTouchpoint } from "../modules/journey/service/touchpoints";
import { createLogger } from "../platform/logging";
import { createTestApp, type TestApp } from "../test/harness";
import { seedResponses } from "./seed-responses";

const NAMES = [
	"Produktqualität",
	"Online-Checkout",
	"Suche im Shop",
	"Service-Hotline",
	"Lieferung",
	"Retoure",
	"Kauf in der Filiale",
];

describe("demo responses", () => {
	const now = new Date("2025-11-20T10:00:00Z");
	let t: TestApp;
	let count = 0;
	const rows = async <T>(query: ReturnType<typeof sql>) =>
		((await t.db.execute(query)) as unknown as { rows: T[] }).rows;

	beforeAll(async () => {
		t = await createTestApp();
		const { organization, user } = await signUpOrganization(t.db, {
			organizationName: "Demo",
			name: "D",
			email: "d@x.example",
			password: "long enough pw",
			locale: "de",
		});
		const ctx = {
			db: t.db,
			jobs: t.jobs,
			log: createLogger("silent"),
			now,
			organizationId: organization.id,
			actor: { type: "user" as const, userId: user.id, role: "owner" as const },
			publicUrl: "",
		};
		const journey = await createJourney(ctx, { name: "J", standardStages: "de" });
		const ids = new Map<string, string>();
		for (const name of NAMES) {
			const stageId = journey.stages[0]?.id ?? "";
			const detail = await addTouchpoint(ctx, journey.id, { stageId, name, channel: "web", urlPatterns: [] });
			ids.set(name, detail.stages[0]?.touchpoints.find((tp) => tp.name === name)?.id ?? "");
		}
		count = await seedResponses(ctx, ids, now);
	}, 180_000);
	afterAll(() => t.close());

	it("writes over 50,000 responses within the last 12 months, ~80 % German, each with its idempotency key", async () => {
		expect(count).toBeGreaterThanOrEqual(50_000);
		const [stats] = await rows<{
			n: number;
			de: number;
			keys: number;
			oldest: string;
			newest: string;
			pending: number;
		}>(sql`
			select count(*)::int n, sum((language = 'de')::int)::int de, (select count(*)::int from response_keys) keys,
				min(submitted_at)::text oldest, max(submitted_at)::text newest, sum((analysis_status = 'pending')::int)::int pending
			from responses`);
		expect(stats?.n).toBe(count);
		expect(stats?.keys).toBe(count);
		expect(stats?.pending).toBe(count);
		expect((stats?.de ?? 0) / count).toBeGreaterThan(0.77);
		expect((stats?.de ?? 0) / count).toBeLessThan(0.83);
		expect(new Date(stats?.newest ?? "").getTime()).toBeLessThanOrEqual(now.getTime());
		expect(now.getTime() - new Date(stats?.oldest ?? "").getTime()).toBeLessThan(366 * 86_400_000);
	});

	it("peaks around Black Friday and Christmas", async () => {
		const months = await rows<{ m: string; n: number }>(sql`
			select to_char(submitted_at, 'MM') m, count(*)::int n from responses
			where submitted_at >= '2024-12-01' and submitted_at < '2025-11-01' group by 1`);
		const byMonth = Object.fromEntries(months.map((r) => [r.m, r.n]));
		expect(byMonth["12"]).toBeGreaterThan(1.5 * (byMonth["07"] ?? 0));
	});

	it("makes delivery clearly worse in the last two months, with comments about the new carrier", async () => {
		const npsOf = async (from: string, to: string) => {
			const [r] = await rows<{ nps: number }>(sql`
				select 100.0 * (sum((score_group = 'promoter')::int) - sum((score_group = 'detractor')::int)) / count(*) nps
				from responses r join surveys s on s.id = r.survey_id
				where s.name = 'Lieferung' and r.submitted_at >= ${from}::timestamptz and r.submitted_at < ${to}::timestamptz`);
			return Number(r?.nps);
		};
		const before = await npsOf("2024-11-01", "2025-09-15");
		const after = await npsOf("2025-09-25", "2025-11-21");
		expect(before - after).toBeGreaterThan(18);
		expect(before - after).toBeLessThan(35);
		const [carrier] = await rows<{ n: number }>(sql`
			select count(*)::int n from responses where comment ilike '%BlitzPaket%' and submitted_at < '2025-09-15'`);
		expect(carrier?.n).toBe(0);
		const [late] = await rows<{ n: number }>(sql`
			select count(*)::int n from responses where comment ~* 'blitzpaket|beschädigt|damaged' and submitted_at >= '2025-09-25'`);
		expect(late?.n).toBeGreaterThan(100);
	});

	it("keeps the employee pulse anonymous", async () => {
		const [r] = await rows<{ n: number; identified: number }>(sql`
			select count(*)::int n, sum((visitor_id is not null or session_id is not null or started_at is not null)::int)::int identified
			from responses where audience = 'employee'`);
		expect(r?.n).toBeGreaterThan(500);
		expect(r?.identified).toBe(0);
	});
});
