// Theme drivers: which themes of analysed NPS comments explain the NPS rating (response level, relative weights).
import { sql } from "drizzle-orm";
import { relativeWeights } from "../../../../lib/stats/drivers";
import type { Db } from "../../../platform/db";
import { loadTaxonomy } from "../../text/service/taxonomy";
import type { DriverAnalysis, DriverView } from "../contract-drivers";
import { type DriverPeriod, submittedWithin } from "./drivers-period";
import { num, queryRows } from "./scope";

/** At most this many of the period's most recent responses are analysed (memory and time stay bounded). */
export const THEME_SAMPLE_CAP = 50_000;
export const MIN_THEME_MENTIONS = 20;
export const MIN_THEME_RESPONSES = 100;
/** The most-mentioned themes kept as predictors (two indicators each). */
const MAX_THEMES = 30;

export type ComputedDrivers = { n: number; r2: number | null; insufficientData: boolean; analysis: DriverAnalysis };

type Mention = "negative" | "positive" | "neutral";

/** A response's themes as theme → sentiment of the mention; the first entry of a theme counts. */
function mentionsOf(themes: unknown): Map<string, Mention> {
	const out = new Map<string, Mention>();
	if (!Array.isArray(themes)) return out;
	for (const entry of themes) {
		if (!entry || typeof entry !== "object") continue;
		const { theme, sentiment } = entry as { theme?: unknown; sentiment?: unknown };
		if (typeof theme !== "string" || out.has(theme)) continue;
		out.set(theme, sentiment === "negative" || sentiment === "positive" ? sentiment : "neutral");
	}
	return out;
}

const npsOf = (scores: number[]) =>
	scores.length === 0
		? 0
		: (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;

/**
 * y = the 0–10 NPS rating of each customer response with an analysed comment; per theme two indicators, "mentioned
 * negatively" and "mentioned positively" (a neutral mention is neither). Separate indicators let negative and positive
 * mentions have different effects (a broken delivery costs more than a good one earns), and because relative weights
 * add up, a theme's importance is the sum of its two weights. Responses without a comment carry no theme information
 * and are left out, so the question answered is "among customers who commented, which themes explain their rating".
 */
export async function analyseThemeDrivers(
	db: Db,
	organizationId: string,
	period: DriverPeriod,
): Promise<ComputedDrivers> {
	const rows = await queryRows<{ score: unknown; themes: unknown }>(
		db,
		sql`select r.score, r.themes from responses r
			where r.organization_id = ${organizationId} and r.completed and r.audience = 'customer' and r.score_type = 'nps'
				and r.score is not null and r.sentiment is not null and ${submittedWithin(period)}
			order by r.submitted_at desc limit ${THEME_SAMPLE_CAP + 1}`,
	);
	const isSampled = rows.length > THEME_SAMPLE_CAP;
	const sample = rows
		.slice(0, THEME_SAMPLE_CAP)
		.map((row) => ({ score: num(row.score), mentions: mentionsOf(row.themes) }));
	const counts = new Map<string, number>();
	for (const row of sample) for (const theme of row.mentions.keys()) counts.set(theme, (counts.get(theme) ?? 0) + 1);
	const eligible = [...counts.entries()].filter(([, c]) => c >= MIN_THEME_MENTIONS).sort((a, b) => b[1] - a[1]);
	const themes = eligible.slice(0, MAX_THEMES).map(([theme]) => theme);
	const base = {
		outcome: { touchpointId: null, label: null },
		skipped: counts.size - themes.length,
		isSampled,
		minimumN: MIN_THEME_RESPONSES,
	};
	if (sample.length < MIN_THEME_RESPONSES || themes.length < 2) {
		return { n: sample.length, r2: null, insufficientData: true, analysis: { ...base, drivers: [] } };
	}
	const x = sample.map((row) =>
		themes.flatMap((theme) => {
			const mention = row.mentions.get(theme);
			return [mention === "negative" ? 1 : 0, mention === "positive" ? 1 : 0];
		}),
	);
	const y = sample.map((row) => row.score);
	const weights = relativeWeights(x, y);
	const overall = npsOf(y);
	const taxonomy = await loadTaxonomy(db, organizationId);
	const labels = new Map(taxonomy.themes.map((t) => [t.id, t.label]));
	const drivers: DriverView[] = themes.map((theme, i) => {
		const negative = weights.weights[2 * i] ?? 0;
		const positive = weights.weights[2 * i + 1] ?? 0;
		const importance = negative + positive;
		const scores = sample.filter((row) => row.mentions.has(theme)).map((row) => row.score);
		const performance = npsOf(scores);
		return {
			key: theme,
			label: labels.get(theme) ?? { de: theme, en: theme },
			importance,
			importanceShare: weights.r2 > 0 ? (100 * importance) / weights.r2 : 0,
			shapleyShare: null,
			negativeShare: importance > 0 ? (100 * negative) / importance : null,
			performance,
			n: scores.length,
			direction: performance >= overall ? "positive" : "negative",
		};
	});
	drivers.sort((a, b) => b.importance - a.importance);
	return {
		n: sample.length,
		r2: weights.r2,
		insufficientData: false,
		analysis: { ...base, drivers, performanceBaseline: overall },
	};
}
