// Multi-label intents (complaint, praise, question, suggestion) from German and English cue
// patterns combined with the sentiment result. Rules, not a model: there is no labelled data.
import { wordPolarity } from "./polarity-lexicon";
import type { SentimentResult } from "./sentiment";
import type { Token } from "./tokenize";

export const intentLabels = ["complaint", "praise", "question", "suggestion"] as const;
export type Intent = (typeof intentLabels)[number];

// Patterns run on the folded token text: words lowercased, umlauts as ae/oe/ue, one space apart.
const questionStart =
	/(?:^|[.!?] )(?:wie|warum|wieso|weshalb|wann|wo|woher|wohin|was|wer|welche[rsnm]?|kann ich|koennen sie|koennt ihr|kannst du|gibt es|gibts|weiss jemand|hat jemand|ist es moeglich|how|why|what|whats|when|where|who|which|is there|are there|is it|can i|can you|could you|do you|does|did you|will|any chance|any news|any update|wondering)\b/;

const complaintCue =
	/\b(?:beschwer\w*|reklamation\w*|unverschaemt\w*|frechheit|zumutung|enttaeusch\w*|katastroph\w*|skandal\w*|nie wieder|nicht akzeptabel|unacceptable|complain\w*|complaint|refund|worst|never again|ridiculous|disappoint\w*|rude|terrible|horrible|awful|frustrat\w*|thanks for nothing|danke fuer nichts|still waiting|warte immer noch|seit \S+ (?:minuten|stunden|tagen|wochen)|for (?:over )?(?:an|\S+) (?:hour|hours|days|weeks))\b/;

const praiseCue =
	/\b(?:danke\w*|vielen dank|dankeschoen|lob\w*|super|toll\w*|klasse|spitze|prima|perfekt|hervorragend|zufrieden|weiter so|thank\w*|thx|kudos|love|loved|awesome|amazing|great job|well done|excellent|fantastic|wonderful|appreciate\w*|best)\b/;

const suggestionCue =
	/\b(?:es waere (?:schoen|toll|gut|super|nett|praktisch|hilfreich)|waere (?:schoen|toll|gut|super|nett|praktisch|hilfreich),? wenn|wie waere es|ich wuensche mir|wir wuenschen uns|wuenschenswert|vorschlag|anregung|ihr solltet|man sollte|sollte(?:n|t)? (?:lieber|mal|besser|endlich|unbedingt)|koennte(?:t|n)? (?:ihr|man|sie) (?:mal|bitte|nicht)|bitte (?:fuegt|bietet|macht|fuehrt|baut|schafft|ergaenzt|einfuehren)|abschaffen|einfuehren|warum (?:nicht|gibt es kein\w*)|please (?:add|consider|bring|offer|make|introduce|allow)|you should|you guys should|should (?:really|have|offer|add|consider|allow|make|be able)|it would be (?:nice|great|good|helpful|better)|would be (?:nice|great|good|helpful|better) (?:if|to)|i wish|would love (?:to see|if|it if)|suggest\w*|feature request|how about|why not|could you (?:add|offer|make|consider)|need to (?:add|offer|fix|improve))\b/;

export function intentText(tokens: readonly Token[]): string {
	return tokens
		.filter((t) => t.kind !== "url" && t.kind !== "mention")
		.map((t) => t.norm)
		.join(" ");
}

function countPolarWords(tokens: readonly Token[], polarity: number): number {
	return tokens.filter((t) => t.kind === "word" && !t.negated && wordPolarity(t.norm) === polarity).length;
}

/**
 * Sentiment decides complaint and praise when it is clear; cue words catch the cases the
 * sentiment model misses ("Beschwerde", "thanks for nothing") and questions/suggestions,
 * which are about form, not feeling.
 */
export function detectIntents(tokens: readonly Token[], sentiment: SentimentResult): Intent[] {
	const text = intentText(tokens);
	const intents: Intent[] = [];
	const { negative, positive } = sentiment.scores;
	const complaintCueFound = complaintCue.test(text);
	const isComplaint =
		sentiment.label === "negative" || complaintCueFound || (negative >= 0.3 && countPolarWords(tokens, -1) > 0);
	if (isComplaint) intents.push("complaint");
	const sarcastic = /\b(?:thanks for nothing|danke fuer nichts)\b/.test(text);
	const praiseCueFound = praiseCue.test(text);
	const isPraise =
		sentiment.label === "positive" ||
		(praiseCueFound && negative < 0.5 && !complaintCueFound) ||
		(positive >= 0.35 && praiseCueFound);
	if (isPraise && !sarcastic) {
		intents.push("praise");
	}
	const hasQuestionMark = tokens.some((t) => t.kind === "punct" && t.norm.includes("?"));
	if (hasQuestionMark || questionStart.test(text)) intents.push("question");
	if (suggestionCue.test(text)) intents.push("suggestion");
	return intents;
}
