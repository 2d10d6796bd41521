// Normal and Student t distribution functions (CDF and quantile) computed to near machine precision.

const SQRT2 = Math.SQRT2;
const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 500;

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9; Godfrey's coefficients), with reflection below 0.5. */
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
	12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
	const z = x - 1;
	let sum = LANCZOS[0] as number;
	for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Regularized upper incomplete gamma Q(a, x): the series for P when x < a + 1, else the continued fraction with
 * the modified Lentz method (Numerical Recipes 3rd ed., §6.2, gser/gcf).
 */
function upperGamma(a: number, x: number): number {
	if (x <= 0) return 1;
	const logPrefix = -x + a * Math.log(x) - logGamma(a);
	if (x < a + 1) {
		let term = 1 / a;
		let sum = term;
		for (let n = 1; n < MAX_ITERATIONS; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * EPS) break;
		}
		return 1 - sum * Math.exp(logPrefix);
	}
	let b = x + 1 - a;
	let c = 1 / TINY;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < MAX_ITERATIONS; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < TINY) d = TINY;
		c = b + an / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < EPS) break;
	}
	return Math.exp(logPrefix) * h;
}

/** erfc(x) = Q(1/2, x²) for x ≥ 0 (Abramowitz & Stegun 7.1.2 with 6.5.17). */
function erfc(x: number): number {
	return x >= 0 ? upperGamma(0.5, x * x) : 2 - upperGamma(0.5, x * x);
}

/** Standard normal CDF Φ(z) = erfc(−z/√2)/2. */
export function normalCdf(z: number): number {
	if (Number.isNaN(z)) return Number.NaN;
	return 0.5 * erfc(-z / SQRT2);
}

function normalPdf(z: number): number {
	return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Continued fraction for the regularized incomplete beta function (Numerical Recipes 3rd ed., §6.4, betacf;
 * modified Lentz method).
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (Math.abs(d) < TINY) d = TINY;
	d = 1 / d;
	let h = d;
	for (let m = 1; m < MAX_ITERATIONS; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < TINY) d = TINY;
		c = 1 + aa / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < EPS) break;
	}
	return h;
}

/** Regularized incomplete beta I_x(a, b), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where it converges faster. */
export function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
	if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a;
	return 1 - (Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Student t CDF: P(T ≤ t) = 1 − I_{ν/(ν+t²)}(ν/2, 1/2)/2 for t ≥ 0 (Abramowitz & Stegun 26.7.1 with 26.5.27). */
export function studentTCdf(t: number, df: number): number {
	if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
	if (t === Number.POSITIVE_INFINITY) return 1;
	if (t === Number.NEGATIVE_INFINITY) return 0;
	const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

function studentTPdf(t: number, df: number): number {
	const logDensity =
		logGamma((df + 1) / 2) -
		logGamma(df / 2) -
		0.5 * Math.log(df * Math.PI) -
		((df + 1) / 2) * Math.log1p((t * t) / df);
	return Math.exp(logDensity);
}

/**
 * Solves cdf(x) = p for an increasing CDF: Newton steps from `start`, kept inside a bracket [lo, hi] that is
 * narrowed every step and fallen back on by bisection (a safeguarded Newton method, Numerical Recipes §9.4 rtsafe).
 */
function invert(cdf: (x: number) => number, pdf: (x: number) => number, p: number, start: number): number {
	let lo = start;
	let hi = start;
	let step = 1;
	while (cdf(lo) > p) {
		lo -= step;
		step *= 2;
	}
	step = 1;
	while (cdf(hi) < p) {
		hi += step;
		step *= 2;
	}
	let x = Math.min(Math.max(start, lo), hi);
	for (let i = 0; i < 200; i++) {
		const f = cdf(x) - p;
		if (f === 0) return x;
		if (f < 0) lo = x;
		else hi = x;
		const density = pdf(x);
		let next = density > 0 ? x - f / density : Number.NaN;
		if (!(next > lo && next < hi)) next = (lo + hi) / 2;
		if (Math.abs(next - x) <= 1e-14 * Math.max(1, Math.abs(x))) return next;
		x = next;
	}
	return x;
}

/**
 * Acklam's rational approximation of the normal quantile (relative error < 1.15e-9, P. J. Acklam 2003,
 * "An algorithm for computing the inverse normal cumulative distribution function"), as a start for refinement.
 */
const ACKLAM_A = [
	-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const ACKLAM_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const ACKLAM_C = [
	-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
	2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function polynomial(coefficients: number[], x: number): number {
	return coefficients.reduce((acc, c) => acc * x + c, 0);
}

function acklam(p: number): number {
	const low = 0.02425;
	if (p < low) {
		const q = Math.sqrt(-2 * Math.log(p));
		return polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
	}
	if (p > 1 - low) {
		const q = Math.sqrt(-2 * Math.log1p(-p));
		return -polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
	}
	const q = p - 0.5;
	const r = q * q;
	return (polynomial(ACKLAM_A, r) * q) / (polynomial(ACKLAM_B, r) * r + 1);
}

/** Standard normal quantile Φ⁻¹(p): Acklam's approximation refined by safeguarded Newton steps on normalCdf. */
export function normalQuantile(p: number): number {
	if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
	if (p === 0) return Number.NEGATIVE_INFINITY;
	if (p === 1) return Number.POSITIVE_INFINITY;
	if (p === 0.5) return 0;
	// Refine in the lower half only: Φ(z) near 1 loses relative precision, Φ(−z) does not.
	if (p > 0.5) return -normalQuantile(1 - p);
	return invert(normalCdf, normalPdf, p, acklam(p));
}

/** Student t quantile: the inverse of studentTCdf by safeguarded Newton from the normal quantile. */
export function studentTQuantile(p: number, df: number): number {
	if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
	if (p === 0) return Number.NEGATIVE_INFINITY;
	if (p === 1) return Number.POSITIVE_INFINITY;
	if (p === 0.5) return 0;
	if (p > 0.5) return -studentTQuantile(1 - p, df);
	return invert(
		(t) => studentTCdf(t, df),
		(t) => studentTPdf(t, df),
		p,
		normalQuantile(p),
	);
}
