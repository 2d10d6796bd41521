// Emerging topics: terms whose share of documents this week rises significantly against the previous
// weeks (Dunning's G², lib/text/emerging.ts), over an organization's responses and mentions.
import { findEmergingTerms } from "../../../../lib/text/emerging";
import { detectLanguage } from "../../../../lib/text/language";
import { stemWord } from "../../../../lib/text/stem";
import { countTerms } from "../../../../lib/text/term-counts";
import { tokenize } from "../../../../lib/text/tokenize";
import type { Ctx } from "../../../platform/context";
import type { EmergingQuery, EmergingTopicsView } from "../contract";
import { allAnalysisTargets } from "../targets";
import { loadTaxonomy } from "./taxonomy";

const WEEK_MS = 7 * 86_400_000;
// Reads raw texts, so the documents per period are capped; a week of feedback fits well below this.
const MAX_DOCUMENTS = 20_000;

async function textsBetween(ctx: Ctx, from: Date, until: Date): Promise<string[]> {
	const texts: string[] = [];
	for (const target of allAnalysisTargets()) {
		texts.push(...(await target.findTexts(ctx.db, ctx.organizationId, from, until, MAX_DOCUMENTS - texts.length)));
	}
	return texts;
}

export async function findEmergingTopics(ctx: Ctx, query: EmergingQuery): Promise<EmergingTopicsView> {
	const until = query.until ? new Date(query.until) : ctx.now;
	const from = new Date(until.getTime() - WEEK_MS);
	const baselineFrom = new Date(from.getTime() - query.baselineWeeks * WEEK_MS);
	const [current, baseline, taxonomy] = await Promise.all([
		textsBetween(ctx, from, until),
		textsBetween(ctx, baselineFrom, from),
		loadTaxonomy(ctx.db, ctx.organizationId),
	]);
	const count = (texts: string[]) => {
		const byLanguage = new Map<string, ReturnType<typeof tokenize>[]>();
		for (const text of texts) {
			const language = detectLanguage(text, "de", { preferred: ["de", "en"] }).language;
			if (query.language && language !== query.language) continue;
			byLanguage.set(language, [...(byLanguage.get(language) ?? []), tokenize(text)]);
		}
		const merged = new Map<string, number>();
		let documents = 0;
		for (const [language, docs] of byLanguage) {
			documents += docs.length;
			for (const [term, n] of countTerms(docs, language)) merged.set(term, (merged.get(term) ?? 0) + n);
		}
		return { merged, documents };
	};
	const now = count(current);
	const before = count(baseline);
	const keywordStems = new Set(
		taxonomy.themes.flatMap((theme) => [
			...theme.keywords.de.map((k) => stemWord(k.toLowerCase(), "de")),
			...theme.keywords.en.map((k) => stemWord(k.toLowerCase(), "en")),
		]),
	);
	const terms = findEmergingTerms(now.merged, before.merged, {
		currentTotal: Math.max(1, now.documents),
		baselineTotal: Math.max(1, before.documents),
		minCount: 5,
		limit: 30,
	});
	return {
		from: from.toISOString(),
		until: until.toISOString(),
		documents: now.documents,
		baselineDocuments: before.documents,
		topics: terms.map((term) => ({ ...term, isTheme: keywordStems.has(term.term) })),
	};
}
