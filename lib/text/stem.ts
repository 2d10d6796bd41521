// Light stemmers for German and English, and a German compound splitter, used to match theme
// keywords across inflections ("Lieferungen", "geliefert" → "liefer"). Input is a folded word.

const derivationalSuffixes = ["ungen", "ung", "heiten", "heit", "keiten", "keit"];
const inflectionalSuffixes = ["innen", "in", "em", "en", "es", "et", "e", "n", "s"];

/**
 * Strips one derivational ending ("-ung", "-heit") or one inflectional ending ("-en", "-es",
 * "-in"), and the participle frame "ge…t" ("geliefert" → "liefer"). Light on purpose: theme
 * matching wants "Lieferung", "liefern" and "geliefert" to meet, not a linguistic root.
 */
export function stemGerman(word: string): string {
	let stem = word;
	if (stem.length > 6 && stem.startsWith("ge") && stem.endsWith("t")) {
		stem = stem.slice(2, stem.endsWith("et") ? -2 : -1);
		return stem;
	}
	const suffixes = derivationalSuffixes.some((s) => stem.endsWith(s)) ? derivationalSuffixes : inflectionalSuffixes;
	for (const suffix of suffixes) {
		if (!stem.endsWith(suffix) || stem.length - suffix.length < 4) continue;
		// "Preis", "Bus", "Pass": a final s after these letters belongs to the stem.
		if (suffix === "s" && /[iuas]s$/.test(stem)) continue;
		stem = stem.slice(0, -suffix.length);
		break;
	}
	return stem;
}

const englishRules: [RegExp, string][] = [
	[/ies$/, "y"],
	[/(ss|us)$/, "$1"],
	[/([^s])s$/, "$1"],
	[/eed$/, "ee"],
	[/([aeiou][^aeiou]*)(ed|ing)$/, "$1"],
	[/ly$/, ""],
];

/** A few Porter-style suffix rules; enough for plurals, -ed and -ing forms. */
export function stemEnglish(word: string): string {
	if (word.length <= 4) return word;
	let stem = word;
	for (const [pattern, replacement] of englishRules) {
		const next = stem.replace(pattern, replacement);
		if (next !== stem && next.length >= 3) {
			stem = next;
			if (pattern.source.includes("ed|ing")) break;
		}
	}
	// "shipping" → "shipp" → "ship": undouble a final consonant left by -ing/-ed.
	if (/([^aeiouls])\1$/.test(stem) && stem !== word) stem = stem.slice(0, -1);
	return stem;
}

export function stemWord(word: string, language: string): string {
	return language === "de" ? stemGerman(word) : stemEnglish(word);
}

/**
 * Splits a German compound into known parts, greedily from the right (the head noun carries
 * the meaning: "Paketlieferung" → "paket" + "lieferung"). Parts are matched as stems; a linking
 * "s" or "n" between parts is skipped. Returns [] when no known part is found.
 */
export function splitGermanCompound(word: string, knownStems: ReadonlySet<string>, minPart = 4): string[] {
	const parts: string[] = [];
	let rest = word;
	while (rest.length >= minPart) {
		let found: string | undefined;
		for (let start = 0; start <= rest.length - minPart; start++) {
			const tail = stemGerman(rest.slice(start));
			if (knownStems.has(tail)) {
				found = tail;
				rest = rest.slice(0, start).replace(/(?<=.{3})[sn]$/, "");
				break;
			}
		}
		if (found === undefined) break;
		parts.unshift(found);
	}
	return parts;
}
