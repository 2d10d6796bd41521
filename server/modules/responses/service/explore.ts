// The response explorer: filters shared by the list and the exports, keyset pages by (submitted_at desc, id),
// and batches for exports. Employee-survey responses are never listed one by one (anonymity): only
// GET /api/v1/surveys/{id}/results shows them, aggregated, for groups of at least five.
import { and, desc, eq, gte, ilike, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Page } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import { afterCursor, toPage } from "../../../platform/pagination";
import { findTouchpointIdsOfStage } from "../../journey/service/load";
import type { ResponseExportQuery, ResponseQuery, ResponseView } from "../contract";
import { responses } from "../schema";

export type ResponseRow = typeof responses.$inferSelect;

/** `%`, `_` and `\` typed by the user are literal characters, not patterns. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE of a filter set; undefined when it can match nothing (a stage without touchpoints). */
export async function responseFilter(ctx: Ctx, query: ResponseExportQuery): Promise<SQL | undefined | null> {
	let stageTouchpoints: string[] | undefined;
	if (query.stageId) {
		stageTouchpoints = await findTouchpointIdsOfStage(ctx.db, ctx.organizationId, query.stageId);
		if (stageTouchpoints.length === 0) return null;
	}
	return and(
		eq(responses.organizationId, ctx.organizationId),
		eq(responses.audience, "customer"),
		query.surveyId ? eq(responses.surveyId, query.surveyId) : undefined,
		query.touchpointId ? eq(responses.touchpointId, query.touchpointId) : undefined,
		stageTouchpoints ? inArray(responses.touchpointId, stageTouchpoints) : undefined,
		query.scoreGroup ? eq(responses.scoreGroup, query.scoreGroup) : undefined,
		query.language ? eq(responses.language, query.language) : undefined,
		query.channel ? eq(responses.channel, query.channel) : undefined,
		query.completed ? eq(responses.completed, query.completed === "true") : undefined,
		query.from ? gte(responses.submittedAt, new Date(query.from)) : undefined,
		query.to ? lt(responses.submittedAt, new Date(query.to)) : undefined,
		query.q ? ilike(responses.comment, likePattern(query.q)) : undefined,
		query.sentiment ? eq(responses.sentiment, query.sentiment) : undefined,
		query.theme ? sql`${responses.themes} @> ${JSON.stringify([{ theme: query.theme }])}::jsonb` : undefined,
		query.intent ? sql`${responses.intents} @> array[${query.intent}]::text[]` : undefined,
	);
}

export const toResponseView = (row: ResponseRow): ResponseView => ({
	id: row.id,
	surveyId: row.surveyId,
	surveyVersionId: row.surveyVersionId,
	touchpointId: row.touchpointId,
	channel: row.channel,
	language: row.language,
	scoreType: row.scoreType,
	score: row.score,
	scoreGroup: row.scoreGroup,
	comment: row.comment,
	hiddenFields: row.hiddenFields,
	completed: row.completed,
	submittedAt: row.submittedAt.toISOString(),
	completedAt: row.completedAt?.toISOString() ?? null,
	sentiment: row.sentiment,
	intents: row.intents,
	themes: row.themes ?? null,
	textLanguage: row.textLanguage,
	analysisCorrected: row.analysisCorrected,
	analysisStatus: row.analysisStatus,
});

/** One keyset page of rows after `cursor`, newest first. */
async function pageOfRows(ctx: Ctx, where: SQL | undefined, cursor: string | undefined, limit: number) {
	return ctx.db
		.select()
		.from(responses)
		.where(and(where, afterCursor(cursor, { column: responses.submittedAt, kind: "time" }, responses.id, "desc")))
		.orderBy(desc(responses.submittedAt), desc(responses.id))
		.limit(limit + 1);
}

export async function findResponses(ctx: Ctx, query: ResponseQuery): Promise<Page<ResponseView>> {
	const where = await responseFilter(ctx, query);
	if (where === null) return { items: [], nextCursor: null };
	const rows = await pageOfRows(ctx, where, query.cursor, query.limit);
	return toPage(rows, query.limit, toResponseView, (r) => [r.submittedAt, r.id]);
}

/** All matching rows in batches (newest first), never more than one batch in memory. */
export async function* responseBatches(ctx: Ctx, query: ResponseExportQuery, batchSize = 1000) {
	const where = await responseFilter(ctx, query);
	if (where === null) return;
	let cursor: string | undefined;
	for (;;) {
		const rows = await pageOfRows(ctx, where, cursor, batchSize);
		const page = toPage(
			rows,
			batchSize,
			(r) => r,
			(r) => [r.submittedAt, r.id],
		);
		if (page.items.length > 0) yield page.items;
		if (!page.nextCursor) return;
		cursor = page.nextCursor;
	}
}
