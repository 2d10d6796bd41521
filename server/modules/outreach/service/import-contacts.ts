// CSV import of contacts into a list: validated completely first, then written in one transaction
// (new contacts in bulk, changed ones updated, everyone added to the list). Unsubscribes are never undone.
import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { recordAudit } from "../../admin/service/audit";
import type { ImportContactsInput, ImportReport } from "../contract";
import { contactListMembers, contacts } from "../schema";
import { type ContactDraft, readContactCsv } from "./contact-rows";
import { type ImportCounts, refuseIfErrors, toImportReport } from "./import-report";
import { type ContactRow, getContactListInOrg } from "./load";

const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** The fields of `draft` that differ from the stored contact (empty cells never change anything). */
function changesOf(draft: ContactDraft, row: ContactRow): Partial<ContactRow> {
	const changes: Partial<ContactRow> = {};
	if (draft.name !== undefined && draft.name !== row.name) changes.name = draft.name;
	if (draft.language !== undefined && draft.language !== row.language) changes.language = draft.language;
	if (draft.externalId !== undefined && draft.externalId !== row.externalId) changes.externalId = draft.externalId;
	const merged = { ...row.attributes, ...draft.attributes };
	if (Object.entries(draft.attributes).some(([k, v]) => row.attributes[k] !== v)) changes.attributes = merged;
	return changes;
}

type ContactImportPlan = {
	counts: ImportCounts;
	fresh: ContactDraft[];
	changed: { id: string; changes: Partial<ContactRow> }[];
	newMemberIds: string[];
};

/** What the import would do: which drafts are new, which change a stored contact, who joins the list. */
async function planImport(db: Db, ctx: Ctx, listId: string, drafts: ContactDraft[]): Promise<ContactImportPlan> {
	const existing = new Map<string, ContactRow>();
	for (const part of chunks(drafts.map((d) => d.email))) {
		const rows = await db
			.select()
			.from(contacts)
			.where(and(eq(contacts.organizationId, ctx.organizationId), inArray(contacts.email, part)));
		for (const row of rows) existing.set(row.email, row);
	}
	const members = new Set<string>();
	for (const part of chunks([...existing.values()].map((r) => r.id))) {
		const rows = await db
			.select({ contactId: contactListMembers.contactId })
			.from(contactListMembers)
			.where(and(eq(contactListMembers.listId, listId), inArray(contactListMembers.contactId, part)));
		for (const row of rows) members.add(row.contactId);
	}
	const plan: ContactImportPlan = {
		counts: { imported: 0, updated: 0, skipped: 0 },
		fresh: [],
		changed: [],
		newMemberIds: [],
	};
	for (const draft of drafts) {
		const row = existing.get(draft.email);
		if (!row) {
			plan.fresh.push(draft);
			plan.counts.imported++;
			continue;
		}
		const changes = changesOf(draft, row);
		const hasChanges = Object.keys(changes).length > 0;
		if (hasChanges) plan.changed.push({ id: row.id, changes });
		if (!members.has(row.id)) plan.newMemberIds.push(row.id);
		if (hasChanges || !members.has(row.id)) plan.counts.updated++;
		else plan.counts.skipped++;
	}
	return plan;
}

async function applyPlan(tx: Db, ctx: Ctx, listId: string, plan: ContactImportPlan): Promise<void> {
	const memberIds = [...plan.newMemberIds];
	for (const part of chunks(plan.fresh)) {
		const inserted = await tx
			.insert(contacts)
			.values(
				part.map((d) => ({
					organizationId: ctx.organizationId,
					email: d.email,
					name: d.name ?? null,
					language: d.language ?? "de",
					externalId: d.externalId ?? null,
					attributes: d.attributes,
					createdAt: ctx.now,
					updatedAt: ctx.now,
				})),
			)
			.returning({ id: contacts.id });
		memberIds.push(...inserted.map((r) => r.id));
	}
	for (const { id, changes } of plan.changed) {
		await tx
			.update(contacts)
			.set({ ...changes, updatedAt: ctx.now })
			.where(and(eq(contacts.organizationId, ctx.organizationId), eq(contacts.id, id)));
	}
	for (const part of chunks(memberIds)) {
		await tx
			.insert(contactListMembers)
			.values(part.map((contactId) => ({ organizationId: ctx.organizationId, listId, contactId, addedAt: ctx.now })))
			.onConflictDoNothing();
	}
}

export async function importContacts(ctx: Ctx, listId: string, input: ImportContactsInput): Promise<ImportReport> {
	await getContactListInOrg(ctx.db, ctx.organizationId, listId);
	const { drafts, errors } = readContactCsv(input.csv);
	refuseIfErrors(input.dryRun, errors);
	if (input.dryRun) {
		const plan = await planImport(ctx.db, ctx, listId, drafts);
		return toImportReport(true, plan.counts, errors);
	}
	const counts = await ctx.db.transaction(async (tx) => {
		await getContactListInOrg(tx, ctx.organizationId, listId);
		const plan = await planImport(tx, ctx, listId, drafts);
		await applyPlan(tx, ctx, listId, plan);
		await recordAudit(tx, ctx, "contacts.imported", { type: "contact_list", id: listId }, { ...plan.counts });
		return plan.counts;
	});
	return toImportReport(false, counts, []);
}
