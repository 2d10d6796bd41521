// Tokenizer: normalisation, special tokens and negation scope.
import { describe, expect, it } from "vitest";
import { foldWord, tokenize } from "./tokenize";

const negated = (text: string) =>
	tokenize(text)
		.filter((t) => t.negated)
		.map((t) => t.norm);

describe("tokenize", () => {
	it("lowercases and folds umlauts", () => {
		expect(tokenize("Züge GROẞ Straße").map((t) => t.norm)).toEqual(["zuege", "gross", "strasse"]);
		expect(foldWord("Übermäßig")).toBe("uebermaessig");
	});

	it("normalises URLs, mentions, e-mails, numbers and hashtags", () => {
		const kinds = tokenize("@DB_Bahn siehe https://t.co/x oder a@b.de, 12:30 #Streik").map(
			(t) => `${t.kind}:${t.norm}`,
		);
		expect(kinds).toEqual([
			"mention:<user>",
			"word:siehe",
			"url:<url>",
			"word:oder",
			"email:<email>",
			"punct:,",
			"number:<num>",
			"hashtag:streik",
		]);
	});

	it("keeps emoji and emoticons as tokens and caps punctuation runs", () => {
		const tokens = tokenize("Super 👍🏽 :) !!!!! ?");
		expect(tokens.map((t) => t.norm)).toEqual(["super", "👍", ":)", "!!!", "?"]);
		expect(tokens[1]?.kind).toBe("emoji");
	});

	it("marks negation scope until punctuation or a few words", () => {
		expect(negated("Das ist nicht gut, aber okay")).toEqual(["gut"]);
		expect(negated("not great at all and fine")).toEqual(["great", "at", "all"]);
		expect(negated("kein Problem")).toEqual(["problem"]);
		expect(negated("never again, thanks")).toEqual(["again"]);
		expect(negated("I don't like it")).toEqual(["like", "it"]);
	});

	it("negates backwards when German nicht closes its clause", () => {
		expect(negated("Das gefällt mir nicht.")).toEqual(["gefaellt", "mir"]);
	});

	it("flags shouting", () => {
		expect(tokenize("DAS IST SCHLIMM").every((t) => t.shouted)).toBe(true);
	});

	it("never throws on odd input", () => {
		for (const text of ["", "\u0000\uffff", "\ud800", "🙂".repeat(1000), "a".repeat(100_000)])
			expect(() => tokenize(text)).not.toThrow();
	});
});
