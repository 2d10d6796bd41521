// PII redaction: examples per type and fast-check properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactPii } from "./pii";
import { isValidIban, passesLuhn } from "./pii-checks";

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

describe("redactPii", () => {
	it("redacts each kind and reports positions in the input", () => {
		const text =
			"Mail max.muster@example.de, Tel. +49 30 1234567, IBAN DE89 3704 0044 0532 0130 00, Karte 4111 1111 1111 1111, Musterstraße 12a";
		const result = redactPii(text);
		expect(result.text).toBe("Mail [email], Tel. [phone], IBAN [iban], Karte [card], [address]");
		expect(result.found.map((f) => f.type)).toEqual(["email", "phone", "iban", "card", "address"]);
		expect(text.slice(result.found[0]?.start, result.found[0]?.end)).toBe("max.muster@example.de");
	});

	it("redacts national phone numbers and English addresses", () => {
		expect(redactPii("Ruf an: 0171/1234567").text).toBe("Ruf an: [phone]");
		expect(redactPii("call (555) 123-4567").text).toBe("call [phone]");
		expect(redactPii("ship to 12 Main Street today").text).toBe("ship to [address] today");
	});

	it("leaves numbers that fail their checksum or are dates and times", () => {
		expect(redactPii("Karte 4111 1111 1111 1112").found.map((f) => f.type)).not.toContain("card");
		expect(redactPii("Am 07.05.2015 um 17.43 Uhr, ICE 1082, 27 Euro").found).toEqual([]);
	});

	it("validates checksums", () => {
		expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
		expect(isValidIban("DE89 3704 0044 0532 0130 01")).toBe(false);
		expect(isValidIban("GB82WEST12345698765432")).toBe(true);
		expect(passesLuhn("4111111111111111")).toBe(true);
		expect(passesLuhn("4111111111111112")).toBe(false);
	});
});

describe("redactPii properties", () => {
	const textWithPii = fc
		.array(
			fc.oneof(
				fc.string({ maxLength: 20 }),
				fc.emailAddress(),
				fc.stringMatching(/^\+49 \d{2,4} \d{5,8}$/),
				fc.constantFrom("DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111", "Hauptstraße 5", "12 Main Street"),
			),
			{ maxLength: 8 },
		)
		.map((parts) => parts.join(" "));

	it("never throws and is idempotent", () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: "binary" }), textWithPii), (text) => {
				const once = redactPii(text).text;
				expect(redactPii(once).text).toBe(once);
			}),
		);
	});

	it("lets no e-mail address survive", () => {
		fc.assert(
			fc.property(textWithPii, (text) => {
				expect(emailPattern.test(redactPii(text).text)).toBe(false);
			}),
		);
	});

	it("reports in-bounds, ordered, non-overlapping findings", () => {
		fc.assert(
			fc.property(textWithPii, (text) => {
				let previousEnd = 0;
				for (const finding of redactPii(text).found) {
					expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
					expect(finding.end).toBeLessThanOrEqual(text.length);
					previousEnd = finding.end;
				}
			}),
		);
	});
});
