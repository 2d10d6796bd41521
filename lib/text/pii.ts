// Redacts personal data from free text before it is shown or exported: e-mail addresses, phone
// numbers, IBANs (checksum-validated), card numbers (Luhn) and street addresses.
import { isValidIban, passesLuhn } from "./pii-checks";

export type PiiType = "email" | "phone" | "iban" | "card" | "address";
export type PiiFinding = { type: PiiType; start: number; end: number };
export type RedactionResult = { text: string; found: PiiFinding[] };

type Detector = { type: PiiType; pattern: RegExp; accept?: (match: string) => boolean };

const digitsOf = (value: string) => value.replace(/\D/g, "");

// Order is priority: when two findings overlap, the earlier detector wins.
const detectors: Detector[] = [
	{ type: "email", pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
	// Groups of four as IBANs are printed, so a following word is never swallowed.
	{ type: "iban", pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi, accept: isValidIban },
	{
		type: "card",
		pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
		accept: (m) => passesLuhn(digitsOf(m)) && digitsOf(m).length >= 13,
	},
	{
		type: "phone",
		// International (+49 …, 0049 …) or national with a leading 0 (030 1234567, 0171/1234567).
		pattern:
			/(?<![\p{L}\p{N}+])(?:(?:\+|00)\d{1,3}[ ./-]?(?:\(0\)[ ]?)?\(?\d{1,5}\)?|\(?0\d{2,5}\)?)(?:[ ./-]?\d{2,}){1,4}(?![\p{N}])/gu,
		accept: (m) => {
			const count = digitsOf(m).length;
			return count >= 7 && count <= 15;
		},
	},
	{
		type: "address",
		pattern:
			/(?<![\p{L}])(?:\p{Lu}[\p{Ll}ß]+[ -])?\p{Lu}?[\p{Ll}ß]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|Straße|Strasse|Weg|Allee|Platz|Gasse|Ring|Damm)\s?\d{1,4}\s?[a-zA-Z]?(?![\p{L}\p{N}])/gu,
	},
	// North American numbers without a country code: "(555) 123-4567", "555-123-4567".
	{ type: "phone", pattern: /(?<![\p{N}])\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?![\p{N}])/gu },
	{
		type: "address",
		pattern:
			/\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Court|Ct\.?|Place|Pl\.?|Terrace|Square)(?![\p{L}])/gu,
	},
];

const placeholders: Record<PiiType, string> = {
	email: "[email]",
	phone: "[phone]",
	iban: "[iban]",
	card: "[card]",
	address: "[address]",
};

function findAll(text: string): PiiFinding[] {
	const accepted: PiiFinding[] = [];
	for (const detector of detectors) {
		for (const match of text.matchAll(detector.pattern)) {
			const start = match.index ?? 0;
			const end = start + match[0].length;
			if (detector.accept && !detector.accept(match[0])) continue;
			if (accepted.some((f) => start < f.end && end > f.start)) continue;
			accepted.push({ type: detector.type, start, end });
		}
	}
	return accepted.sort((a, b) => a.start - b.start);
}

function replaceFindings(text: string, found: readonly PiiFinding[]): string {
	let out = "";
	let cursor = 0;
	for (const finding of found) {
		out += text.slice(cursor, finding.start) + placeholders[finding.type];
		cursor = finding.end;
	}
	return out + text.slice(cursor);
}

/**
 * Replaces each finding with a placeholder such as "[email]"; `found` gives positions in the
 * input. Replacing can join pieces into a new match ("a@b.de" left of a removed number), so it
 * repeats until nothing is found — which also makes redaction idempotent.
 */
export function redactPii(text: string): RedactionResult {
	const found = findAll(text);
	let redacted = replaceFindings(text, found);
	for (let round = 0; round < 5; round++) {
		const more = findAll(redacted);
		if (more.length === 0) break;
		redacted = replaceFindings(redacted, more);
	}
	return { text: redacted, found };
}
