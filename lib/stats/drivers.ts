// Relative importance of correlated predictors: Johnson's relative weights and the Shapley (LMG) decomposition of R².

import { choleskySolve, correlationsOf } from "./regression";

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan, Matrix Computations, §8.5). */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
	const n = matrix.length;
	const a = matrix.map((row) => row.slice());
	const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
	const at = (i: number, j: number) => (a[i] as number[])[j] as number;
	for (let sweep = 0; sweep < 100; sweep++) {
		let off = 0;
		for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += at(p, q) ** 2;
		if (off < 1e-24) break;
		for (let p = 0; p < n; p++) {
			for (let q = p + 1; q < n; q++) {
				const apq = at(p, q);
				if (Math.abs(apq) < 1e-300) continue;
				const theta = (at(q, q) - at(p, p)) / (2 * apq);
				const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				const s = t * c;
				for (let k = 0; k < n; k++) {
					const row = a[k] as number[];
					const akp = row[p] as number;
					const akq = row[q] as number;
					row[p] = c * akp - s * akq;
					row[q] = s * akp + c * akq;
				}
				const rowP = a[p] as number[];
				const rowQ = a[q] as number[];
				for (let k = 0; k < n; k++) {
					const apk = rowP[k] as number;
					const aqk = rowQ[k] as number;
					rowP[k] = c * apk - s * aqk;
					rowQ[k] = s * apk + c * aqk;
				}
				for (let k = 0; k < n; k++) {
					const row = v[k] as number[];
					const vkp = row[p] as number;
					const vkq = row[q] as number;
					row[p] = c * vkp - s * vkq;
					row[q] = s * vkp + c * vkq;
				}
			}
		}
	}
	return { values: a.map((_, i) => at(i, i)), vectors: v };
}

export type RelativeWeights = { r2: number; weights: number[]; rescaled: number[] };

/**
 * Johnson's relative weights from correlations (J. W. Johnson 2000, "A heuristic method for estimating the relative
 * weight of predictor variables in multiple regression", Multivariate Behavioral Research 35(1), 1–19): with
 * Rxx = VΛVᵀ, Λ* = VΛ^½Vᵀ relates the predictors to their best orthogonal approximation Z, β* = Λ*⁻¹ rxy regresses y on Z,
 * and εj = Σk Λ*jk² β*k². The ε sum to R². Near-zero eigenvalues (collinear predictors) are dropped (pseudo-inverse).
 */
export function relativeWeightsFromCorrelations(rxx: number[][], rxy: number[]): RelativeWeights {
	const p = rxy.length;
	if (p === 0) return { r2: 0, weights: [], rescaled: [] };
	const { values, vectors } = symmetricEigen(rxx);
	const vec = (i: number, k: number) => (vectors[i] as number[])[k] as number;
	const roots = values.map((value) => Math.sqrt(Math.max(0, value)));
	const lambdaStar = rxx.map((_, i) => rxx.map((__, j) => roots.reduce((s, r, k) => s + vec(i, k) * r * vec(j, k), 0)));
	const inverseRoots = roots.map((r) => (r > 1e-7 ? 1 / r : 0));
	const betaStar = rxx.map((_, i) =>
		rxy.reduce((s, rj, j) => s + inverseRoots.reduce((t, ir, k) => t + vec(i, k) * ir * vec(j, k), 0) * rj, 0),
	);
	const weights = rxx.map((_, j) =>
		betaStar.reduce((s, b, k) => s + ((lambdaStar[j] as number[])[k] as number) ** 2 * b * b, 0),
	);
	const r2 = weights.reduce((s, w) => s + w, 0);
	return { r2, weights, rescaled: weights.map((w) => (r2 > 0 ? w / r2 : 0)) };
}

/** Spreads weights computed for the varying columns back over all p columns (constant columns get 0). */
function expand(values: number[], columns: number[], p: number): number[] {
	const out = new Array<number>(p).fill(0);
	columns.forEach((column, i) => {
		out[column] = values[i] as number;
	});
	return out;
}

function columnCount(x: readonly (readonly number[])[]): number {
	return x[0]?.length ?? 0;
}

/** Relative weights of the columns of x (rows = observations) for y; `rescaled` = share of R² (0–1). */
export function relativeWeights(x: number[][], y: number[]): RelativeWeights {
	const p = columnCount(x);
	const c = correlationsOf(x, y);
	const result = relativeWeightsFromCorrelations(c.rxx, c.rxy);
	return {
		r2: result.r2,
		weights: expand(result.weights, c.columns, p),
		rescaled: expand(result.rescaled, c.columns, p),
	};
}

export const MAX_SHAPLEY_PREDICTORS = 12;

function subsetR2(rxx: number[][], rxy: number[], members: number[]): number {
	if (members.length === 0) return 0;
	const a = members.map((i) => members.map((j) => (rxx[i] as number[])[j] as number));
	return choleskySolve(
		a,
		members.map((i) => rxy[i] as number),
	).explained;
}

/**
 * Shapley value decomposition of R² (LMG: Lindeman, Merenda & Gold 1980; Grömping 2007, "Estimators of relative
 * importance in linear regression based on variance decomposition", The American Statistician 61(2)): each predictor's
 * share is its increase in R² averaged over all orders of entry, i.e. Σ_S |S|!(p−|S|−1)!/p! · (R²(S∪j) − R²(S)).
 * Exact enumeration of the 2^p subsets, so at most 12 predictors.
 */
export function shapleyR2FromCorrelations(rxx: number[][], rxy: number[]): { r2: number; shares: number[] } {
	const p = rxy.length;
	if (p > MAX_SHAPLEY_PREDICTORS)
		throw new RangeError(`Shapley decomposition supports at most ${MAX_SHAPLEY_PREDICTORS} predictors`);
	const subsets = 1 << p;
	const r2 = new Array<number>(subsets);
	for (let mask = 0; mask < subsets; mask++) {
		const members: number[] = [];
		for (let j = 0; j < p; j++) if (mask & (1 << j)) members.push(j);
		r2[mask] = subsetR2(rxx, rxy, members);
	}
	const factorial = [1];
	for (let i = 1; i <= p; i++) factorial[i] = (factorial[i - 1] as number) * i;
	const shares = new Array<number>(p).fill(0);
	for (let mask = 0; mask < subsets; mask++) {
		let size = 0;
		for (let j = 0; j < p; j++) if (mask & (1 << j)) size++;
		const weight = ((factorial[size] as number) * (factorial[p - size - 1] ?? 1)) / (factorial[p] as number);
		for (let j = 0; j < p; j++) {
			if (mask & (1 << j)) continue;
			shares[j] = (shares[j] as number) + weight * ((r2[mask | (1 << j)] as number) - (r2[mask] as number));
		}
	}
	return { r2: r2[subsets - 1] ?? 0, shares };
}

/** Shapley/LMG shares of R² for the columns of x (rows = observations); constant columns get 0. */
export function shapleyR2(x: number[][], y: number[]): { r2: number; shares: number[] } {
	const p = columnCount(x);
	if (p > MAX_SHAPLEY_PREDICTORS)
		throw new RangeError(`Shapley decomposition supports at most ${MAX_SHAPLEY_PREDICTORS} predictors`);
	const c = correlationsOf(x, y);
	const result = shapleyR2FromCorrelations(c.rxx, c.rxy);
	return { r2: result.r2, shares: expand(result.shares, c.columns, p) };
}
