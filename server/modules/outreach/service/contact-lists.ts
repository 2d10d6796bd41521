// Contact lists: create, rename, delete (the contacts stay), list with member counts, add and remove members.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type {
	AddContactListMembersInput,
	ContactListView,
	CreateContactListInput,
	UpdateContactListInput,
} from "../contract";
import { contactListMembers, contactLists, contacts } from "../schema";
import { getContactInOrg, getContactListInOrg, toContactListView } from "./load";

async function memberCountOf(db: Db, organizationId: string, listId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(contactListMembers)
		.where(and(eq(contactListMembers.organizationId, organizationId), eq(contactListMembers.listId, listId)));
	return row?.n ?? 0;
}

export async function getContactList(ctx: Ctx, id: string): Promise<ContactListView> {
	const row = await getContactListInOrg(ctx.db, ctx.organizationId, id);
	return toContactListView(row, await memberCountOf(ctx.db, ctx.organizationId, id));
}

export async function findContactLists(ctx: Ctx, query: PageQuery): Promise<Page<ContactListView>> {
	const rows = await ctx.db
		.select()
		.from(contactLists)
		.where(
			and(
				eq(contactLists.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: contactLists.createdAt, kind: "time" }, contactLists.id, "desc"),
			),
		)
		.orderBy(desc(contactLists.createdAt), desc(contactLists.id))
		.limit(query.limit + 1);
	const ids = rows.map((r) => r.id);
	const counts =
		ids.length === 0
			? []
			: await ctx.db
					.select({ listId: contactListMembers.listId, n: count() })
					.from(contactListMembers)
					.where(
						and(eq(contactListMembers.organizationId, ctx.organizationId), inArray(contactListMembers.listId, ids)),
					)
					.groupBy(contactListMembers.listId);
	const countOf = new Map(counts.map((c) => [c.listId, c.n]));
	return toPage(
		rows,
		query.limit,
		(r) => toContactListView(r, countOf.get(r.id) ?? 0),
		(r) => [r.createdAt, r.id],
	);
}

export async function createContactList(ctx: Ctx, input: CreateContactListInput): Promise<ContactListView> {
	const row = await ctx.db.transaction(async (tx) => {
		const [created] = await tx
			.insert(contactLists)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				description: input.description ?? null,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!created) throw new Error("contact list not written");
		await recordAudit(tx, ctx, "contact_list.created", { type: "contact_list", id: created.id }, { name: input.name });
		return created;
	});
	return toContactListView(row, 0);
}

export async function updateContactList(ctx: Ctx, id: string, input: UpdateContactListInput): Promise<ContactListView> {
	await ctx.db.transaction(async (tx) => {
		await getContactListInOrg(tx, ctx.organizationId, id);
		await tx
			.update(contactLists)
			.set({ ...input, updatedAt: ctx.now })
			.where(and(eq(contactLists.organizationId, ctx.organizationId), eq(contactLists.id, id)));
		await recordAudit(tx, ctx, "contact_list.updated", { type: "contact_list", id }, input);
	});
	return getContactList(ctx, id);
}

/** Deletes the list; its contacts stay (they may be in other lists). */
export async function deleteContactList(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getContactListInOrg(tx, ctx.organizationId, id);
		await tx
			.delete(contactLists)
			.where(and(eq(contactLists.organizationId, ctx.organizationId), eq(contactLists.id, id)));
		await recordAudit(tx, ctx, "contact_list.deleted", { type: "contact_list", id });
	});
}

export async function addContactListMembers(
	ctx: Ctx,
	listId: string,
	input: AddContactListMembersInput,
): Promise<ContactListView> {
	await ctx.db.transaction(async (tx) => {
		await getContactListInOrg(tx, ctx.organizationId, listId);
		const found = await tx
			.select({ id: contacts.id })
			.from(contacts)
			.where(and(eq(contacts.organizationId, ctx.organizationId), inArray(contacts.id, input.contactIds)));
		if (found.length !== input.contactIds.length) throw notFound("Contact");
		await tx
			.insert(contactListMembers)
			.values(
				input.contactIds.map((contactId) => ({
					organizationId: ctx.organizationId,
					listId,
					contactId,
					addedAt: ctx.now,
				})),
			)
			.onConflictDoNothing();
		await recordAudit(tx, ctx, "contact_list.members_added", { type: "contact_list", id: listId }, input);
	});
	return getContactList(ctx, listId);
}

export async function removeContactListMember(ctx: Ctx, listId: string, contactId: string): Promise<ContactListView> {
	await ctx.db.transaction(async (tx) => {
		await getContactListInOrg(tx, ctx.organizationId, listId);
		await getContactInOrg(tx, ctx.organizationId, contactId);
		await tx
			.delete(contactListMembers)
			.where(
				and(
					eq(contactListMembers.organizationId, ctx.organizationId),
					eq(contactListMembers.listId, listId),
					eq(contactListMembers.contactId, contactId),
				),
			);
		await recordAudit(tx, ctx, "contact_list.member_removed", { type: "contact_list", id: listId }, { contactId });
	});
	return getContactList(ctx, listId);
}
