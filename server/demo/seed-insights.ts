// Demo data for insights: the rollups of every seeded response and mention, built in bulk at the end of the seed
// (one INSERT … SELECT … GROUP BY per rollup table), so the KPI pages and dashboards are ready at the first start.

import { rebuildOrganization } from "../modules/analytics/rollup/job";
import type { Db } from "../platform/db";
import type { Logger } from "../platform/logging";

export async function seedInsights(env: { db: Db; log: Logger }, organizationId: string, now: Date): Promise<void> {
	const started = Date.now();
	await rebuildOrganization(env.db, organizationId, now);
	env.log.info({ ms: Date.now() - started }, "demo insights rollups built");
}
