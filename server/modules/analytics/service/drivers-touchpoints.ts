// Touchpoint drivers: which touchpoints' ratings explain a customer's overall NPS rating (customer level).
import { sql } from "drizzle-orm";
import {
	MAX_SHAPLEY_PREDICTORS,
	relativeWeightsFromCorrelations,
	shapleyR2FromCorrelations,
} from "../../../../lib/stats/drivers";
import { pairwiseCorrelations } from "../../../../lib/stats/pairwise";
import type { Db } from "../../../platform/db";
import { findTouchpointNames } from "../../journey/service/load";
import type { DriverView } from "../contract-drivers";
import { type DriverPeriod, submittedWithin } from "./drivers-period";
import type { ComputedDrivers } from "./drivers-themes";
import { num, queryRows } from "./scope";

/** Customers (with an outcome rating and at least one touchpoint rating) needed for a model. */
export const MIN_DRIVER_CUSTOMERS = 50;
/** Customers who rated both a touchpoint and the outcome for the touchpoint to be a predictor. */
export const MIN_TOUCHPOINT_CUSTOMERS = 30;
/** The most recent customers analysed (bounded memory). */
export const CUSTOMER_CAP = 20_000;

/** A rating rescaled to 0–1 so touchpoints on different scales can be compared: NPS 0–10, CSAT 1–5, CES 1–7. */
function rescale(scoreType: string, score: number): number {
	if (scoreType === "nps") return score / 10;
	if (scoreType === "csat") return (score - 1) / 4;
	return (score - 1) / 6;
}

type CustomerScore = { customer: string; touchpointId: string; scoreType: string; score: number };

/**
 * A customer is a contact (email invitations) or, failing that, a widget visitor. Per customer and touchpoint the
 * mean rating in the period. The outcome is the NPS touchpoint rated by the most customers who also rated another
 * touchpoint (a relationship or post-purchase NPS where one exists). Customers rarely rate every touchpoint, so
 * correlations are pairwise-complete (repaired to a valid correlation matrix), then relative weights and, with at most
 * 12 touchpoints, the Shapley/LMG decomposition.
 */
export async function analyseTouchpointDrivers(
	db: Db,
	organizationId: string,
	period: DriverPeriod,
): Promise<ComputedDrivers> {
	const rows = await queryRows<{ customer: string; touchpoint_id: string; score_type: string; score: unknown }>(
		db,
		sql`with scored as (
				select coalesce(r.contact_id::text, r.visitor_id) as customer, r.touchpoint_id, r.score_type,
					avg(r.score)::float8 as score, max(r.submitted_at) as last_at
				from responses r
				where r.organization_id = ${organizationId} and r.completed and r.audience = 'customer'
					and r.score is not null and r.score_type is not null
					and (r.contact_id is not null or r.visitor_id is not null) and ${submittedWithin(period)}
				group by 1, 2, 3),
			repeaters as (
				select customer from scored group by customer having count(*) >= 2 order by max(last_at) desc limit ${CUSTOMER_CAP})
			select s.customer, s.touchpoint_id, s.score_type, s.score from scored s join repeaters using (customer)`,
	);
	const scores: CustomerScore[] = rows.map((r) => ({
		customer: r.customer,
		touchpointId: r.touchpoint_id,
		scoreType: r.score_type,
		score: num(r.score),
	}));
	const customers = [...new Set(scores.map((s) => s.customer))];
	const base = { skipped: 0, isSampled: customers.length >= CUSTOMER_CAP, minimumN: MIN_DRIVER_CUSTOMERS };
	const npsCounts = new Map<string, number>();
	for (const s of scores)
		if (s.scoreType === "nps") npsCounts.set(s.touchpointId, (npsCounts.get(s.touchpointId) ?? 0) + 1);
	const outcomeId = [...npsCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
	const insufficient = (n: number, outcome: DriverAnalysisOutcome): ComputedDrivers => ({
		n,
		r2: null,
		insufficientData: true,
		analysis: { ...base, outcome, drivers: [] },
	});
	if (!outcomeId) return insufficient(0, { touchpointId: null, label: null });
	const names = await findTouchpointNames(db, organizationId, [...new Set(scores.map((s) => s.touchpointId))]);
	const labelOf = (id: string) => {
		const name = names.get(id) ?? id;
		return { de: name, en: name };
	};
	const outcome = { touchpointId: outcomeId, label: labelOf(outcomeId) };
	const index = new Map(customers.map((c, i) => [c, i]));
	const y: (number | null)[] = new Array(customers.length).fill(null);
	const columns = new Map<string, (number | null)[]>();
	for (const s of scores) {
		const i = index.get(s.customer) as number;
		if (s.touchpointId === outcomeId && s.scoreType === "nps") {
			y[i] = s.score;
			continue;
		}
		let column = columns.get(s.touchpointId);
		if (!column) {
			column = new Array(customers.length).fill(null);
			columns.set(s.touchpointId, column);
		}
		column[i] = rescale(s.scoreType, s.score);
	}
	const withOutcome = customers.filter(
		(_, i) => y[i] !== null && [...columns.values()].some((c) => c[i] !== null),
	).length;
	const coRated = [...columns.entries()].map(([id, column]) => ({
		id,
		column,
		n: column.filter((v, i) => v !== null && y[i] !== null).length,
	}));
	const predictors = coRated.filter((c) => c.n >= MIN_TOUCHPOINT_CUSTOMERS).sort((a, b) => b.n - a.n);
	base.skipped = coRated.length - predictors.length;
	if (withOutcome < MIN_DRIVER_CUSTOMERS || predictors.length < 2) return insufficient(withOutcome, outcome);
	const { rxx, rxy } = pairwiseCorrelations(
		predictors.map((p) => p.column),
		y,
	);
	const weights = relativeWeightsFromCorrelations(rxx, rxy);
	const shapley = predictors.length <= MAX_SHAPLEY_PREDICTORS ? shapleyR2FromCorrelations(rxx, rxy) : null;
	const drivers: DriverView[] = predictors.map((p, j) => {
		const values = p.column.filter((v): v is number => v !== null);
		const importance = weights.weights[j] ?? 0;
		return {
			key: p.id,
			label: labelOf(p.id),
			importance,
			importanceShare: weights.r2 > 0 ? (100 * importance) / weights.r2 : 0,
			shapleyShare: shapley && shapley.r2 > 0 ? (100 * (shapley.shares[j] ?? 0)) / shapley.r2 : null,
			negativeShare: null,
			performance: (100 * values.reduce((s, v) => s + v, 0)) / Math.max(1, values.length),
			n: p.n,
			direction: (rxy[j] ?? 0) >= 0 ? "positive" : "negative",
		};
	});
	drivers.sort((a, b) => b.importance - a.importance);
	const ratings = predictors.flatMap((p) => p.column.filter((v): v is number => v !== null));
	const performanceBaseline = (100 * ratings.reduce((s, v) => s + v, 0)) / Math.max(1, ratings.length);
	return {
		n: withOutcome,
		r2: weights.r2,
		insufficientData: false,
		analysis: { ...base, outcome, drivers, performanceBaseline },
	};
}

type DriverAnalysisOutcome = ComputedDrivers["analysis"]["outcome"];
