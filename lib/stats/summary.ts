// The additive KPI summary that daily rollups store: every field is a count or a sum, so summaries merge by addition.

import { npsCategory } from "./nps";

export type KpiSummary = {
	responses: number;
	npsN: number;
	promoters: number;
	passives: number;
	detractors: number;
	csatN: number;
	csatTop2: number;
	csatSum: number;
	csatSumSq: number;
	cesN: number;
	cesSum: number;
	cesSumSq: number;
	commented: number;
	positive: number;
	neutral: number;
	negative: number;
	complaints: number;
};

export type SummaryRow = {
	scoreType: "nps" | "csat" | "ces" | null;
	score: number | null;
	sentiment: "positive" | "neutral" | "negative" | null;
	intents: string[];
};

const FIELDS = [
	"responses",
	"npsN",
	"promoters",
	"passives",
	"detractors",
	"csatN",
	"csatTop2",
	"csatSum",
	"csatSumSq",
	"cesN",
	"cesSum",
	"cesSumSq",
	"commented",
	"positive",
	"neutral",
	"negative",
	"complaints",
] as const satisfies readonly (keyof KpiSummary)[];

export const emptySummary = (): KpiSummary => ({
	responses: 0,
	npsN: 0,
	promoters: 0,
	passives: 0,
	detractors: 0,
	csatN: 0,
	csatTop2: 0,
	csatSum: 0,
	csatSumSq: 0,
	cesN: 0,
	cesSum: 0,
	cesSumSq: 0,
	commented: 0,
	positive: 0,
	neutral: 0,
	negative: 0,
	complaints: 0,
});

export function mergeSummaries(a: KpiSummary, b: KpiSummary): KpiSummary {
	const merged = emptySummary();
	for (const field of FIELDS) merged[field] = a[field] + b[field];
	return merged;
}

/** Adds one completed response to a summary in place. CSAT is 1–5 (top-2 = 4 or 5); CES is 1–7. */
export function addToSummary(s: KpiSummary, row: SummaryRow): void {
	s.responses++;
	if (row.score !== null && row.scoreType !== null) {
		const score = row.score;
		if (row.scoreType === "nps") {
			s.npsN++;
			const category = npsCategory(score);
			if (category === "promoter") s.promoters++;
			else if (category === "passive") s.passives++;
			else s.detractors++;
		} else if (row.scoreType === "csat") {
			s.csatN++;
			if (score >= 4) s.csatTop2++;
			s.csatSum += score;
			s.csatSumSq += score * score;
		} else {
			s.cesN++;
			s.cesSum += score;
			s.cesSumSq += score * score;
		}
	}
	if (row.sentiment !== null) {
		s.commented++;
		s[row.sentiment]++;
	}
	if (row.intents.includes("complaint")) s.complaints++;
}

export function summarize(rows: readonly SummaryRow[]): KpiSummary {
	const s = emptySummary();
	for (const row of rows) addToSummary(s, row);
	return s;
}
