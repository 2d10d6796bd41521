// Number formats of the behaviour pages (locale-aware).
export const formatCount = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);
export const formatPercent = (share: number | null, locale: string) =>
	share === null ? "–" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
export const formatMs = (ms: number | null, locale: string) =>
	ms === null
		? "–"
		: ms >= 1000
			? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000)} s`
			: `${Math.round(ms)} ms`;
export const ratingColor = (rating: string | null) =>
	rating === "good" ? "teal" : rating === "needs_improvement" ? "yellow" : rating === "poor" ? "red" : "gray";
