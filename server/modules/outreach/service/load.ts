// Organization-scoped getters and view mappers of the outreach module: every read of a parent goes through here.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import type { ContactListView, ContactView, MentionView } from "../contract";
import { contactLists, contacts, emailCampaigns, type mentions } from "../schema";

export type ContactRow = typeof contacts.$inferSelect;
export type ContactListRow = typeof contactLists.$inferSelect;
export type CampaignRow = typeof emailCampaigns.$inferSelect;
export type MentionRow = typeof mentions.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getContactInOrg(db: Db, organizationId: string, id: string): Promise<ContactRow> {
	const [row] = await db
		.select()
		.from(contacts)
		.where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)));
	if (!row) throw notFound("Contact");
	return row;
}

export async function getContactListInOrg(db: Db, organizationId: string, id: string): Promise<ContactListRow> {
	const [row] = await db
		.select()
		.from(contactLists)
		.where(and(eq(contactLists.organizationId, organizationId), eq(contactLists.id, id)));
	if (!row) throw notFound("Contact list");
	return row;
}

export async function getCampaignInOrg(db: Db, organizationId: string, id: string): Promise<CampaignRow> {
	const [row] = await db
		.select()
		.from(emailCampaigns)
		.where(and(eq(emailCampaigns.organizationId, organizationId), eq(emailCampaigns.id, id)));
	if (!row) throw notFound("Email campaign");
	return row;
}

export const toContactView = (row: ContactRow): ContactView => ({
	id: row.id,
	email: row.email,
	name: row.name,
	language: row.language,
	externalId: row.externalId,
	attributes: row.attributes,
	unsubscribedAt: iso(row.unsubscribedAt),
	lastInvitedAt: iso(row.lastInvitedAt),
	bouncedAt: iso(row.bouncedAt),
	bounceReason: row.bounceReason,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

export const toContactListView = (row: ContactListRow, memberCount: number): ContactListView => ({
	id: row.id,
	name: row.name,
	description: row.description,
	memberCount,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

export const toMentionView = (row: MentionRow): MentionView => ({
	id: row.id,
	touchpointId: row.touchpointId,
	source: row.source,
	sourceId: row.sourceId,
	author: row.author,
	rating: row.rating,
	text: row.text,
	publishedAt: row.publishedAt.toISOString(),
	url: row.url,
	language: row.language,
	sentiment: row.sentiment,
	sentimentScores: row.sentimentScores,
	intents: row.intents,
	themes: row.themes,
	analysisStatus: row.analysisStatus,
	analysisError: row.analysisError,
	importedAt: row.importedAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});
