// Emerging topics: terms whose frequency this period rises significantly over the baseline,
// by Dunning's log-likelihood ratio (G²) on a 2×2 table — robust for small counts.

export type TermCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export type EmergingTerm = {
	term: string;
	count: number;
	baselineCount: number;
	/** Count expected this period if the term kept its baseline rate. */
	expected: number;
	/** (count + 0.5) / (expected + 0.5): how many times more frequent than usual. */
	lift: number;
	/** Log-likelihood ratio statistic G², χ² with 1 degree of freedom under no change. */
	g2: number;
	pValue: number;
};

export type EmergingOptions = {
	/** Documents (or tokens) counted this period and in the baseline, the table's margins. */
	currentTotal: number;
	baselineTotal: number;
	/** Ignore terms seen fewer times this period (too little evidence to show anyone). */
	minCount?: number;
	/** Report only terms with p below this; 0.001 (G² > 10.83) by default, since many terms are tested. */
	maxPValue?: number;
	minLift?: number;
	limit?: number;
};

function entries(counts: TermCounts): [string, number][] {
	return counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
}

function xLogX(observed: number, expected: number): number {
	return observed > 0 ? observed * Math.log(observed / expected) : 0;
}

/** Dunning (1993), "Accurate Methods for the Statistics of Surprise and Coincidence". */
export function logLikelihoodRatio(
	count: number,
	currentTotal: number,
	baselineCount: number,
	baselineTotal: number,
): number {
	const total = currentTotal + baselineTotal;
	const termTotal = count + baselineCount;
	const expectedCurrent = (currentTotal * termTotal) / total;
	const expectedBaseline = (baselineTotal * termTotal) / total;
	const expectedCurrentRest = currentTotal - expectedCurrent;
	const expectedBaselineRest = baselineTotal - expectedBaseline;
	const g2 =
		2 *
		(xLogX(count, expectedCurrent) +
			xLogX(baselineCount, expectedBaseline) +
			xLogX(currentTotal - count, expectedCurrentRest) +
			xLogX(baselineTotal - baselineCount, expectedBaselineRest));
	return Math.max(0, g2);
}

/** Complementary error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function erfc(x: number): number {
	const t = 1 / (1 + 0.3275911 * x);
	const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
	return poly * Math.exp(-x * x);
}

/** Upper tail of χ² with one degree of freedom. */
export function chiSquare1PValue(statistic: number): number {
	return statistic <= 0 ? 1 : erfc(Math.sqrt(statistic / 2));
}

export function findEmergingTerms(current: TermCounts, baseline: TermCounts, options: EmergingOptions): EmergingTerm[] {
	const { currentTotal, baselineTotal } = options;
	if (currentTotal <= 0 || baselineTotal <= 0) return [];
	const baselineMap = baseline instanceof Map ? baseline : new Map(Object.entries(baseline));
	const found: EmergingTerm[] = [];
	for (const [term, count] of entries(current)) {
		if (count < (options.minCount ?? 5)) continue;
		const baselineCount = baselineMap.get(term) ?? 0;
		const expected = (baselineCount / baselineTotal) * currentTotal;
		// Only rises count as emerging; a falling term is news of a different kind.
		if (count <= expected) continue;
		const lift = (count + 0.5) / (expected + 0.5);
		if (lift < (options.minLift ?? 2)) continue;
		const g2 = logLikelihoodRatio(count, currentTotal, baselineCount, baselineTotal);
		const pValue = chiSquare1PValue(g2);
		if (pValue > (options.maxPValue ?? 0.001)) continue;
		found.push({ term, count, baselineCount, expected, lift, g2, pValue });
	}
	found.sort((a, b) => b.g2 - a.g2 || a.term.localeCompare(b.term));
	return found.slice(0, options.limit ?? 50);
}
