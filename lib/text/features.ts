// Turns tokens into a hashed sparse vector: word 1–2-grams, character 2–5-grams inside words,
// negation-marked variants, emoji, punctuation and length cues. Shared by training and inference.
import { hashString } from "./hashing";
import { phrasePolarityOf, wordPolarity } from "./polarity-lexicon";
import { endsClause, type Token } from "./tokenize";

export type FeatureConfig = {
	/** Number of weight slots; a power of two. */
	buckets: number;
	charMin: number;
	charMax: number;
	/** Relative weights of the groups after each group is L2-normalised. */
	wordWeight: number;
	charWeight: number;
	cueWeight: number;
	lexiconWeight: number;
};

export const defaultFeatureConfig: FeatureConfig = {
	buckets: 1 << 18,
	charMin: 2,
	charMax: 5,
	wordWeight: 1,
	charWeight: 1,
	cueWeight: 0.5,
	lexiconWeight: 0.5,
};

export type SparseVector = { indices: Int32Array; values: Float32Array };

// Different salts keep groups apart in the hash space ("w:gut" ≠ char-gram "gut").
const wordSalt = 0x1234567;
const bigramSalt = 0x2345678;
const charSalt = 0x3456789;
const negatedSalt = 0x456789a;
const cueSalt = 0x56789ab;

function mix(hash: number, salt: number): number {
	let h = Math.imul(hash ^ salt, 0x9e3779b1);
	h ^= h >>> 15;
	return Math.imul(h, 0x85ebca6b) >>> 0;
}

/** FNV-1a over a substring, so character n-grams need no string allocation. */
function hashRange(text: string, start: number, end: number, seed: number): number {
	let hash = 0x811c9dc5 ^ seed;
	for (let i = start; i < end; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

type Group = Map<number, number>;

function add(group: Group, hash: number, amount = 1): void {
	group.set(hash, (group.get(hash) ?? 0) + amount);
}

function wordForm(token: Token): string {
	return token.kind === "hashtag" ? `#${token.norm}` : token.norm;
}

function collectWords(tokens: readonly Token[], words: Group, chars: Group, config: FeatureConfig): void {
	let previous: string | undefined;
	for (const token of tokens) {
		if (token.kind === "punct") {
			if (endsClause(token)) previous = undefined;
			continue;
		}
		const form = wordForm(token);
		const salt = token.negated ? negatedSalt : wordSalt;
		add(words, mix(hashString(form), salt));
		if (token.kind === "hashtag") add(words, mix(hashString(token.norm), salt));
		if (previous !== undefined) add(words, mix(hashString(`${previous} ${form}`), bigramSalt));
		previous = token.negated ? `!${form}` : form;
		if (token.kind === "word" || token.kind === "hashtag") addCharGrams(token, chars, config);
	}
}

function addCharGrams(token: Token, chars: Group, config: FeatureConfig): void {
	// Long words add little beyond their first 24 letters and would dominate the group.
	const padded = `<${token.norm.slice(0, 24)}>`;
	const seed = token.negated ? charSalt ^ negatedSalt : charSalt;
	for (let n = config.charMin; n <= config.charMax; n++) {
		for (let i = 0; i + n <= padded.length; i++) add(chars, hashRange(padded, i, i + n, seed + n));
	}
}

function collectCues(tokens: readonly Token[], text: string, cues: Group): void {
	let words = 0;
	for (const token of tokens) {
		if (token.kind === "word") words++;
		if (token.kind === "punct" && (token.norm.startsWith("!") || token.norm.startsWith("?"))) {
			add(cues, mix(hashString(`p:${token.norm}`), cueSalt));
		}
		if (token.shouted) add(cues, mix(hashString("shouted"), cueSalt));
		if (token.isNegationCue) add(cues, mix(hashString("negation"), cueSalt));
	}
	if (/(\p{L})\1\1/u.test(text)) add(cues, mix(hashString("elongated"), cueSalt));
	const lengthBucket = Math.min(8, Math.floor(Math.log2(words + 1)));
	add(cues, mix(hashString(`len:${lengthBucket}`), cueSalt));
	const last = tokens[tokens.length - 1];
	if (last?.kind === "punct") add(cues, mix(hashString(`end:${last.norm}`), cueSalt));
}

/** Counts lexicon hits, split by whether a negation flips them ("nicht gut" → negated positive). */
function collectLexicon(tokens: readonly Token[], lexicon: Group): void {
	let previous: Token | undefined;
	for (const token of tokens) {
		if (token.kind !== "word") {
			previous = undefined;
			continue;
		}
		const phrase = previous ? phrasePolarityOf(previous.norm, token.norm) : 0;
		const polarity = phrase !== 0 ? phrase : wordPolarity(token.norm);
		if (polarity !== 0) {
			const flipped = token.negated && phrase === 0;
			add(lexicon, mix(hashString(`lex:${polarity > 0 ? "pos" : "neg"}${flipped ? ":negated" : ""}`), cueSalt));
		}
		previous = token;
	}
}

/**
 * A dense scratch vector with a list of touched slots: summing into it is much cheaper than
 * into a Map, and it is reset after each use. Feature extraction is synchronous, so one per
 * bucket size is enough.
 */
type Accumulator = { values: Float64Array; touched: number[] };
const accumulators = new Map<number, Accumulator>();

function accumulatorFor(buckets: number): Accumulator {
	let accumulator = accumulators.get(buckets);
	if (accumulator === undefined) {
		accumulator = { values: new Float64Array(buckets), touched: [] };
		accumulators.set(buckets, accumulator);
	}
	return accumulator;
}

function accumulate(accumulator: Accumulator, index: number, value: number): void {
	if (accumulator.values[index] === 0) accumulator.touched.push(index);
	accumulator.values[index] = (accumulator.values[index] as number) + value;
}

function appendNormalised(
	group: Group,
	weight: number,
	accumulator: Accumulator,
	mask: number,
	domainSalt: number,
): void {
	let norm = 0;
	for (const count of group.values()) norm += count * count;
	if (norm === 0) return;
	const scale = weight / Math.sqrt(norm);
	for (const [hash, count] of group) {
		const index = hash & mask;
		accumulate(accumulator, index, count * scale);
		if (domainSalt !== 0) accumulate(accumulator, mix(index, domainSalt) & mask, count * scale);
	}
}

/**
 * Builds the feature vector. `domain` (e.g. "feedback", "tweet") adds a domain-specific copy of
 * every feature next to the shared one — Daumé III's "frustratingly easy domain adaptation" —
 * so the model can learn what differs between tweets and customer feedback.
 */
export function extractFeatures(
	tokens: readonly Token[],
	text: string,
	config: FeatureConfig,
	domain?: string,
): SparseVector {
	const words: Group = new Map();
	const chars: Group = new Map();
	const cues: Group = new Map();
	const lexicon: Group = new Map();
	collectLexicon(tokens, lexicon);
	collectWords(tokens, words, chars, config);
	collectCues(tokens, text, cues);
	const mask = config.buckets - 1;
	const domainSalt = domain === undefined ? 0 : hashString(`domain:${domain}`) | 1;
	const accumulator = accumulatorFor(config.buckets);
	appendNormalised(words, config.wordWeight, accumulator, mask, domainSalt);
	appendNormalised(chars, config.charWeight, accumulator, mask, domainSalt);
	appendNormalised(cues, config.cueWeight, accumulator, mask, domainSalt);
	appendNormalised(lexicon, config.lexiconWeight, accumulator, mask, domainSalt);
	if (domain !== undefined) accumulate(accumulator, mix(1, domainSalt) & mask, 1);
	const { touched } = accumulator;
	const indices = new Int32Array(touched.length);
	const values = new Float32Array(touched.length);
	touched.forEach((index, i) => {
		indices[i] = index;
		values[i] = accumulator.values[index] as number;
		accumulator.values[index] = 0;
	});
	touched.length = 0;
	return { indices, values };
}
