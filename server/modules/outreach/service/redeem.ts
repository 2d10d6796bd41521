// Invitation tokens as the surveys and responses modules use them: open a link (records the click), redeem
// the token when a response completes (signature checked, single use), and mark the invitation answered.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { emailInvitations, outreachSettings } from "../schema";
import { invitationIdOf, isTokenSignatureValid, type TokenPurpose } from "./tokens";

export type RedeemedInvitation = {
	invitationId: string;
	/** Null when the contact has been erased since. */
	contactId: string | null;
	surveyId: string;
	organizationId: string;
};

type InvitationRow = typeof emailInvitations.$inferSelect;

/** The invitation a correctly signed token names (undefined for anything else: malformed, forged, unknown). */
export async function findInvitationByToken(
	db: Db,
	token: string,
	purpose: TokenPurpose,
	lock = false,
): Promise<InvitationRow | undefined> {
	const id = invitationIdOf(token);
	if (!id) return undefined;
	const query = db
		.select({ invitation: emailInvitations, secret: outreachSettings.tokenSecret })
		.from(emailInvitations)
		.innerJoin(outreachSettings, eq(outreachSettings.organizationId, emailInvitations.organizationId))
		.where(eq(emailInvitations.id, id));
	const [row] = lock ? await query.for("update", { of: emailInvitations }) : await query;
	if (!row || !isTokenSignatureValid(row.secret, purpose, token)) return undefined;
	return row.invitation;
}

/**
 * Checks a survey token inside the caller's transaction (the row is locked until it commits): signed by the
 * organization's key, not yet answered, and — when given — for this survey. Throws `invalid` for a forged,
 * malformed or foreign token and `conflict` when it was used already.
 */
export async function redeemInvitationToken(
	tx: Db,
	token: string,
	expected: { surveyId?: string } = {},
): Promise<RedeemedInvitation> {
	const invitation = await findInvitationByToken(tx, token, "survey", true);
	if (!invitation || (expected.surveyId && invitation.surveyId !== expected.surveyId)) {
		throw new AppError("invalid", "invitationToken: this invitation link is not valid");
	}
	if (invitation.respondedAt) throw new AppError("conflict", "This invitation has already been answered");
	return {
		invitationId: invitation.id,
		contactId: invitation.contactId,
		surveyId: invitation.surveyId,
		organizationId: invitation.organizationId,
	};
}

/** Marks the invitation answered by `responseId`, in the transaction that stores the response; exactly once. */
export async function markInvitationResponded(
	tx: Db,
	invitationId: string,
	responseId: string,
	now = new Date(),
): Promise<void> {
	const updated = await tx
		.update(emailInvitations)
		.set({ respondedAt: now, responseId, clickedAt: sql`coalesce(${emailInvitations.clickedAt}, ${now})` })
		.where(and(eq(emailInvitations.id, invitationId), isNull(emailInvitations.respondedAt)))
		.returning({ id: emailInvitations.id });
	if (updated.length === 0) throw new AppError("conflict", "This invitation has already been answered");
}

export type InvitationLinkState =
	| { state: "open"; surveyId: string; organizationId: string; language: "de" | "en" }
	| { state: "answered"; surveyId: string; organizationId: string; language: "de" | "en" }
	| { state: "invalid" };

/** For the public survey page: what a `?t=` token is, recording the first click (no tracking pixel needed). */
export async function openInvitationLink(db: Db, token: string, now = new Date()): Promise<InvitationLinkState> {
	const invitation = await findInvitationByToken(db, token, "survey");
	if (!invitation) return { state: "invalid" };
	const about = {
		surveyId: invitation.surveyId,
		organizationId: invitation.organizationId,
		language: invitation.language,
	};
	if (invitation.respondedAt) return { state: "answered", ...about };
	if (!invitation.clickedAt) {
		await db
			.update(emailInvitations)
			.set({ clickedAt: now })
			.where(and(eq(emailInvitations.id, invitation.id), isNull(emailInvitations.clickedAt)));
	}
	return { state: "open", ...about };
}
