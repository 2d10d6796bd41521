// Stripping the quoted earlier mail from a reply: the attribution lines of common clients (German and English),
// "> " quotes, Outlook's header block and signatures; and properties that hold for any input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripQuotedText } from "./quoted-text";

describe("stripQuotedText", () => {
	it.each([
		["Danke!\n\nAm 25.11.2026 um 10:00 schrieb Loupe <loupe@localhost>:\n> Hallo", "Danke!"],
		["Thanks\n\nOn Tue, Nov 25, 2026 at 10:00 AM Loupe <loupe@localhost> wrote:\n> Hi", "Thanks"],
		["Thanks\nOn Tue, Nov 25, 2026 at 10:00 AM Loupe\n<loupe@localhost> wrote:\n> Hi", "Thanks"],
		["Ok\n-----Original Message-----\nFrom: x", "Ok"],
		["Ok\n-----Ursprüngliche Nachricht-----\nVon: x", "Ok"],
		["Gut\n\nVon: Loupe <loupe@localhost>\nGesendet: Dienstag\nBetreff: x", "Gut"],
		["Fine\n\nFrom: Loupe\nSent: Tuesday\nTo: me", "Fine"],
		["Line one\nLine two\n-- \nErika Muster\nTel 123", "Line one\nLine two"],
		["Answer\r\n> quoted\r\n> more", "Answer"],
		["Nothing quoted here.\nOn second thought, all good.", "Nothing quoted here.\nOn second thought, all good."],
	])("%j → %j", (input, expected) => {
		expect(stripQuotedText(input)).toBe(expected);
	});

	it("never grows the text, keeps a prefix of it and is idempotent (property)", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (text) => {
				const stripped = stripQuotedText(text);
				expect(stripped.length).toBeLessThanOrEqual(text.length);
				expect(text.replace(/\r\n?/g, "\n").includes(stripped)).toBe(true);
				expect(stripQuotedText(stripped)).toBe(stripped);
			}),
		);
	});
});
