// Web vitals of the page load with PerformanceObserver: LCP, INP (longest interaction, which is the 98th
// percentile for pages with < 50 interactions), CLS (largest session window: gaps < 1 s, windows ≤ 5 s),
// TTFB and load time — the definitions of web.dev/articles/vitals.

export type Vitals = { lcp?: number; inp?: number; cls?: number; ttfb?: number; load?: number };

type ShiftEntry = PerformanceEntry & { value: number; hadRecentInput: boolean };

function observe(type: string, onEntry: (entry: PerformanceEntry) => void, extra?: object): void {
	try {
		new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true, ...extra });
	} catch {
		// not supported by this browser
	}
}

export function watchVitals(): () => Vitals {
	const vitals: Vitals = {};
	let windowValue = 0;
	let windowStart = 0;
	let lastShift = 0;
	observe("largest-contentful-paint", (e) => {
		vitals.lcp = e.startTime;
	});
	observe(
		"event",
		(e) => {
			if ((e as PerformanceEntry & { interactionId?: number }).interactionId)
				vitals.inp = Math.max(vitals.inp ?? 0, e.duration);
		},
		{ durationThreshold: 40 },
	);
	observe("layout-shift", (e) => {
		const shift = e as ShiftEntry;
		if (shift.hadRecentInput) return;
		if (shift.startTime - lastShift > 1000 || shift.startTime - windowStart > 5000) {
			windowValue = 0;
			windowStart = shift.startTime;
		}
		lastShift = shift.startTime;
		windowValue += shift.value;
		vitals.cls = Math.max(vitals.cls ?? 0, windowValue);
	});
	return () => {
		const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
		if (nav) {
			vitals.ttfb = Math.max(0, nav.responseStart);
			if (nav.loadEventEnd > 0) vitals.load = nav.loadEventEnd;
		}
		return vitals;
	};
}
