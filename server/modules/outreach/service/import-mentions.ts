// Imports mentions from any connector into a touchpoint, deduplicated by (source, source id) per organization:
// new ones are inserted, known ones get only their changed fields (a changed text is analysed again).

import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { recordAudit } from "../../admin/service/audit";
import { getTouchpointInOrg } from "../../journey/service/load";
import { scheduleBacklog } from "../../text/service/backlog";
import type { MentionConnector } from "../connectors/connector";
import { fileMentionConnector } from "../connectors/file-connector";
import type { ImportMentionsInput, ImportReport, MentionDraft } from "../contract";
import { mentions } from "../schema";
import { type ImportCounts, refuseIfErrors, toImportReport } from "./import-report";
import type { MentionRow } from "./load";
import { readMentionCsv, readMentionItems } from "./mention-rows";

const BATCH = 500;
type MentionValues = typeof mentions.$inferInsert;

/** The stored fields a draft would set (timestamps normalised to Date). */
function valuesOf(draft: MentionDraft, touchpointId: string) {
	return {
		touchpointId,
		author: draft.author ?? null,
		rating: draft.rating ?? null,
		text: draft.text,
		publishedAt: new Date(draft.publishedAt),
		url: draft.url ?? null,
		language: draft.language ?? null,
	};
}

/** Changed fields only; the language is kept when the new draft does not name one. */
function changesOf(draft: MentionDraft, touchpointId: string, row: MentionRow): Partial<MentionValues> {
	const next = valuesOf(draft, touchpointId);
	const changes: Partial<MentionValues> = {};
	if (next.touchpointId !== row.touchpointId) changes.touchpointId = next.touchpointId;
	if (next.author !== row.author) changes.author = next.author;
	if (next.rating !== row.rating) changes.rating = next.rating;
	if (next.text !== row.text) changes.text = next.text;
	if (next.publishedAt.getTime() !== row.publishedAt.getTime()) changes.publishedAt = next.publishedAt;
	if (next.url !== row.url) changes.url = next.url;
	if (next.language !== null && next.language !== row.language) changes.language = next.language;
	if (changes.text !== undefined || changes.language !== undefined) {
		Object.assign(changes, {
			analysisStatus: "pending",
			analysisError: null,
			sentiment: null,
			sentimentScores: null,
			intents: [],
			themes: null,
		} satisfies Partial<MentionValues>);
	}
	return changes;
}

async function writeBatch(
	tx: Db,
	ctx: Ctx,
	touchpointId: string,
	drafts: MentionDraft[],
	isDryRun: boolean,
): Promise<ImportCounts> {
	const counts: ImportCounts = { imported: 0, updated: 0, skipped: 0 };
	const existing = await tx
		.select()
		.from(mentions)
		.where(
			and(
				eq(mentions.organizationId, ctx.organizationId),
				inArray(
					mentions.sourceId,
					drafts.map((d) => d.sourceId),
				),
			),
		);
	const byKey = new Map(existing.map((r) => [JSON.stringify([r.source, r.sourceId]), r]));
	const fresh: MentionValues[] = [];
	for (const draft of drafts) {
		const row = byKey.get(JSON.stringify([draft.source, draft.sourceId]));
		if (!row) {
			counts.imported++;
			fresh.push({
				organizationId: ctx.organizationId,
				source: draft.source,
				sourceId: draft.sourceId,
				...valuesOf(draft, touchpointId),
				importedAt: ctx.now,
				updatedAt: ctx.now,
			});
			continue;
		}
		const changes = changesOf(draft, touchpointId, row);
		if (Object.keys(changes).length === 0) {
			counts.skipped++;
			continue;
		}
		counts.updated++;
		if (!isDryRun) {
			await tx
				.update(mentions)
				.set({ ...changes, updatedAt: ctx.now })
				.where(and(eq(mentions.organizationId, ctx.organizationId), eq(mentions.id, row.id)));
		}
	}
	if (!isDryRun && fresh.length > 0) await tx.insert(mentions).values(fresh);
	return counts;
}

/** Reads everything the connector has since `cursor` and stores it on `db` (a transaction for all-or-nothing). */
export async function importFromConnector(
	db: Db,
	ctx: Ctx,
	connector: MentionConnector,
	options: { touchpointId: string; cursor: string | null; isDryRun?: boolean },
): Promise<ImportCounts & { cursor: string | null }> {
	const total: ImportCounts = { imported: 0, updated: 0, skipped: 0 };
	const seen: MentionDraft[] = [];
	let batch: MentionDraft[] = [];
	const flush = async () => {
		const counts = await writeBatch(db, ctx, options.touchpointId, batch, options.isDryRun ?? false);
		total.imported += counts.imported;
		total.updated += counts.updated;
		total.skipped += counts.skipped;
		seen.push(...batch);
		batch = [];
	};
	for await (const draft of connector.fetchSince(options.cursor)) {
		batch.push(draft);
		if (batch.length >= BATCH) await flush();
	}
	if (batch.length > 0) await flush();
	return { ...total, cursor: connector.cursorAfter(seen, options.cursor) };
}

export async function importMentions(ctx: Ctx, input: ImportMentionsInput): Promise<ImportReport> {
	await getTouchpointInOrg(ctx.db, ctx.organizationId, input.touchpointId);
	const { drafts, errors } =
		input.csv !== undefined
			? readMentionCsv(input.csv, input.defaultSource)
			: readMentionItems(input.mentions ?? [], input.defaultSource);
	refuseIfErrors(input.dryRun, errors);
	const connector = fileMentionConnector(drafts.map((d) => d.draft));
	const options = { touchpointId: input.touchpointId, cursor: null, isDryRun: input.dryRun };
	if (input.dryRun) {
		const counts = await importFromConnector(ctx.db, ctx, connector, options);
		return toImportReport(true, counts, errors);
	}
	const counts = await ctx.db.transaction(async (tx) => {
		const written = await importFromConnector(tx, ctx, connector, options);
		const { cursor: _, ...numbers } = written;
		await recordAudit(tx, ctx, "mentions.imported", { type: "touchpoint", id: input.touchpointId }, numbers);
		// New and changed mentions are pending analysis: the text backlog job works them off in batches.
		if (numbers.imported + numbers.updated > 0) await scheduleBacklog(tx, ctx.jobs, ctx.organizationId);
		return numbers;
	});
	return toImportReport(false, counts, []);
}
