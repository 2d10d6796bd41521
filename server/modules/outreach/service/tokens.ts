// Signed invitation tokens: the invitation id plus an HMAC-SHA256 under the organization's secret, one purpose
// per key derivation, so a survey token cannot unsubscribe and an unsubscribe token cannot answer.
import { createHmac, timingSafeEqual } from "node:crypto";

export type TokenPurpose = "survey" | "unsubscribe";

const TOKEN = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/;

function signatureOf(secret: string, purpose: TokenPurpose, compactId: string): Buffer {
	// 128 bits of the MAC are plenty against forgery (NIST SP 800-107 §5.3.4 allows truncation to ≥ 64 bits).
	return createHmac("sha256", secret).update(`${purpose}:${compactId}`).digest().subarray(0, 16);
}

/** `<invitation id without dashes>.<signature>`, URL-safe, 55 characters. */
export function signInvitationToken(secret: string, purpose: TokenPurpose, invitationId: string): string {
	const compactId = invitationId.replace(/-/g, "").toLowerCase();
	return `${compactId}.${signatureOf(secret, purpose, compactId).toString("base64url")}`;
}

/** The invitation id a token names, before its signature is checked (undefined when malformed). */
export function invitationIdOf(token: string): string | undefined {
	const match = TOKEN.exec(token);
	const hex = match?.[1];
	if (!hex) return undefined;
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isTokenSignatureValid(secret: string, purpose: TokenPurpose, token: string): boolean {
	const match = TOKEN.exec(token);
	if (!match?.[1] || !match[2]) return false;
	// Compared as text: base64url's last character carries spare bits, so decoding would accept look-alikes.
	const given = Buffer.from(match[2]);
	const expected = Buffer.from(signatureOf(secret, purpose, match[1]).toString("base64url"));
	return given.length === expected.length && timingSafeEqual(given, expected);
}
