// Ordinary least squares through the normal equations on centred data (Cholesky), and correlation matrices.

export type Correlations = {
	/** Correlations among the predictors that vary (p × p). */
	rxx: number[][];
	/** Correlation of each varying predictor with the outcome. */
	rxy: number[];
	/** Indices (into the original columns) of the predictors that vary; constant columns carry no information. */
	columns: number[];
	n: number;
};

type Moments = { means: number[]; meanY: number; sxx: number[][]; sxy: number[]; syy: number; n: number };

/** Centred cross-products in two passes (means first), which avoids the cancellation of the one-pass formula. */
function moments(x: readonly (readonly number[])[], y: readonly number[]): Moments {
	const n = Math.min(x.length, y.length);
	const p = n > 0 ? (x[0]?.length ?? 0) : 0;
	const means = new Array<number>(p).fill(0);
	let meanY = 0;
	for (let i = 0; i < n; i++) {
		const row = x[i] ?? [];
		for (let j = 0; j < p; j++) means[j] = (means[j] as number) + (row[j] ?? 0) / n;
		meanY += (y[i] ?? 0) / n;
	}
	const sxx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
	const sxy = new Array<number>(p).fill(0);
	let syy = 0;
	const centred = new Array<number>(p);
	for (let i = 0; i < n; i++) {
		const row = x[i] ?? [];
		const dy = (y[i] ?? 0) - meanY;
		syy += dy * dy;
		for (let j = 0; j < p; j++) centred[j] = (row[j] ?? 0) - (means[j] as number);
		for (let j = 0; j < p; j++) {
			const dj = centred[j] as number;
			sxy[j] = (sxy[j] as number) + dj * dy;
			const target = sxx[j] as number[];
			for (let k = j; k < p; k++) target[k] = (target[k] as number) + dj * (centred[k] as number);
		}
	}
	for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) (sxx[j] as number[])[k] = (sxx[k] as number[])[j] as number;
	return { means, meanY, sxx, sxy, syy, n };
}

const CONSTANT = 1e-12;

/** Columns whose sum of squared deviations is above rounding noise; the others are treated as constant. */
function varyingColumns(m: Moments): number[] {
	return m.sxx.map((_, j) => j).filter((j) => ((m.sxx[j] as number[])[j] as number) > CONSTANT * Math.max(1, m.n));
}

export function correlationsOf(x: readonly (readonly number[])[], y: readonly number[]): Correlations {
	const m = moments(x, y);
	const columns = varyingColumns(m);
	const sd = (j: number) => Math.sqrt((m.sxx[j] as number[])[j] as number);
	const sdY = Math.sqrt(m.syy);
	const rxx = columns.map((j) => columns.map((k) => ((m.sxx[j] as number[])[k] as number) / (sd(j) * sd(k))));
	const rxy = columns.map((j) => (sdY > 0 ? (m.sxy[j] as number) / (sd(j) * sdY) : 0));
	return { rxx, rxy, columns, n: m.n };
}

/**
 * Solves A·w = b for a symmetric positive semi-definite A by Cholesky (Golub & Van Loan, Matrix Computations, §4.2),
 * skipping pivots that are (numerically) zero: such a variable is a linear combination of earlier ones, adds nothing
 * to the fit and gets coefficient 0. Also returns ‖L⁻¹b‖², which is R² when A and b are correlations.
 */
export function choleskySolve(
	a: readonly (readonly number[])[],
	b: readonly number[],
): { solution: number[]; explained: number } {
	const p = b.length;
	const lower = Array.from({ length: p }, () => new Array<number>(p).fill(0));
	const active = new Array<boolean>(p).fill(false);
	for (let j = 0; j < p; j++) {
		const diagonal = (a[j] as number[])[j] as number;
		let d = diagonal;
		const lj = lower[j] as number[];
		for (let k = 0; k < j; k++) d -= (lj[k] as number) ** 2;
		if (!(diagonal > 0) || d <= 1e-10 * diagonal) continue;
		active[j] = true;
		const root = Math.sqrt(d);
		lj[j] = root;
		for (let i = j + 1; i < p; i++) {
			const li = lower[i] as number[];
			let s = (a[i] as number[])[j] as number;
			for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
			li[j] = s / root;
		}
	}
	const w = new Array<number>(p).fill(0);
	for (let j = 0; j < p; j++) {
		if (!active[j]) continue;
		const lj = lower[j] as number[];
		let s = b[j] as number;
		for (let k = 0; k < j; k++) s -= (lj[k] as number) * (w[k] as number);
		w[j] = s / (lj[j] as number);
	}
	const solution = new Array<number>(p).fill(0);
	for (let j = p - 1; j >= 0; j--) {
		if (!active[j]) continue;
		let s = w[j] as number;
		for (let k = j + 1; k < p; k++) s -= ((lower[k] as number[])[j] as number) * (solution[k] as number);
		solution[j] = s / ((lower[j] as number[])[j] as number);
	}
	return { solution, explained: w.reduce((sum, v) => sum + v * v, 0) };
}

export type OlsFit = { intercept: number; coefficients: number[]; r2: number; n: number };

/** y = b0 + Σ bj·xj by least squares (normal equations on centred data); R² = 1 − SSE/SST. */
export function ols(x: readonly (readonly number[])[], y: readonly number[]): OlsFit {
	const m = moments(x, y);
	const p = m.sxy.length;
	const columns = varyingColumns(m);
	const reduced = choleskySolve(
		columns.map((j) => columns.map((k) => (m.sxx[j] as number[])[k] as number)),
		columns.map((j) => m.sxy[j] as number),
	);
	const solution = new Array<number>(p).fill(0);
	columns.forEach((column, i) => {
		solution[column] = reduced.solution[i] as number;
	});
	const explained = reduced.explained;
	const intercept = m.meanY - solution.reduce((s, b, j) => s + b * (m.means[j] as number), 0);
	// With w = L⁻¹ sxy on the covariance scale, ‖w‖² is the regression sum of squares.
	const r2 = m.syy > 0 ? Math.min(1, Math.max(0, explained / m.syy)) : 0;
	return { intercept, coefficients: p > 0 ? solution : [], r2, n: m.n };
}
