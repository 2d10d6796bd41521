// Counts the terms of a batch of texts (stems and two-word phrases, stopwords dropped) as the
// input of emerging-topic detection. Each term counts once per document.
import { stemWord } from "./stem";
import { endsClause, type Token } from "./tokenize";

const stopwords = new Set(
	(
		"der die das den dem des ein eine einer eines einem einen und oder aber ich du er sie es wir ihr mir mich dir dich uns euch " +
		"ist sind war waren bin bist hat haben hatte wird werden wurde mit von zu zum zur im in am an auf aus bei fuer nach vor " +
		"ueber unter um so wie was wer wo auch noch schon nur sehr mal dann denn doch ja nein nicht kein keine man sich dass als " +
		"the a an and or but i you he she it we they me my your our is are was were be been have has had do does did to of in on " +
		"at for with from by as that this these those so very just not no can will would there here what when how why all"
	).split(" "),
);

function isContentWord(token: Token): boolean {
	return (token.kind === "word" || token.kind === "hashtag") && token.norm.length > 2 && !stopwords.has(token.norm);
}

export function countTerms(documents: readonly (readonly Token[])[], language: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const tokens of documents) {
		const seen = new Set<string>();
		let previous: string | undefined;
		for (const token of tokens) {
			if (endsClause(token) || !isContentWord(token)) {
				previous = undefined;
				continue;
			}
			const stem = stemWord(token.norm, language);
			seen.add(stem);
			if (previous !== undefined) seen.add(`${previous} ${stem}`);
			previous = stem;
		}
		for (const term of seen) counts.set(term, (counts.get(term) ?? 0) + 1);
	}
	return counts;
}
