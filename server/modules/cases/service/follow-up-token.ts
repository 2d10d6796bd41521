// Follow-up links: `<follow-up id without dashes>.<HMAC-SHA256 under the organization's secret, 128 bits>`, so a
// customer can answer their own follow-up and no other. The id names the row; the signature proves the link.
import { createHmac, timingSafeEqual } from "node:crypto";

const TOKEN = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/;

const signatureOf = (secret: string, compactId: string) =>
	createHmac("sha256", secret).update(`follow-up:${compactId}`).digest().subarray(0, 16).toString("base64url");

export function signFollowUpToken(secret: string, followUpId: string): string {
	const compactId = followUpId.replace(/-/g, "").toLowerCase();
	return `${compactId}.${signatureOf(secret, compactId)}`;
}

/** The follow-up id a token names, before its signature is checked (undefined when malformed). */
export function followUpIdOf(token: string): string | undefined {
	const hex = TOKEN.exec(token)?.[1];
	if (!hex) return undefined;
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isFollowUpTokenValid(secret: string, token: string): boolean {
	const match = TOKEN.exec(token);
	if (!match?.[1] || !match[2]) return false;
	// Compared as text: base64url's last character carries spare bits, so decoding would accept look-alikes.
	const given = Buffer.from(match[2]);
	const expected = Buffer.from(signatureOf(secret, match[1]));
	return given.length === expected.length && timingSafeEqual(given, expected);
}
