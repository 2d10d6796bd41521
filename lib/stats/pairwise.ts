// Correlations with missing values (pairwise-complete) and the repair that keeps such a matrix usable.

import { symmetricEigen } from "./drivers";

function correlation(a: (number | null)[], b: (number | null)[]): { r: number; n: number } {
	let n = 0;
	let sa = 0;
	let sb = 0;
	for (let i = 0; i < a.length; i++) {
		const u = a[i];
		const v = b[i];
		if (u === null || u === undefined || v === null || v === undefined) continue;
		n++;
		sa += u;
		sb += v;
	}
	if (n < 2) return { r: 0, n };
	const ma = sa / n;
	const mb = sb / n;
	let saa = 0;
	let sbb = 0;
	let sab = 0;
	for (let i = 0; i < a.length; i++) {
		const u = a[i];
		const v = b[i];
		if (u === null || u === undefined || v === null || v === undefined) continue;
		saa += (u - ma) ** 2;
		sbb += (v - mb) ** 2;
		sab += (u - ma) * (v - mb);
	}
	return { r: saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0, n };
}

/**
 * Pearson correlations over the observations where both values are present (pairwise deletion). `columns[j][i]` is
 * predictor j of observation i (null: not observed). The matrix is then made positive semi-definite (see below).
 */
export function pairwiseCorrelations(
	columns: (number | null)[][],
	y: (number | null)[],
): { rxx: number[][]; rxy: number[]; pairs: number[][]; nWithY: number[] } {
	const p = columns.length;
	const rxx = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (__, k) => (j === k ? 1 : 0)));
	const pairs = Array.from({ length: p }, () => new Array<number>(p).fill(0));
	for (let j = 0; j < p; j++) {
		for (let k = j; k < p; k++) {
			const { r, n } = correlation(columns[j] as (number | null)[], columns[k] as (number | null)[]);
			(pairs[j] as number[])[k] = n;
			(pairs[k] as number[])[j] = n;
			if (j === k) continue;
			(rxx[j] as number[])[k] = r;
			(rxx[k] as number[])[j] = r;
		}
	}
	const withY = columns.map((column) => correlation(column, y));
	return { rxx: nearestCorrelation(rxx), rxy: withY.map((c) => c.r), pairs, nWithY: withY.map((c) => c.n) };
}

/**
 * A pairwise-deletion matrix need not be positive semi-definite. Clipping negative eigenvalues to zero and rescaling
 * to a unit diagonal gives a valid correlation matrix close to it (the first step of Higham 2002, "Computing the
 * nearest correlation matrix", IMA J. Numer. Anal. 22); a matrix that is already valid is returned unchanged.
 */
export function nearestCorrelation(r: number[][]): number[][] {
	const { values, vectors } = symmetricEigen(r);
	if (values.every((v) => v >= -1e-12)) return r;
	const clipped = values.map((v) => Math.max(v, 0));
	const vec = (i: number, k: number) => (vectors[i] as number[])[k] as number;
	const rebuilt = r.map((_, i) => r.map((__, j) => clipped.reduce((s, v, k) => s + vec(i, k) * v * vec(j, k), 0)));
	const scale = rebuilt.map((row, i) => Math.sqrt(Math.max(row[i] as number, 1e-300)));
	return rebuilt.map((row, i) => row.map((v, j) => (i === j ? 1 : v / ((scale[i] as number) * (scale[j] as number)))));
}
