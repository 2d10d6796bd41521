// The addresses of a case's email conversation: its reply address `<local>+c-<token>@<domain>` (the token is an
// HMAC of the case id under the organization's secret, stored so that an inbound reply finds its case) and the
// RFC 5322 Message-IDs of the messages (`<case-<message id>@<domain>>`) that clients quote in In-Reply-To.
import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Config } from "../../../platform/config";
import type { Db } from "../../../platform/db";
import { caseReplyTokens } from "../schema-loop";
import { ensureLoopSettings } from "./inbound-settings";

const TOKEN_LENGTH = 24;
const TOKEN_IN_ADDRESS = new RegExp(`\\+c-([0-9a-f]{${TOKEN_LENGTH}})@`, "i");

/** 96 bits of HMAC-SHA256 as lower-case hex: unguessable, and safe in a local part that providers may lower-case. */
export function replyTokenOf(secret: string, caseId: string): string {
	return createHmac("sha256", secret).update(`reply:${caseId}`).digest("hex").slice(0, TOKEN_LENGTH);
}

/** The case's reply token, stored on first use (a concurrent first use writes the same value). */
export async function ensureReplyToken(db: Db, organizationId: string, caseId: string): Promise<string> {
	const settings = await ensureLoopSettings(db, organizationId);
	const token = replyTokenOf(settings.tokenSecret, caseId);
	await db.insert(caseReplyTokens).values({ caseId, organizationId, token }).onConflictDoNothing();
	return token;
}

export const replyAddressOf = (config: Pick<Config, "replyAddress">, token: string) =>
	`${config.replyAddress.local}+c-${token}@${config.replyAddress.domain}`;

/** The reply token in any of the recipients (`To` may list several, with display names). */
export function replyTokenInRecipients(to: string): string | undefined {
	return TOKEN_IN_ADDRESS.exec(to)?.[1]?.toLowerCase();
}

/** The case a reply token belongs to, in this organization. */
export async function caseIdOfReplyToken(db: Db, organizationId: string, token: string): Promise<string | undefined> {
	const [row] = await db
		.select({ caseId: caseReplyTokens.caseId })
		.from(caseReplyTokens)
		.where(and(eq(caseReplyTokens.organizationId, organizationId), eq(caseReplyTokens.token, token)));
	return row?.caseId;
}

export const messageIdOf = (config: Pick<Config, "replyAddress">, messageRowId: string) =>
	`<case-${messageRowId}@${config.replyAddress.domain}>`;

/** The Message-IDs (`<…>`) named in In-Reply-To / References, most recent last. */
export function messageIdsIn(headers: (string | string[] | undefined)[]): string[] {
	const ids: string[] = [];
	for (const header of headers) {
		const values = Array.isArray(header) ? header : header ? [header] : [];
		for (const value of values) {
			const found = value.match(/<[^<>\s]{1,900}>/g);
			const bare = value.trim();
			if (found) ids.push(...found);
			else if (/^[^<>\s]{1,900}$/.test(bare)) ids.push(`<${bare}>`);
		}
	}
	return ids;
}

/** The bare address of `Name <a@b>` or `a@b` (lower-cased domain), or undefined. */
export function bareAddressOf(from: string): string | undefined {
	const bare = (/<([^<>]+)>/.exec(from)?.[1] ?? from).trim();
	const at = bare.lastIndexOf("@");
	if (at <= 0 || at === bare.length - 1 || /\s/.test(bare)) return undefined;
	return `${bare.slice(0, at)}@${bare.slice(at + 1).toLowerCase()}`;
}
