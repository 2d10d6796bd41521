// Reading mentions (filtered, keyset-paginated) and the two calls the text pipeline uses: which mentions wait
// for analysis, and storing an analysis result or failure.
import { and, asc, desc, eq, gte, ilike, lt, or } from "drizzle-orm";
import type { Page } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import type { MentionQuery, MentionView } from "../contract";
import { mentions } from "../schema";
import { containsPattern } from "./contacts";
import { toMentionView } from "./load";

export async function findMentions(ctx: Ctx, query: MentionQuery): Promise<Page<MentionView>> {
	const pattern = query.q ? containsPattern(query.q) : undefined;
	const rows = await ctx.db
		.select()
		.from(mentions)
		.where(
			and(
				eq(mentions.organizationId, ctx.organizationId),
				query.touchpointId ? eq(mentions.touchpointId, query.touchpointId) : undefined,
				query.source ? eq(mentions.source, query.source) : undefined,
				query.from ? gte(mentions.publishedAt, new Date(query.from)) : undefined,
				query.to ? lt(mentions.publishedAt, new Date(query.to)) : undefined,
				pattern ? or(ilike(mentions.text, pattern), ilike(mentions.author, pattern)) : undefined,
				query.sentiment ? eq(mentions.sentiment, query.sentiment) : undefined,
				query.analysisStatus ? eq(mentions.analysisStatus, query.analysisStatus) : undefined,
				afterCursor(query.cursor, { column: mentions.publishedAt, kind: "time" }, mentions.id, "desc"),
			),
		)
		.orderBy(desc(mentions.publishedAt), desc(mentions.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toMentionView, (r) => [r.publishedAt, r.id]);
}

export async function getMention(ctx: Ctx, id: string): Promise<MentionView> {
	const [row] = await ctx.db
		.select()
		.from(mentions)
		.where(and(eq(mentions.organizationId, ctx.organizationId), eq(mentions.id, id)));
	if (!row) throw notFound("Mention");
	return toMentionView(row);
}

export type MentionToAnalyse = { id: string; organizationId: string; text: string; language: string | null };

/** The oldest mentions still waiting for analysis, across organizations (for the text worker). */
export async function findMentionsPendingAnalysis(db: Db, limit: number): Promise<MentionToAnalyse[]> {
	return db
		.select({
			id: mentions.id,
			organizationId: mentions.organizationId,
			text: mentions.text,
			language: mentions.language,
		})
		.from(mentions)
		.where(eq(mentions.analysisStatus, "pending"))
		.orderBy(asc(mentions.importedAt), asc(mentions.id))
		.limit(limit);
}

export type MentionAnalysis =
	| {
			language: string;
			sentiment: "negative" | "neutral" | "positive";
			sentimentScores: Record<string, number>;
			intents: string[];
			themes: unknown[];
	  }
	| { error: string };

/** Stores the text pipeline's result (or failure) on a mention; a text changed meanwhile keeps it pending. */
export async function recordMentionAnalysis(
	db: Db,
	organizationId: string,
	id: string,
	analysedText: string,
	analysis: MentionAnalysis,
): Promise<boolean> {
	const fields =
		"error" in analysis
			? { analysisStatus: "failed" as const, analysisError: analysis.error.slice(0, 500) }
			: { ...analysis, analysisStatus: "done" as const, analysisError: null };
	const updated = await db
		.update(mentions)
		.set(fields)
		.where(and(eq(mentions.organizationId, organizationId), eq(mentions.id, id), eq(mentions.text, analysedText)))
		.returning({ id: mentions.id });
	return updated.length > 0;
}
