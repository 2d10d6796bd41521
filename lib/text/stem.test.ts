// Light stemmers and the compound splitter used by theme matching.
import { describe, expect, it } from "vitest";
import { splitGermanCompound, stemEnglish, stemGerman } from "./stem";
import { foldWord } from "./tokenize";

const de = (word: string) => stemGerman(foldWord(word));

describe("stemGerman", () => {
	it("brings inflections and participles together", () => {
		expect(new Set(["Lieferung", "Lieferungen", "liefern", "geliefert"].map(de))).toEqual(new Set(["liefer"]));
		expect(de("warten")).toBe(de("gewartet"));
		expect(de("Preise")).toBe(de("Preis"));
		expect(de("Verspätung")).toBe(de("Verspätungen"));
	});
});

describe("stemEnglish", () => {
	it("handles plurals, -ed and -ing", () => {
		expect(["delivered", "deliver"].map(stemEnglish)).toEqual(["deliver", "deliver"]);
		expect(stemEnglish("shipping")).toBe("ship");
		expect(stemEnglish("prices")).toBe("price");
		expect(stemEnglish("deliveries")).toBe("delivery");
	});
});

describe("splitGermanCompound", () => {
	const known = new Set(["liefer", "zeit", "wart", "paket"]);
	it("splits known parts from the right", () => {
		expect(splitGermanCompound("lieferzeiten", known)).toEqual(["liefer", "zeit"]);
		expect(splitGermanCompound("paketlieferung", known)).toEqual(["paket", "liefer"]);
		expect(splitGermanCompound("wartezeit", known)).toEqual(["wart", "zeit"]);
		expect(splitGermanCompound("fahrrad", known)).toEqual([]);
	});
});
