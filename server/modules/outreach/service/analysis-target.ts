// Imported mentions as input of the text pipeline: their text is analysed and the result stored on the row.
import { and, asc, count, eq, gt, gte, lt, sql } from "drizzle-orm";
import { type AnalysisColumns, analysisUpdate, correctedThemes } from "../../text/service/store-sql";
import type { AnalysisTarget, ThemeCount } from "../../text/targets";
import { mentions } from "../schema";

const COLUMNS: AnalysisColumns = {
	table: "mentions",
	language: { column: "language", keep: true },
	redactedColumn: "text_redacted",
};

export const mentionAnalysisTarget: AnalysisTarget = {
	kind: "mention",

	async load(db, id) {
		const [row] = await db
			.select({ id: mentions.id, organizationId: mentions.organizationId, text: mentions.text })
			.from(mentions)
			.where(eq(mentions.id, id));
		return row;
	},

	async findBatch(db, organizationId, { after, onlyPending, limit }) {
		return db
			.select({ id: mentions.id, organizationId: mentions.organizationId, text: mentions.text })
			.from(mentions)
			.where(
				and(
					eq(mentions.organizationId, organizationId),
					onlyPending ? eq(mentions.analysisStatus, "pending") : undefined,
					after ? gt(mentions.id, after) : undefined,
				),
			)
			.orderBy(asc(mentions.id))
			.limit(limit);
	},

	async storeMany(db, outcomes) {
		if (outcomes.length === 0) return;
		await db.execute(analysisUpdate(COLUMNS, outcomes, sql`x.id = v.id`));
	},

	async findPendingTexts(db, organizationId, limit) {
		const rows = await db.execute(sql`
			select distinct text as text from mentions
			where organization_id = ${organizationId} and analysis_status = 'pending' and text is not null 
			limit ${limit}`);
		return (rows as unknown as { rows: { text: string }[] }).rows.map((r) => r.text);
	},

	async storeByText(db, organizationId, outcomes) {
		if (outcomes.length === 0) return [];
		const pending = sql`x.text = v.text and x.organization_id = ${organizationId} and x.analysis_status = \'pending\'`;
		const result = await db.execute(sql`${analysisUpdate(COLUMNS, outcomes, pending)} returning x.id`);
		return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
	},

	async themeCounts(db, organizationId, { from, to, interval }) {
		const unit = interval === "month" ? "month" : "week";
		const result = await db.execute(sql`
			select to_char(date_trunc(${unit}, r.published_at at time zone 'UTC'), 'YYYY-MM-DD') as start, t->>'theme' as theme,
				count(*)::int as count, (count(*) filter (where t->>'sentiment' = 'negative'))::int as negative
			from mentions r, jsonb_array_elements(coalesce(r.themes, '[]'::jsonb)) t
			where r.organization_id = ${organizationId} and r.published_at >= ${from} and r.published_at < ${to} 
			group by 1, 2 order by 1, 2`);
		return (result as unknown as { rows: ThemeCount[] }).rows;
	},

	async countWithText(db, organizationId) {
		const [row] = await db.select({ n: count() }).from(mentions).where(eq(mentions.organizationId, organizationId));
		return row?.n ?? 0;
	},

	async findTexts(db, organizationId, from, until, limit) {
		if (limit <= 0) return [];
		const rows = await db
			.select({ text: mentions.text })
			.from(mentions)
			.where(
				and(
					eq(mentions.organizationId, organizationId),
					gte(mentions.publishedAt, from),
					lt(mentions.publishedAt, until),
				),
			)
			.limit(limit);
		return rows.map((r) => r.text);
	},

	async applyCorrection(db, organizationId, id, correction) {
		const where = and(eq(mentions.organizationId, organizationId), eq(mentions.id, id));
		const [row] = await db.select().from(mentions).where(where);
		if (!row) return undefined;
		const sentiment = correction.sentiment ?? row.sentiment;
		await db
			.update(mentions)
			.set({
				...(correction.sentiment ? { sentiment: correction.sentiment } : {}),
				...(correction.intents ? { intents: correction.intents } : {}),
				...(correction.themes ? { themes: correctedThemes(correction.themes, sentiment) } : {}),
				analysisCorrected: true,
				analysisStatus: "done",
			})
			.where(where);
		return { text: row.text, language: row.language ?? "de" };
	},
};
