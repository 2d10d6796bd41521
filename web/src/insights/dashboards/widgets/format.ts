// Number formats of dashboard metrics: NPS signed points, shares in percent, CES on its scale, counts with separators.
import type { DashboardMetric } from "../../../../../server/modules/analytics/contract-dashboards";

export const SHARE_METRICS: readonly string[] = ["csat", "detractorShare", "complaintRate", "negativeShare"];

export function formatMetric(metric: string, value: number | null | undefined, language: string): string {
	if (value === null || value === undefined || Number.isNaN(value)) return "–";
	const locale = language === "en" ? "en-GB" : "de-DE";
	if (metric === "responses") return Math.round(value).toLocaleString(locale);
	if (metric === "nps") return `${value > 0 ? "+" : ""}${value.toLocaleString(locale, { maximumFractionDigits: 1 })}`;
	if (metric === "ces") return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
}

/** A difference: NPS and shares in points, CES on its scale. */
export function formatDifference(metric: string, value: number | null | undefined, language: string): string {
	if (value === null || value === undefined) return "–";
	const locale = language === "en" ? "en-GB" : "de-DE";
	const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
	const unit = metric === "ces" || metric === "responses" ? "" : language === "en" ? " pts" : " Pkt.";
	return `${sign}${Math.abs(value).toLocaleString(locale, { maximumFractionDigits: metric === "ces" ? 2 : 1 })}${unit}`;
}

/** "p = 0.012" or "p < 0.001" (likewise for q). */
export const pText = (name: string, p: number | null | undefined) =>
	p === null || p === undefined ? `${name} = –` : p < 0.001 ? `${name} < 0.001` : `${name} = ${p.toFixed(3)}`;

export const isHigherBetter = (metric: DashboardMetric | string) =>
	!["detractorShare", "complaintRate", "negativeShare"].includes(metric);

/** Red (−100) through amber (0) to green (+100) for the journey heatmap. */
export function indexColor(index: number | null): string {
	if (index === null) return "var(--mantine-color-gray-1)";
	const t = Math.max(-1, Math.min(1, index / 60));
	const hue = t < 0 ? 40 + 40 * t : 40 + 85 * t;
	return `hsl(${hue.toFixed(0)} 70% ${t < 0 ? 88 + 4 * t : 86}%)`;
}
