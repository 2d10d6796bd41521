// Secrets handed to people (session cookies, invitation links, API keys) are random; only their hash is stored.
import { createHash, randomBytes } from "node:crypto";

export function newSecret(prefix: string): string {
	return `${prefix}_${randomBytes(24).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
	return createHash("sha256").update(secret).digest("hex");
}
