// Log-scale histograms for web-vital percentiles: a sample v lands in bucket floor(ln(v / 10) / ln 1.1), so
// buckets are 10 % wide; daily rollups store sparse counts and any range of days merges by adding them.
// CLS is unitless and is stored × 1000.

export const VITAL_METRICS = ["lcp", "inp", "cls", "ttfb", "load"] as const;
export type VitalMetric = (typeof VITAL_METRICS)[number];

const BASE = 10;
const RATIO = 1.1;
export const MAX_BUCKET = 99;

export function bucketOf(value: number): number {
	if (!(value > BASE)) return 0;
	return Math.min(MAX_BUCKET, Math.floor(Math.log(value / BASE) / Math.log(RATIO)));
}

/** The same bucket as SQL over a numeric expression (used by the rollups). */
export const sqlBucketOf = (expression: string) =>
	`least(${MAX_BUCKET}, floor(ln(greatest(${expression}, ${BASE})::float8 / ${BASE}) / ${Math.log(RATIO)}))::int`;

export type Histogram = Map<number, number>;

export function mergeInto(target: Histogram, sparse: Record<string, number> | undefined): void {
	if (!sparse) return;
	for (const [bucket, count] of Object.entries(sparse)) {
		const b = Number(bucket);
		target.set(b, (target.get(b) ?? 0) + count);
	}
}

export const sampleCount = (histogram: Histogram) => [...histogram.values()].reduce((a, b) => a + b, 0);

/** The q-quantile, interpolated linearly inside its bucket; null without samples. */
export function quantileOf(histogram: Histogram, q: number): number | null {
	const total = sampleCount(histogram);
	if (total === 0) return null;
	const rank = q * total;
	let seen = 0;
	for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
		const count = histogram.get(bucket) ?? 0;
		if (seen + count >= rank) {
			const low = bucket === 0 ? 0 : BASE * RATIO ** bucket;
			const high = BASE * RATIO ** (bucket + 1);
			return low + ((rank - seen) / count) * (high - low);
		}
		seen += count;
	}
	return BASE * RATIO ** (MAX_BUCKET + 1);
}

/** Google's Core Web Vitals thresholds (web.dev/articles/vitals): LCP ≤ 2.5 s good, > 4 s poor; INP ≤ 200 ms good,
 * > 500 ms poor; CLS ≤ 0.1 good, > 0.25 poor. */
const THRESHOLDS: Partial<Record<VitalMetric, [number, number]>> = {
	lcp: [2500, 4000],
	inp: [200, 500],
	cls: [0.1, 0.25],
	ttfb: [800, 1800],
};

export function ratingOf(metric: VitalMetric, value: number | null): "good" | "needs_improvement" | "poor" | null {
	const limits = THRESHOLDS[metric];
	if (value === null || !limits) return null;
	return value <= limits[0] ? "good" : value <= limits[1] ? "needs_improvement" : "poor";
}
