// Demo-shaped insight data for the dashboard and alert tests: four touchpoints with constant daily NPS rollups, one of
// which (delivery) drops from NPS +46 to +19 for the last 61 days — like the demo's carrier change.
import { sql } from "drizzle-orm";
import type { TestApp } from "../../test/harness";

export const NOW = new Date("2026-11-20T12:00:00Z");
const DAY_MS = 86_400_000;
const GOOD = { promoters: 16, passives: 6, detractors: 4 };
export const WORSE = { promoters: 12, passives: 7, detractors: 7 };
const STABLE = { promoters: 14, passives: 8, detractors: 4 };

export type Insights = { cookie: string; organizationId: string; userId: string; touchpoints: Record<string, string> };

export async function setUpInsights(t: TestApp, name: string, email: string, days = 120): Promise<Insights> {
	const owner = await t.signUp(name, email);
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
	const journey = (await call("POST", "/api/v1/journeys", { name: "Journey", standardStages: "de" })).json;
	const touchpoints: Record<string, string> = {};
	const names = ["Lieferung", "Produktqualität", "Service-Hotline", "Online-Checkout"];
	for (const [i, tp] of names.entries()) {
		const stage = journey.stages[Math.min(i + 2, journey.stages.length - 1)];
		const detail = await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
			stageId: stage.id,
			name: tp,
			channel: "web",
		});
		const added = detail.json.stages.flatMap((s: { touchpoints: { id: string; name: string }[] }) => s.touchpoints);
		touchpoints[tp] = added.find((x: { name: string }) => x.name === tp).id;
	}
	const rows: string[] = [];
	for (let d = 0; d < days; d++) {
		const day = new Date(NOW.getTime() - d * DAY_MS).toISOString().slice(0, 10);
		for (const tp of names) {
			const c = tp === "Lieferung" ? (d < 61 ? WORSE : GOOD) : STABLE;
			const n = c.promoters + c.passives + c.detractors;
			rows.push(
				`('${owner.organizationId}', '${day}', '${touchpoints[tp]}', '${touchpoints[tp]}', 'email', 'de', 'customer', ${n}, ${n}, ${c.promoters}, ${c.passives}, ${c.detractors})`,
			);
		}
	}
	await t.db.execute(
		sql.raw(`insert into analytics_daily (organization_id, day, survey_id, touchpoint_id, channel, language, audience,
			responses, nps_n, promoters, passives, detractors) values ${rows.join(", ")}`),
	);
	// The per-touchpoint rollup is the coarser copy the KPI services read when no survey/channel/language filter applies.
	await t.db.execute(sql`insert into analytics_touchpoint_daily (organization_id, day, touchpoint_id, audience, responses,
			nps_n, promoters, passives, detractors)
		select organization_id, day, touchpoint_id, audience, sum(responses), sum(nps_n), sum(promoters), sum(passives),
			sum(detractors) from analytics_daily where organization_id = ${owner.organizationId}
		group by organization_id, day, touchpoint_id, audience`);
	// Marks the rollups as built, so that a rollup job running in a test with workers leaves these rows alone.
	await t.db.execute(sql`insert into analytics_rollup_state (organization_id, timezone, rebuilt_at)
		select id, timezone, now() from organizations where id = ${owner.organizationId} on conflict do nothing`);
	return { cookie: owner.cookie, organizationId: owner.organizationId, userId: owner.userId, touchpoints };
}

/** Sets the delivery touchpoint's last 61 days back to the good distribution (the deterioration is over). */
export async function healDelivery(t: TestApp, insights: Insights): Promise<void> {
	const from = new Date(NOW.getTime() - 60 * DAY_MS).toISOString().slice(0, 10);
	await setDelivery(t, insights, from, GOOD);
}

/** Sets the delivery touchpoint's daily NPS counts from `from` on, in both rollup tables. */
export async function setDelivery(
	t: TestApp,
	insights: Insights,
	from: string,
	c: { promoters: number; passives: number; detractors: number },
): Promise<void> {
	for (const table of ["analytics_daily", "analytics_touchpoint_daily"]) {
		await t.db.execute(sql`update ${sql.raw(table)} set promoters = ${c.promoters}, passives = ${c.passives},
			detractors = ${c.detractors} where organization_id = ${insights.organizationId}
			and touchpoint_id = ${insights.touchpoints.Lieferung} and day >= ${from}::date`);
	}
}
