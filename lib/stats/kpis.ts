// From an additive summary to the KPI values with 95 % intervals (shares in percent 0–100).

import { type MeanKpi, meanEstimate } from "./mean";
import { type NpsKpi, npsEstimate } from "./nps";
import { type Interval, wilsonInterval } from "./proportion";
import type { KpiSummary } from "./summary";

export type { MeanKpi } from "./mean";
export type { NpsKpi } from "./nps";
export type { Interval } from "./proportion";
export type ShareKpi = { value: number; ci95: Interval; n: number; count: number };
export type Kpis = {
	responses: number;
	nps: NpsKpi | null;
	csat: (ShareKpi & { mean: number }) | null;
	ces: MeanKpi | null;
	sentiment: { positive: ShareKpi; neutral: ShareKpi; negative: ShareKpi } | null;
	complaintRate: ShareKpi | null;
};

/** A share in percent with its Wilson interval; n = 0 gives null. */
export function shareKpi(count: number, n: number): ShareKpi | null {
	if (n <= 0) return null;
	const [lower, upper] = wilsonInterval(count, n);
	return { value: (100 * count) / n, ci95: [100 * lower, 100 * upper], n, count };
}

export function kpisOf(summary: KpiSummary): Kpis {
	const csatShare = shareKpi(summary.csatTop2, summary.csatN);
	const positive = shareKpi(summary.positive, summary.commented);
	const neutral = shareKpi(summary.neutral, summary.commented);
	const negative = shareKpi(summary.negative, summary.commented);
	return {
		responses: summary.responses,
		nps: npsEstimate(summary),
		csat: csatShare ? { ...csatShare, mean: summary.csatSum / summary.csatN } : null,
		ces: meanEstimate({ n: summary.cesN, sum: summary.cesSum, sumSq: summary.cesSumSq }, [1, 7]),
		sentiment: positive && neutral && negative ? { positive, neutral, negative } : null,
		complaintRate: shareKpi(summary.complaints, summary.responses),
	};
}
