// Contacts: create, edit, list with filters, and the GDPR pair — export everything about one contact, erase it.
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Page } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { redactOutboundEmails } from "../../../platform/mail/mailer";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type {
	ContactDetailView,
	ContactExportView,
	ContactQuery,
	ContactView,
	CreateContactInput,
	UpdateContactInput,
} from "../contract";
import { contactListMembers, contactLists, contacts, emailCampaigns, emailInvitations } from "../schema";
import { getContactInOrg, getContactListInOrg, toContactView } from "./load";

/** A LIKE pattern matching `text` literally anywhere. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function getContactDetail(db: Db, organizationId: string, id: string): Promise<ContactDetailView> {
	const row = await getContactInOrg(db, organizationId, id);
	const lists = await db
		.select({ id: contactLists.id, name: contactLists.name, addedAt: contactListMembers.addedAt })
		.from(contactListMembers)
		.innerJoin(contactLists, eq(contactLists.id, contactListMembers.listId))
		.where(and(eq(contactListMembers.organizationId, organizationId), eq(contactListMembers.contactId, id)))
		.orderBy(asc(contactLists.name));
	return { ...toContactView(row), lists: lists.map((l) => ({ ...l, addedAt: l.addedAt.toISOString() })) };
}

export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<ContactDetailView> {
	const id = await ctx.db.transaction(async (tx) => {
		for (const listId of input.listIds) await getContactListInOrg(tx, ctx.organizationId, listId);
		const [row] = await tx
			.insert(contacts)
			.values({
				organizationId: ctx.organizationId,
				email: input.email,
				name: input.name ?? null,
				language: input.language,
				externalId: input.externalId ?? null,
				attributes: input.attributes,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning({ id: contacts.id });
		if (!row) throw new Error("contact not written");
		if (input.listIds.length > 0) {
			await tx.insert(contactListMembers).values(
				input.listIds.map((listId) => ({
					organizationId: ctx.organizationId,
					listId,
					contactId: row.id,
					addedAt: ctx.now,
				})),
			);
		}
		await recordAudit(tx, ctx, "contact.created", { type: "contact", id: row.id });
		return row.id;
	});
	return getContactDetail(ctx.db, ctx.organizationId, id);
}

export async function updateContact(ctx: Ctx, id: string, input: UpdateContactInput): Promise<ContactDetailView> {
	await ctx.db.transaction(async (tx) => {
		const current = await getContactInOrg(tx, ctx.organizationId, id);
		const { unsubscribed, ...fields } = input;
		const unsubscribedAt =
			unsubscribed === undefined ? current.unsubscribedAt : unsubscribed ? (current.unsubscribedAt ?? ctx.now) : null;
		await tx
			.update(contacts)
			.set({ ...fields, unsubscribedAt, updatedAt: ctx.now })
			.where(and(eq(contacts.organizationId, ctx.organizationId), eq(contacts.id, id)));
		await recordAudit(tx, ctx, "contact.updated", { type: "contact", id }, { fields: Object.keys(input) });
	});
	return getContactDetail(ctx.db, ctx.organizationId, id);
}

export async function findContacts(ctx: Ctx, query: ContactQuery): Promise<Page<ContactView>> {
	const pattern = query.q ? containsPattern(query.q) : undefined;
	const rows = await ctx.db
		.select({ contact: contacts })
		.from(contacts)
		.where(
			and(
				eq(contacts.organizationId, ctx.organizationId),
				query.listId
					? inArray(
							contacts.id,
							ctx.db
								.select({ id: contactListMembers.contactId })
								.from(contactListMembers)
								.where(
									and(
										eq(contactListMembers.organizationId, ctx.organizationId),
										eq(contactListMembers.listId, query.listId),
									),
								),
						)
					: undefined,
				pattern ? or(ilike(contacts.email, pattern), ilike(contacts.name, pattern)) : undefined,
				query.status === "unsubscribed" ? isNotNull(contacts.unsubscribedAt) : undefined,
				query.status === "bounced" ? isNotNull(contacts.bouncedAt) : undefined,
				query.status === "reachable" ? and(isNull(contacts.unsubscribedAt), isNull(contacts.bouncedAt)) : undefined,
				afterCursor(query.cursor, { column: contacts.createdAt, kind: "time" }, contacts.id, "desc"),
			),
		)
		.orderBy(desc(contacts.createdAt), desc(contacts.id))
		.limit(query.limit + 1);
	return toPage(
		rows.map((r) => r.contact),
		query.limit,
		toContactView,
		(r) => [r.createdAt, r.id],
	);
}

/** Everything stored about the contact in this module (GDPR Art. 15 and 20). */
export async function exportContact(ctx: Ctx, id: string): Promise<ContactExportView> {
	const contact = await getContactDetail(ctx.db, ctx.organizationId, id);
	const invitations = await ctx.db
		.select({ invitation: emailInvitations, campaignName: emailCampaigns.name })
		.from(emailInvitations)
		.innerJoin(emailCampaigns, eq(emailCampaigns.id, emailInvitations.campaignId))
		.where(and(eq(emailInvitations.organizationId, ctx.organizationId), eq(emailInvitations.contactId, id)))
		.orderBy(asc(emailInvitations.createdAt));
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	await recordAudit(ctx.db, ctx, "contact.exported", { type: "contact", id });
	return {
		exportedAt: ctx.now.toISOString(),
		contact,
		invitations: invitations.map(({ invitation: i, campaignName }) => ({
			id: i.id,
			campaignId: i.campaignId,
			campaignName,
			surveyId: i.surveyId,
			status: i.status,
			sentAt: iso(i.sentAt),
			remindedAt: iso(i.remindedAt),
			clickedAt: iso(i.clickedAt),
			respondedAt: iso(i.respondedAt),
			responseId: i.responseId,
			unsubscribedAt: iso(i.unsubscribedAt),
		})),
	};
}

/**
 * Erases the contact (GDPR Art. 17): the row and its list memberships go, the emails sent to it are redacted,
 * and its invitations stay without a contact so that campaign numbers do not change.
 */
export async function eraseContact(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getContactInOrg(tx, ctx.organizationId, id);
		const sent = await tx
			.select({ emailId: emailInvitations.emailId, reminderEmailId: emailInvitations.reminderEmailId })
			.from(emailInvitations)
			.where(and(eq(emailInvitations.organizationId, ctx.organizationId), eq(emailInvitations.contactId, id)));
		const emailIds = sent.flatMap((s) => [s.emailId, s.reminderEmailId]).filter((e): e is string => e !== null);
		await redactOutboundEmails(tx, ctx.organizationId, emailIds);
		await tx.delete(contacts).where(and(eq(contacts.organizationId, ctx.organizationId), eq(contacts.id, id)));
		await recordAudit(tx, ctx, "contact.erased", { type: "contact", id });
	});
}
