// Slow pages: p75 of LCP, INP, CLS, TTFB and load time per page (merged day histograms), rated against Google's
// thresholds and linked to the page's touchpoint; also the per-touchpoint signals the insights module reads.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { findTouchpointNames } from "../../journey/service/load";
import type { ReportQuery, SlowPagesView, TouchpointBehaviourSignals } from "../contract";
import {
	type Histogram,
	mergeInto,
	quantileOf,
	ratingOf,
	sampleCount,
	VITAL_METRICS,
	type VitalMetric,
} from "../histogram";
import { assertTouchpoint, num, queryRows, ratio, resolveRange } from "./range";

type Merged = Map<string | null, Record<VitalMetric, Histogram>>;
const MIN_SAMPLES = 5;

/** Adds up the day histograms per key (page or touchpoint); measured faster in Node than with jsonb_each in SQL. */
async function mergedHistograms(
	ctx: Ctx,
	keyColumn: "path" | "touchpoint_id",
	scope: ReturnType<typeof sql>,
): Promise<Merged> {
	const rows = await queryRows<{ key: string | null; vital_hist: Record<string, Record<string, number>> | string }>(
		ctx.db,
		sql`select ${sql.raw(keyColumn)}::text as key, vital_hist from behaviour_page_days d
		where ${scope} and d.vital_hist <> '{}'::jsonb`,
	);
	const merged: Merged = new Map();
	for (const row of rows) {
		let histograms = merged.get(row.key);
		if (!histograms) {
			histograms = Object.fromEntries(VITAL_METRICS.map((m) => [m, new Map()])) as Record<VitalMetric, Histogram>;
			merged.set(row.key, histograms);
		}
		const hist = typeof row.vital_hist === "string" ? JSON.parse(row.vital_hist) : row.vital_hist;
		for (const metric of VITAL_METRICS) mergeInto(histograms[metric], hist[metric]);
	}
	return merged;
}

const p75 = (h: Histogram, scale = 1) => {
	const q = quantileOf(h, 0.75);
	return q === null ? null : Math.round((q / scale) * 1000) / 1000;
};

export async function getSlowPages(ctx: Ctx, query: ReportQuery): Promise<SlowPagesView> {
	const range = resolveRange(ctx, query);
	await assertTouchpoint(ctx, query.touchpointId);
	const scope = sql`d.organization_id = ${ctx.organizationId} and d.day between ${range.from}::date and ${range.to}::date
		${query.touchpointId ? sql`and d.touchpoint_id = ${query.touchpointId}` : sql``}`;
	const merged = await mergedHistograms(ctx, "path", scope);
	const traffic = await queryRows<{ path: string; touchpoint_id: string | null; pageviews: number }>(
		ctx.db,
		sql`select path, (array_agg(touchpoint_id) filter (where touchpoint_id is not null))[1] as touchpoint_id,
			sum(pageviews) as pageviews from behaviour_page_days d where ${scope} and d.vital_hist <> '{}'::jsonb group by path`,
	);
	const pageOf = new Map(traffic.map((t) => [t.path, t]));
	const names = await findTouchpointNames(
		ctx.db,
		ctx.organizationId,
		[...new Set(traffic.map((t) => t.touchpoint_id))].filter((v) => v !== null),
	);
	const pages = [...merged.entries()]
		.map(([path, histograms]) => {
			const page = pageOf.get(path ?? "");
			const touchpointId = page?.touchpoint_id ?? null;
			const pageviews = num(page?.pageviews);
			const lcp = p75(histograms.lcp);
			const inp = p75(histograms.inp);
			return {
				path: path ?? "",
				touchpointId,
				touchpointName: touchpointId ? (names.get(touchpointId) ?? null) : null,
				pageviews,
				samples: sampleCount(histograms.lcp) || sampleCount(histograms.load),
				p75LcpMs: lcp,
				p75InpMs: inp,
				p75Cls: p75(histograms.cls, 1000),
				p75TtfbMs: p75(histograms.ttfb),
				p75LoadMs: p75(histograms.load),
				lcpRating: ratingOf("lcp", lcp),
				inpRating: ratingOf("inp", inp),
			};
		})
		.filter((p) => p.samples >= MIN_SAMPLES)
		.sort((a, b) => (b.p75LcpMs ?? 0) - (a.p75LcpMs ?? 0))
		.slice(0, 100);
	return { range, pages };
}

/** Per touchpoint: drop-off (exits / sessions), p75 LCP/INP, share of zero-result searches. For insights. */
export async function findTouchpointBehaviourSignals(
	ctx: Ctx,
	query: { from?: string; to?: string },
): Promise<TouchpointBehaviourSignals[]> {
	const range = resolveRange(ctx, query);
	const scope = sql`d.organization_id = ${ctx.organizationId} and d.day between ${range.from}::date and ${range.to}::date
		and d.touchpoint_id is not null`;
	const merged = await mergedHistograms(ctx, "touchpoint_id", scope);
	const rows = await queryRows<{
		touchpoint_id: string;
		pageviews: number;
		sessions: number;
		exits: number;
		searches: number;
		zero_result_searches: number;
	}>(
		ctx.db,
		sql`select touchpoint_id, sum(pageviews) as pageviews, sum(sessions) as sessions, sum(exits) as exits,
			sum(searches) as searches, sum(zero_result_searches) as zero_result_searches
		from behaviour_page_days d where ${scope} group by touchpoint_id`,
	);
	const empty = Object.fromEntries(VITAL_METRICS.map((m) => [m, new Map()])) as Record<VitalMetric, Histogram>;
	return rows.map((row) => {
		const histograms = merged.get(row.touchpoint_id) ?? empty;
		const lcp = sampleCount(histograms.lcp) >= MIN_SAMPLES ? p75(histograms.lcp) : null;
		const inp = sampleCount(histograms.inp) >= MIN_SAMPLES ? p75(histograms.inp) : null;
		return {
			touchpointId: row.touchpoint_id,
			pageviews: num(row.pageviews),
			sessions: num(row.sessions),
			dropOffRate: ratio(num(row.exits), num(row.sessions)),
			p75LcpMs: lcp,
			p75InpMs: inp,
			lcpRating: ratingOf("lcp", lcp),
			inpRating: ratingOf("inp", inp),
			searches: num(row.searches),
			zeroResultSearchShare: ratio(num(row.zero_result_searches), num(row.searches)),
		};
	});
}
