// Net Promoter Score with a 95 % interval from the promoter/detractor trinomial.

import { normalQuantile } from "./distributions";
import type { Interval } from "./proportion";

export type NpsCounts = { promoters: number; passives: number; detractors: number };
export type NpsKpi = {
	value: number;
	ci95: Interval;
	n: number;
	promoters: number;
	passives: number;
	detractors: number;
	promoterShare: number;
	passiveShare: number;
	detractorShare: number;
	se: number;
};

/** Var of one response's score (+1 promoter, 0 passive, −1 detractor): pP + pD − (pP − pD)² (trinomial). */
export function npsUnitVariance(promoterShare: number, detractorShare: number): number {
	return Math.max(0, promoterShare + detractorShare - (promoterShare - detractorShare) ** 2);
}

/**
 * NPS in points (−100…100). `se` is the plain trinomial standard error √(Var/n)·100. The interval is Rocks' adjusted
 * Wald (B. Rocks 2016, "Interval estimation for the Net Promoter Score", The American Statistician 70(4), 365–372):
 * add 3 pseudo-observations — ¾ promoter, ¾ detractor, 1½ passives — then use the trinomial variance on the
 * adjusted shares. It keeps nominal coverage for small n, where the plain Wald interval collapses to a point (e.g.
 * 5 promoters out of 5). The interval is clamped to [−100, 100] and, for the rare tiny samples where the shrinkage
 * toward 0 would exclude the observed score (n = 1), widened to include it.
 */
export function npsEstimate(c: NpsCounts): NpsKpi | null {
	const n = c.promoters + c.passives + c.detractors;
	if (n <= 0) return null;
	const promoterShare = c.promoters / n;
	const passiveShare = c.passives / n;
	const detractorShare = c.detractors / n;
	const value = 100 * (promoterShare - detractorShare);
	const se = 100 * Math.sqrt(npsUnitVariance(promoterShare, detractorShare) / n);
	const z = normalQuantile(0.975);
	const adjustedN = n + 3;
	const adjustedPromoters = (c.promoters + 0.75) / adjustedN;
	const adjustedDetractors = (c.detractors + 0.75) / adjustedN;
	const adjustedValue = 100 * (adjustedPromoters - adjustedDetractors);
	const half = 100 * z * Math.sqrt(npsUnitVariance(adjustedPromoters, adjustedDetractors) / adjustedN);
	const lower = Math.max(-100, Math.min(value, adjustedValue - half));
	const upper = Math.min(100, Math.max(value, adjustedValue + half));
	return {
		value,
		ci95: [lower, upper],
		n,
		promoters: c.promoters,
		passives: c.passives,
		detractors: c.detractors,
		promoterShare,
		passiveShare,
		detractorShare,
		se,
	};
}

/** Classifies a 0–10 likelihood-to-recommend score (Reichheld 2003): 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsCategory(score: number): "promoter" | "passive" | "detractor" {
	if (score >= 9) return "promoter";
	if (score >= 7) return "passive";
	return "detractor";
}
