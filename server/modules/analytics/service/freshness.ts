// Reads start the rollup job when days of their organization wait (it also runs every minute by schedule).
import type { Ctx } from "../../../platform/context";
import { kickAnalyticsRollup } from "../rollup/job";

export function kickAnalyticsRollupFor(ctx: Ctx): void {
	kickAnalyticsRollup(ctx.jobs, ctx.log);
}
