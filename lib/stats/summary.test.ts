// Summaries merge like the raw rows they summarise; KPIs from a summary.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpisOf } from "./kpis";
import { mergeSummaries, type SummaryRow, summarize } from "./summary";

const row: fc.Arbitrary<SummaryRow> = fc
	.oneof(
		fc.record({ scoreType: fc.constant("nps" as const), score: fc.integer({ min: 0, max: 10 }) }),
		fc.record({ scoreType: fc.constant("csat" as const), score: fc.integer({ min: 1, max: 5 }) }),
		fc.record({ scoreType: fc.constant("ces" as const), score: fc.integer({ min: 1, max: 7 }) }),
		fc.record({ scoreType: fc.constant(null), score: fc.constant(null) }),
	)
	.chain((scored) =>
		fc.record({
			scoreType: fc.constant(scored.scoreType),
			score: fc.constant(scored.score),
			sentiment: fc.constantFrom("positive" as const, "neutral" as const, "negative" as const, null),
			intents: fc.subarray(["complaint", "praise", "question"]),
		}),
	);

describe("summaries", () => {
	it("counts a hand-made set of rows", () => {
		const s = summarize([
			{ scoreType: "nps", score: 10, sentiment: "positive", intents: [] },
			{ scoreType: "nps", score: 7, sentiment: null, intents: [] },
			{ scoreType: "nps", score: 3, sentiment: "negative", intents: ["complaint"] },
			{ scoreType: "csat", score: 4, sentiment: "neutral", intents: [] },
			{ scoreType: "ces", score: 6, sentiment: null, intents: [] },
		]);
		expect(s).toMatchObject({
			responses: 5,
			npsN: 3,
			promoters: 1,
			passives: 1,
			detractors: 1,
			csatN: 1,
			csatTop2: 1,
			csatSum: 4,
			csatSumSq: 16,
		});
		expect(s).toMatchObject({
			cesN: 1,
			cesSum: 6,
			cesSumSq: 36,
			commented: 3,
			positive: 1,
			neutral: 1,
			negative: 1,
			complaints: 1,
		});
		const kpis = kpisOf(s);
		expect(kpis.nps?.value).toBeCloseTo(0, 12);
		expect(kpis.complaintRate?.value).toBeCloseTo(20, 12);
		expect(kpis.csat?.mean).toBe(4);
		expect(kpis.sentiment?.negative.value).toBeCloseTo(100 / 3, 12);
	});
	it("merging equals summarizing the concatenated rows, and is associative and commutative", () => {
		fc.assert(
			fc.property(fc.array(row), fc.array(row), fc.array(row), (a, b, c) => {
				const [sa, sb, sc] = [summarize(a), summarize(b), summarize(c)];
				expect(mergeSummaries(mergeSummaries(sa, sb), sc)).toEqual(summarize([...a, ...b, ...c]));
				expect(mergeSummaries(sa, mergeSummaries(sb, sc))).toEqual(mergeSummaries(mergeSummaries(sa, sb), sc));
				expect(mergeSummaries(sa, sb)).toEqual(mergeSummaries(sb, sa));
			}),
		);
	});
	it("KPIs are null without data and in range with data", () => {
		expect(kpisOf(summarize([]))).toEqual({
			responses: 0,
			nps: null,
			csat: null,
			ces: null,
			sentiment: null,
			complaintRate: null,
		});
		fc.assert(
			fc.property(fc.array(row, { minLength: 1 }), (rows) => {
				const kpis = kpisOf(summarize(rows));
				for (const share of [kpis.csat, kpis.complaintRate, kpis.sentiment?.positive]) {
					if (!share) continue;
					expect(share.ci95[0]).toBeGreaterThanOrEqual(0);
					expect(share.ci95[1]).toBeLessThanOrEqual(100);
					expect(share.ci95[0]).toBeLessThanOrEqual(share.value + 1e-9);
					expect(share.ci95[1]).toBeGreaterThanOrEqual(share.value - 1e-9);
				}
				if (kpis.ces) {
					expect(kpis.ces.ci95[0]).toBeGreaterThanOrEqual(1);
					expect(kpis.ces.ci95[1]).toBeLessThanOrEqual(7);
				}
			}),
		);
	});
});
