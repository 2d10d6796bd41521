// Aspect sentiment: the sentiment of the clause around a theme's keyword, so "Lieferung schnell,
// aber Verpackung kaputt" can be positive on delivery and negative on product quality.
import { isScopeBreaker } from "./negation";
import { classifyTokens, type SentimentLabel, type SentimentModel } from "./sentiment";
import type { Token } from "./tokenize";

function isClauseBoundary(token: Token): boolean {
	if (token.kind === "punct") return /^[.!?;…]/.test(token.norm);
	// Contrast words start a new opinion; "und"/"and" usually continue the same one.
	return token.kind === "word" && isScopeBreaker(token.norm) && !["und", "and", "oder", "or"].includes(token.norm);
}

/** Tokens of the clause containing the character offset `at`. */
export function clauseAround(tokens: readonly Token[], at: number): Token[] {
	let index = tokens.findIndex((t) => t.start <= at && at < t.end);
	if (index < 0) index = tokens.findIndex((t) => t.start >= at);
	if (index < 0) return [];
	let first = index;
	while (first > 0 && !isClauseBoundary(tokens[first - 1] as Token)) first--;
	let last = index;
	while (last < tokens.length - 1 && !isClauseBoundary(tokens[last + 1] as Token)) last++;
	// Keep closing "!"/"?" with the clause: they carry its tone.
	if (last + 1 < tokens.length && (tokens[last + 1] as Token).kind === "punct") last++;
	return tokens.slice(first, last + 1);
}

export function aspectSentiment(
	model: SentimentModel,
	tokens: readonly Token[],
	text: string,
	at: number,
): SentimentLabel {
	const clause = clauseAround(tokens, at);
	const first = clause[0];
	const last = clause[clause.length - 1];
	if (!first || !last) return "neutral";
	const clauseText = text.slice(first.start, last.end);
	// Offsets are re-based so features that look at the raw text see only the clause.
	return classifyTokens(model, clause, clauseText).label;
}
