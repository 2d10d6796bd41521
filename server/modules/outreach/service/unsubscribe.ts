// Opting out and bouncing: the unsubscribe link of every email (a confirm step, so that mail scanners that
// follow links do not unsubscribe anyone), and the provider's bounce/complaint notifications (webhook).
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { recordAudit } from "../../admin/service/audit";
import { getOrganization } from "../../admin/service/organizations";
import type { EmailEventsInput, EmailEventsView } from "../contract";
import { contacts, emailInvitations } from "../schema";
import { findInvitationByToken } from "./redeem";

export type UnsubscribePage =
	| { state: "confirm" | "done"; language: "de" | "en"; organizationName: string }
	| { state: "invalid" };

async function pageOf(
	db: Db,
	invitation: typeof emailInvitations.$inferSelect,
	isDone: boolean,
): Promise<UnsubscribePage> {
	const organization = await getOrganization(db, invitation.organizationId);
	return { state: isDone ? "done" : "confirm", language: invitation.language, organizationName: organization.name };
}

/** What the unsubscribe page shows for a token (GET: changes nothing). */
export async function describeUnsubscribe(db: Db, token: string): Promise<UnsubscribePage> {
	const invitation = await findInvitationByToken(db, token, "unsubscribe");
	if (!invitation) return { state: "invalid" };
	const [contact] = invitation.contactId
		? await db
				.select({ unsubscribedAt: contacts.unsubscribedAt })
				.from(contacts)
				.where(eq(contacts.id, invitation.contactId))
		: [];
	return pageOf(db, invitation, !contact || contact.unsubscribedAt !== null);
}

/** Unsubscribes the invitation's contact from all future invitations of the organization (idempotent). */
export async function unsubscribeByToken(db: Db, token: string, now: Date): Promise<UnsubscribePage> {
	const invitation = await findInvitationByToken(db, token, "unsubscribe");
	if (!invitation) return { state: "invalid" };
	await db.transaction(async (tx) => {
		await tx
			.update(emailInvitations)
			.set({ unsubscribedAt: now })
			.where(and(eq(emailInvitations.id, invitation.id), isNull(emailInvitations.unsubscribedAt)));
		if (!invitation.contactId) return;
		const changed = await tx
			.update(contacts)
			.set({ unsubscribedAt: now, updatedAt: now })
			.where(and(eq(contacts.id, invitation.contactId), isNull(contacts.unsubscribedAt)))
			.returning({ id: contacts.id });
		if (changed.length > 0) {
			await recordAudit(
				tx,
				{ organizationId: invitation.organizationId, actor: { type: "public" } },
				"contact.unsubscribed",
				{ type: "contact", id: invitation.contactId },
				{ invitationId: invitation.id },
			);
		}
	});
	return pageOf(db, invitation, true);
}

/**
 * Bounce and complaint notifications of the organization's email provider. A bounce marks the contact bounced
 * (no more invitations) and its latest delivered invitation as bounced; a complaint (marked as spam) unsubscribes.
 */
export async function recordEmailEvents(
	db: Db,
	organizationId: string,
	input: EmailEventsInput,
	now: Date,
): Promise<EmailEventsView> {
	return db.transaction(async (tx) => {
		const emails = [...new Set(input.events.map((e) => e.email))];
		const known = await tx
			.select({ id: contacts.id, email: contacts.email })
			.from(contacts)
			.where(and(eq(contacts.organizationId, organizationId), inArray(contacts.email, emails)));
		const idOf = new Map(known.map((c) => [c.email, c.id]));
		let recorded = 0;
		for (const event of input.events) {
			const contactId = idOf.get(event.email);
			if (!contactId) continue;
			recorded++;
			const at = event.occurredAt ? new Date(event.occurredAt) : now;
			if (event.type === "complaint") {
				await tx
					.update(contacts)
					.set({ unsubscribedAt: at, updatedAt: now })
					.where(and(eq(contacts.id, contactId), isNull(contacts.unsubscribedAt)));
				continue;
			}
			const reason = event.reason ?? "bounced (provider notification)";
			await tx
				.update(contacts)
				.set({ bouncedAt: at, bounceReason: reason, updatedAt: now })
				.where(and(eq(contacts.id, contactId), isNull(contacts.bouncedAt)));
			const [latest] = await tx
				.select({ id: emailInvitations.id })
				.from(emailInvitations)
				.where(and(eq(emailInvitations.contactId, contactId), eq(emailInvitations.status, "sent")))
				.orderBy(desc(emailInvitations.sentAt))
				.limit(1);
			if (latest) {
				await tx
					.update(emailInvitations)
					.set({ status: "bounced", deliveryError: reason })
					.where(eq(emailInvitations.id, latest.id));
			}
		}
		await recordAudit(
			tx,
			{ organizationId, actor: { type: "public" } },
			"email_events.received",
			{ type: "organization", id: organizationId },
			{
				events: input.events.length,
				recorded,
			},
		);
		return { recorded, unknown: input.events.length - recorded };
	});
}
