// Theme trends: per week or month, how often each theme came up in responses and mentions, and how often
// negatively — read from the stored analyses over the requested range.
import type { Ctx } from "../../../platform/context";
import { invalid } from "../../../platform/errors";
import type { ThemeTrendQuery, ThemeTrendView } from "../contract";
import { allAnalysisTargets } from "../targets";

const MAX_RANGE_DAYS = 732;

export async function findThemeTrends(ctx: Ctx, query: ThemeTrendQuery): Promise<ThemeTrendView> {
	const to = query.to ? new Date(query.to) : ctx.now;
	const from = query.from ? new Date(query.from) : new Date(to.getTime() - 26 * 7 * 86_400_000);
	if ((to.getTime() - from.getTime()) / 86_400_000 > MAX_RANGE_DAYS) throw invalid("from: at most two years at once");
	const byTheme = new Map<string, Map<string, { count: number; negative: number }>>();
	for (const target of allAnalysisTargets()) {
		for (const row of await target.themeCounts(ctx.db, ctx.organizationId, { from, to, interval: query.interval })) {
			const periods = byTheme.get(row.theme) ?? new Map();
			const period = periods.get(row.start) ?? { count: 0, negative: 0 };
			periods.set(row.start, { count: period.count + row.count, negative: period.negative + row.negative });
			byTheme.set(row.theme, periods);
		}
	}
	return {
		from: from.toISOString(),
		to: to.toISOString(),
		interval: query.interval,
		themes: [...byTheme.entries()]
			.map(([theme, periods]) => ({
				theme,
				total: [...periods.values()].reduce((sum, p) => sum + p.count, 0),
				periods: [...periods.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([start, p]) => ({ start, ...p })),
			}))
			.sort((a, b) => b.total - a.total),
	};
}
