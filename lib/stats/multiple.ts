// Multiple-comparison control across many simultaneous tests (e.g. one per touchpoint).

/**
 * Benjamini–Hochberg step-up procedure controlling the false discovery rate at q (Benjamini & Hochberg 1995, JRSS B 57,
 * 289–300). Adjusted p-values are p_(i)·m/i made monotone from the largest rank down and capped at 1 (as R's
 * p.adjust(method = "BH")); a hypothesis is rejected when its adjusted p ≤ q. Non-finite p-values count as 1.
 */
export function benjaminiHochberg(pValues: number[], q = 0.05): { adjusted: number[]; rejected: boolean[] } {
	const m = pValues.length;
	const order = pValues
		.map((p, index) => ({ p: Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1, index }))
		.sort((a, b) => a.p - b.p);
	const adjusted = new Array<number>(m).fill(1);
	let running = 1;
	for (let rank = m; rank >= 1; rank--) {
		const entry = order[rank - 1];
		if (!entry) continue;
		running = Math.min(running, (entry.p * m) / rank);
		// p·m/rank ≥ p in exact arithmetic; the max guards against rounding when rank = m.
		adjusted[entry.index] = Math.max(entry.p, running);
	}
	return { adjusted, rejected: adjusted.map((p) => p <= q) };
}
