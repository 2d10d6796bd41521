// Responses as input of the text pipeline: their comment is analysed and the result stored on the row.
import { and, asc, count, eq, gt, gte, isNotNull, lt, sql } from "drizzle-orm";
import { type AnalysisColumns, analysisUpdate, correctedThemes } from "../../text/service/store-sql";
import type { AnalysisTarget, ThemeCount } from "../../text/targets";
import { responseKeys, responses } from "../schema";

const hasComment = and(eq(responses.completed, true), isNotNull(responses.comment));

const COLUMNS: AnalysisColumns = {
	table: "responses",
	language: { column: "text_language", keep: false },
	redactedColumn: "comment_redacted",
};

export const responseAnalysisTarget: AnalysisTarget = {
	kind: "response",

	async load(db, id) {
		const [row] = await db
			.select({ id: responses.id, organizationId: responses.organizationId, text: responses.comment })
			.from(responseKeys)
			.innerJoin(responses, and(eq(responses.id, responseKeys.id), eq(responses.submittedAt, responseKeys.submittedAt)))
			.where(and(eq(responseKeys.id, id), hasComment));
		return row?.text ? { id: row.id, organizationId: row.organizationId, text: row.text } : undefined;
	},

	async findBatch(db, organizationId, { after, onlyPending, limit }) {
		const rows = await db
			.select({ id: responses.id, organizationId: responses.organizationId, text: responses.comment })
			.from(responses)
			.where(
				and(
					eq(responses.organizationId, organizationId),
					hasComment,
					onlyPending ? eq(responses.analysisStatus, "pending") : undefined,
					after ? gt(responses.id, after) : undefined,
				),
			)
			.orderBy(asc(responses.id))
			.limit(limit);
		return rows.map((r) => ({ id: r.id, organizationId: r.organizationId, text: r.text ?? "" }));
	},

	async storeMany(db, outcomes) {
		if (outcomes.length === 0) return;
		await db.execute(analysisUpdate(COLUMNS, outcomes, sql`x.id = v.id`));
	},

	async findPendingTexts(db, organizationId, limit) {
		const rows = await db.execute(sql`
			select distinct comment as text from responses
			where organization_id = ${organizationId} and analysis_status = 'pending' and comment is not null and completed
			limit ${limit}`);
		return (rows as unknown as { rows: { text: string }[] }).rows.map((r) => r.text);
	},

	async storeByText(db, organizationId, outcomes) {
		if (outcomes.length === 0) return [];
		const pending = sql`x.comment = v.text and x.organization_id = ${organizationId} and x.analysis_status = 'pending'`;
		const result = await db.execute(sql`${analysisUpdate(COLUMNS, outcomes, pending)} returning x.id`);
		return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
	},

	async themeCounts(db, organizationId, { from, to, interval }) {
		const unit = interval === "month" ? "month" : "week";
		const result = await db.execute(sql`
			select to_char(date_trunc(${unit}, r.submitted_at at time zone 'UTC'), 'YYYY-MM-DD') as start, t->>'theme' as theme,
				count(*)::int as count, (count(*) filter (where t->>'sentiment' = 'negative'))::int as negative
			from responses r, jsonb_array_elements(coalesce(r.themes, '[]'::jsonb)) t
			where r.organization_id = ${organizationId} and r.submitted_at >= ${from} and r.submitted_at < ${to} and r.audience = 'customer'
			group by 1, 2 order by 1, 2`);
		return (result as unknown as { rows: ThemeCount[] }).rows;
	},

	async countWithText(db, organizationId) {
		const [row] = await db
			.select({ n: count() })
			.from(responses)
			.where(and(eq(responses.organizationId, organizationId), hasComment));
		return row?.n ?? 0;
	},

	async findTexts(db, organizationId, from, until, limit) {
		if (limit <= 0) return [];
		const rows = await db
			.select({ text: responses.comment })
			.from(responses)
			.where(
				and(
					eq(responses.organizationId, organizationId),
					hasComment,
					gte(responses.submittedAt, from),
					lt(responses.submittedAt, until),
				),
			)
			.limit(limit);
		return rows.map((r) => r.text ?? "");
	},

	async applyCorrection(db, organizationId, id, correction) {
		const [key] = await db
			.select()
			.from(responseKeys)
			.where(and(eq(responseKeys.id, id), eq(responseKeys.organizationId, organizationId)));
		if (!key) return undefined;
		const where = and(eq(responses.id, key.id), eq(responses.submittedAt, key.submittedAt), hasComment);
		const [row] = await db.select().from(responses).where(where);
		if (!row?.comment) return undefined;
		const sentiment = correction.sentiment ?? row.sentiment;
		await db
			.update(responses)
			.set({
				...(correction.sentiment ? { sentiment: correction.sentiment } : {}),
				...(correction.intents ? { intents: correction.intents } : {}),
				...(correction.themes ? { themes: correctedThemes(correction.themes, sentiment) } : {}),
				analysisCorrected: true,
				analysisStatus: "done",
			})
			.where(where);
		return { text: row.comment, language: row.textLanguage ?? row.language };
	},
};
