// Tokenizer shared by sentiment, intents and themes: lowercased, umlaut-folded words plus
// normalised URLs/mentions/hashtags, emoji, punctuation runs, and negation scope marks.
import { isNegationCue, isScopeBreaker, negationWindow } from "./negation";

export type TokenKind = "word" | "number" | "url" | "email" | "mention" | "hashtag" | "emoji" | "punct";

export type Token = {
	kind: TokenKind;
	/** Normalised form: lowercased, ä→ae, ß→ss; placeholders for URL, email, mention, number. */
	norm: string;
	start: number;
	end: number;
	/** Inside the scope of a negation cue ("nicht *gut*"). */
	negated: boolean;
	/** Written in capitals (≥ 3 letters), a common sign of emphasis. */
	shouted: boolean;
	/** The cue itself ("nicht", "don't"). */
	isNegationCue: boolean;
};

// One alternation, tried left to right: the order matters (URL before word, email before mention).
const tokenPattern = new RegExp(
	[
		String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"]+)`,
		String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,})`,
		String.raw`(?<mention>@[\p{L}\p{N}_]+)`,
		String.raw`(?<hashtag>#[\p{L}\p{N}_]+)`,
		String.raw`(?<emoticon>(?<![\p{L}\p{N}])[:;=xX8][-^']?[)(\]\[dDpP/\\|*oO3](?![\p{L}\p{N}])|<3)`,
		String.raw`(?<emoji>\p{Extended_Pictographic}(?:\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic}\u{FE0F}?)*|[\u{1F1E6}-\u{1F1FF}]{2})`,
		String.raw`(?<number>\p{N}+(?:[.,:/]\p{N}+)*)`,
		String.raw`(?<word>[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’-](?=[\p{L}\p{M}]))*)`,
		String.raw`(?<punct>[!?]+|[.…;:,]+|[()\[\]"„“”«»–—])`,
	].join("|"),
	"gu",
);

const umlauts: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** Lowercase and fold umlauts so "Züge", "Zuege" and "ZÜGE" meet. */
export function foldWord(word: string): string {
	return word
		.toLowerCase()
		.replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
		.replace(/’/g, "'");
}

function normalizeToken(kind: TokenKind | "emoticon", raw: string): { kind: TokenKind; norm: string } {
	switch (kind) {
		case "url":
			return { kind, norm: "<url>" };
		case "email":
			return { kind, norm: "<email>" };
		case "mention":
			return { kind, norm: "<user>" };
		case "number":
			return { kind, norm: "<num>" };
		case "hashtag":
			return { kind, norm: foldWord(raw.slice(1)) };
		case "emoticon":
			return { kind: "emoji", norm: raw.toLowerCase().replace("-", "") };
		case "emoji":
			// Skin tones and variation selectors do not change the meaning.
			return { kind, norm: raw.replace(/[\u{FE0F}\u{1F3FB}-\u{1F3FF}]/gu, "") };
		case "punct": {
			const first = raw[0] ?? ".";
			if (first === "!" || first === "?") {
				// "!!!" and "?!" are features of their own; longer runs say nothing more.
				return { kind, norm: raw.length >= 3 ? raw.slice(0, 3) : raw };
			}
			return { kind, norm: first === "…" ? "." : first };
		}
		default:
			return { kind, norm: foldWord(raw) };
	}
}

const clauseEnd = /^[.!?;:,()[\]"„“”«»–—]/;

/** True for punctuation that closes a clause and so a negation scope. */
export function endsClause(token: Token): boolean {
	return token.kind === "punct" && clauseEnd.test(token.norm);
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const match of text.matchAll(tokenPattern)) {
		const groups = match.groups ?? {};
		const kind = (Object.keys(groups) as (TokenKind | "emoticon")[]).find((key) => groups[key] !== undefined);
		if (kind === undefined) continue;
		const raw = match[0];
		const { kind: finalKind, norm } = normalizeToken(kind, raw);
		const start = match.index ?? 0;
		tokens.push({
			kind: finalKind,
			norm,
			start,
			end: start + raw.length,
			negated: false,
			shouted: finalKind === "word" && raw.length >= 3 && raw === raw.toUpperCase() && raw !== raw.toLowerCase(),
			isNegationCue: finalKind === "word" && isNegationCue(norm),
		});
	}
	markNegationScope(tokens);
	return tokens;
}

/**
 * Marks the words after a negation cue until punctuation, a contrast word or a few words.
 * German often puts "nicht" after what it negates ("gefällt mir nicht"), so a cue that ends
 * its clause negates the words before it instead.
 */
function markNegationScope(tokens: Token[]): void {
	for (let i = 0; i < tokens.length; i++) {
		const cue = tokens[i];
		if (!cue?.isNegationCue) continue;
		let marked = 0;
		let j = i + 1;
		for (; j < tokens.length && marked < negationWindow; j++) {
			const token = tokens[j] as Token;
			if (endsClause(token) || (token.kind === "word" && isScopeBreaker(token.norm))) break;
			if (token.isNegationCue) break;
			token.negated = true;
			if (token.kind === "word") marked++;
		}
		const endsItsClause = j >= tokens.length || endsClause(tokens[j] as Token);
		if (marked === 0 && endsItsClause && (cue.norm === "nicht" || cue.norm === "nie" || cue.norm === "kaum")) {
			let back = 0;
			for (let k = i - 1; k >= 0 && back < 2; k--) {
				const token = tokens[k] as Token;
				if (endsClause(token) || token.isNegationCue) break;
				token.negated = true;
				if (token.kind === "word") back++;
			}
		}
	}
}
