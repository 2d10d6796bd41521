// Theme matching: German inflections and compounds, English phrases, custom taxonomies.
import { describe, expect, it } from "vitest";
import { matchThemes } from "./match";
import { defaultTaxonomy, type Taxonomy } from "./taxonomy";

const themesOf = (text: string, language: string, taxonomy: Taxonomy = defaultTaxonomy) =>
	matchThemes(taxonomy, text, language).map((m) => m.theme);

describe("matchThemes", () => {
	it("matches German inflections and compounds to delivery", () => {
		for (const text of [
			"Die Lieferzeit war zu lang",
			"Zwei Lieferungen fehlen",
			"Es wurde nie geliefert",
			"Die Paketlieferung war schnell",
		]) {
			expect(themesOf(text, "de")).toContain("delivery");
		}
	});

	it("matches German waiting-time words", () => {
		expect(themesOf("Die Wartezeiten sind unerträglich", "de")).toContain("waiting_time");
		expect(themesOf("Ich musste ewig warten", "de")).toContain("waiting_time");
		expect(themesOf("Wir haben lange gewartet", "de")).toContain("waiting_time");
	});

	it("does not match short keywords inside unrelated words", () => {
		expect(themesOf("Meine Mappe ist schön", "de")).not.toContain("app");
		expect(themesOf("Ich lese Zeitung", "de")).toEqual([]);
	});

	it("matches English words and phrases, with more confidence for more evidence", () => {
		const [waiting] = matchThemes(defaultTaxonomy, "I waited on hold for hours", "en");
		expect(waiting?.theme).toBe("waiting_time");
		expect(waiting?.confidence).toBeGreaterThan(0.8);
		const [single] = matchThemes(defaultTaxonomy, "the refund", "en");
		expect(single).toMatchObject({ theme: "returns", confidence: 0.6 });
	});

	it("takes the taxonomy as data", () => {
		const custom: Taxonomy = {
			themes: [
				{
					id: "wifi",
					label: { de: "WLAN", en: "Wi-Fi" },
					keywords: { de: ["WLAN", "Internet"], en: ["wifi"] },
					examples: { de: [], en: [] },
				},
			],
		};
		expect(themesOf("Das WLAN im Zug ist lahm", "de", custom)).toEqual(["wifi"]);
		expect(themesOf("Das Zug-Internet fällt ständig aus", "de", custom)).toEqual(["wifi"]);
		expect(themesOf("no wifi on board", "en", custom)).toEqual(["wifi"]);
	});
});
