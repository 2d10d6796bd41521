// Checksums that tell real account and card numbers from look-alike digit runs.

/** ISO 13616 IBAN check: move the first four characters to the end, letters → 10..35, mod 97 = 1. */
export function isValidIban(candidate: string): boolean {
	const iban = candidate.replace(/\s+/g, "").toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
	const rearranged = iban.slice(4) + iban.slice(0, 4);
	let remainder = 0;
	for (const char of rearranged) {
		const value = char >= "A" ? String(char.charCodeAt(0) - 55) : char;
		for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
	}
	return remainder === 1;
}

/** Luhn (mod 10) check used by payment card numbers. */
export function passesLuhn(digits: string): boolean {
	let sum = 0;
	let double = false;
	for (let i = digits.length - 1; i >= 0; i--) {
		let d = digits.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return false;
		if (double) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
		double = !double;
	}
	return digits.length > 0 && sum % 10 === 0;
}
