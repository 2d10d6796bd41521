// Matches a taxonomy's keywords against tokens on stems, including German compound parts, and
// gives each matched theme a confidence from the number and strength of its hits.
import { stemWord } from "../stem";
import { type Token, tokenize } from "../tokenize";
import type { Taxonomy } from "./taxonomy";

export type ThemeHit = { keyword: string; start: number; end: number; strength: number };
export type ThemeMatch = { theme: string; confidence: number; hits: ThemeHit[] };

type CompiledKeyword = { keyword: string; stems: string[]; folded: string[]; theme: number };
/** Per language: keywords by the stem (and folded form) of their first word. */
type KeywordIndex = Map<string, CompiledKeyword[]>;
type CompiledTaxonomy = { ids: string[]; byLanguage: Map<string, KeywordIndex> };

const compiledCache = new WeakMap<Taxonomy, CompiledTaxonomy>();

function compileKeyword(keyword: string, language: string, theme: number): CompiledKeyword {
	const words = tokenize(keyword)
		.filter((t) => t.kind === "word")
		.map((t) => t.norm);
	return { keyword, stems: words.map((w) => stemWord(w, language)), folded: words, theme };
}

function addToIndex(index: KeywordIndex, key: string, keyword: CompiledKeyword): void {
	const list = index.get(key) ?? [];
	if (!list.includes(keyword)) list.push(keyword);
	index.set(key, list);
}

function compile(taxonomy: Taxonomy): CompiledTaxonomy {
	let compiled = compiledCache.get(taxonomy);
	if (compiled === undefined) {
		const byLanguage = new Map<string, KeywordIndex>();
		taxonomy.themes.forEach((theme, themeIndex) => {
			for (const [language, words] of Object.entries(theme.keywords)) {
				const index = byLanguage.get(language) ?? new Map();
				byLanguage.set(language, index);
				for (const word of words) {
					const keyword = compileKeyword(word, language, themeIndex);
					if (keyword.stems.length === 0) continue;
					addToIndex(index, keyword.stems[0] as string, keyword);
					addToIndex(index, keyword.folded[0] as string, keyword);
				}
			}
		});
		compiled = { ids: taxonomy.themes.map((t) => t.id), byLanguage };
		compiledCache.set(taxonomy, compiled);
	}
	return compiled;
}

/** Keywords that could match at this word: same stem, or (German) a stem at its start or end. */
function candidates(index: KeywordIndex, word: string, stem: string, language: string): CompiledKeyword[] {
	const found = new Set<CompiledKeyword>([...(index.get(stem) ?? []), ...(index.get(word) ?? [])]);
	if (language === "de") {
		for (let length = 4; length < word.length; length++)
			for (const k of index.get(word.slice(0, length)) ?? []) found.add(k);
		for (let from = 3; from <= stem.length - 4; from++) for (const k of index.get(stem.slice(from)) ?? []) found.add(k);
	}
	return [...found];
}

/**
 * How strongly one word matches one keyword word: 1 for the same stem; for German 0.8 when the
 * keyword begins the word ("Lieferzeit", "bestellt") or ends it ("Paketlieferung"), because
 * compounds carry their parts' meaning. Short keywords must match whole to avoid "App" in "Mappe".
 */
function wordStrength(word: string, stem: string, keyword: CompiledKeyword, index: number, language: string): number {
	const keywordStem = keyword.stems[index] ?? "";
	if (stem === keywordStem || word === keyword.folded[index]) return 1;
	if (language !== "de" || keywordStem.length < 4) return 0;
	if (word.startsWith(keywordStem) && word.length - keywordStem.length >= 1) return 0.8;
	if (stem.endsWith(keywordStem) && stem.length - keywordStem.length >= 3) return 0.8;
	return 0;
}

function confidenceOf(hits: readonly ThemeHit[]): number {
	// Independent pieces of evidence: 1 − Π(1 − 0.6·strength); one exact hit gives 0.6.
	const miss = hits.reduce((product, hit) => product * (1 - 0.6 * hit.strength), 1);
	return Math.round((1 - miss) * 1000) / 1000;
}

export function matchThemes(taxonomy: Taxonomy, input: string | readonly Token[], language: string): ThemeMatch[] {
	const tokens = (typeof input === "string" ? tokenize(input) : input).filter(
		(t) => t.kind === "word" || t.kind === "hashtag",
	);
	const compiled = compile(taxonomy);
	const index = compiled.byLanguage.get(language);
	if (!index) return [];
	const words = tokens.map((t) => t.norm);
	const stems = words.map((w) => stemWord(w, language));
	const hitsByTheme = new Map<number, ThemeHit[]>();
	// Per theme, the position up to which a phrase hit ("on hold") has consumed the words.
	const consumedUntil = new Map<number, number>();
	for (let i = 0; i < tokens.length; i++) {
		const best = new Map<number, { hit: ThemeHit; length: number }>();
		for (const keyword of candidates(index, words[i] as string, stems[i] as string, language)) {
			if (i + keyword.stems.length > tokens.length || (consumedUntil.get(keyword.theme) ?? 0) > i) continue;
			let strength = 1;
			for (let k = 0; k < keyword.stems.length && strength > 0; k++) {
				strength = Math.min(strength, wordStrength(words[i + k] ?? "", stems[i + k] ?? "", keyword, k, language));
			}
			if (strength === 0) continue;
			// Phrases are more specific than single words.
			const weighted = Math.min(1, strength * (keyword.stems.length > 1 ? 1.2 : 1));
			const current = best.get(keyword.theme);
			if (!current || weighted > current.hit.strength) {
				const last = tokens[i + keyword.stems.length - 1] as Token;
				best.set(keyword.theme, {
					hit: { keyword: keyword.keyword, start: (tokens[i] as Token).start, end: last.end, strength: weighted },
					length: keyword.stems.length,
				});
			}
		}
		for (const [theme, { hit, length }] of best) {
			const list = hitsByTheme.get(theme) ?? [];
			list.push(hit);
			hitsByTheme.set(theme, list);
			consumedUntil.set(theme, i + length);
		}
	}
	const matches: ThemeMatch[] = [];
	for (const [theme, hits] of hitsByTheme)
		matches.push({ theme: compiled.ids[theme] as string, confidence: confidenceOf(hits), hits });
	return matches.sort((a, b) => b.confidence - a.confidence || a.theme.localeCompare(b.theme));
}
