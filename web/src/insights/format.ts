// Number formats and the diverging colour scale the insights pages share.
import type { Direction, ScoreMetric } from "../../../server/modules/analytics/contract";

export const formatNumber = (value: number, language: string, digits = 0) =>
	new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** NPS in points (signed), shares in percent, CES on its 1–7 scale. */
export function formatScore(metric: ScoreMetric | "share", value: number, language: string): string {
	if (metric === "nps") return `${value > 0 ? "+" : ""}${formatNumber(value, language, 1)}`;
	if (metric === "ces") return formatNumber(value, language, 2);
	return `${formatNumber(value, language, 1)} %`;
}

export const formatInterval = (metric: ScoreMetric | "share", ci: [number, number], language: string) =>
	`${formatScore(metric, ci[0], language)} … ${formatScore(metric, ci[1], language)}`;

export const formatP = (p: number, language: string) =>
	p < 0.001 ? "p < 0,001".replace(",", language.startsWith("de") ? "," : ".") : `p = ${formatNumber(p, language, 3)}`;

export function directionColor(direction: Direction): string {
	if (direction === "improved") return "teal";
	if (direction === "deteriorated") return "red";
	return "gray";
}

/**
 * A diverging red–sand–teal scale over the −100…100 index (see TouchpointScoreView.index), neutral at +25 (a
 * middling NPS): red below, teal above, saturation by distance. Text stays readable on every step (dark text on the pale middle).
 */
type Stop = { at: number; rgb: [number, number, number] };
const STOPS: [Stop, ...Stop[]] = [
	{ at: -100, rgb: [165, 0, 38] },
	{ at: 0, rgb: [230, 90, 70] },
	{ at: 25, rgb: [246, 232, 195] },
	{ at: 50, rgb: [128, 205, 193] },
	{ at: 100, rgb: [1, 102, 94] },
];

export function scoreColor(index: number | null): { background: string; text: string } {
	if (index === null) return { background: "var(--mantine-color-gray-1)", text: "var(--mantine-color-dimmed)" };
	const x = Math.max(-100, Math.min(100, index));
	let i = 0;
	while (i < STOPS.length - 2 && x > (STOPS[i + 1]?.at ?? 100)) i++;
	const a = STOPS[i] ?? STOPS[0];
	const b = STOPS[i + 1] ?? a;
	const f = (x - a.at) / (b.at - a.at || 1);
	const rgb = a.rgb.map((c, k) => Math.round(c + f * ((b.rgb[k] ?? c) - c)));
	const [r = 0, g = 0, bl = 0] = rgb;
	const luminance = (0.299 * r + 0.587 * g + 0.114 * bl) / 255;
	return { background: `rgb(${r}, ${g}, ${bl})`, text: luminance > 0.6 ? "#1a1b1e" : "#ffffff" };
}
