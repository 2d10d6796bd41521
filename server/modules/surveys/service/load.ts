// Organization-scoped getters and view mappers of the surveys module: every read of a survey goes through here.
import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import type { SurveyDetailView, SurveyVersionView, SurveyView } from "../contract";
import { surveys, surveyVersions } from "../schema";

export type SurveyRow = typeof surveys.$inferSelect;
export type SurveyVersionRow = typeof surveyVersions.$inferSelect;

/** A service context that also knows the public base URL (for links and QR codes). */
export type SurveyCtx = Ctx & { publicUrl: string };

export const publicPageUrl = (publicUrl: string, slug: string) => `${publicUrl}/s/${slug}`;

export async function getSurveyInOrg(db: Db, organizationId: string, id: string): Promise<SurveyRow> {
	const [row] = await db
		.select()
		.from(surveys)
		.where(and(eq(surveys.organizationId, organizationId), eq(surveys.id, id)));
	if (!row) throw notFound("Survey");
	return row;
}

export async function getCurrentVersion(db: Db, survey: SurveyRow): Promise<SurveyVersionRow> {
	const [row] = await db
		.select()
		.from(surveyVersions)
		.where(
			and(
				eq(surveyVersions.organizationId, survey.organizationId),
				eq(surveyVersions.surveyId, survey.id),
				eq(surveyVersions.version, survey.currentVersion),
			),
		);
	if (!row) throw notFound("Survey version");
	return row;
}

/** Versions of the organization by id (for response views: each response keeps its version). */
export async function findSurveyVersionsByIds(
	db: Db,
	organizationId: string,
	ids: string[],
): Promise<Map<string, SurveyVersionRow>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select()
		.from(surveyVersions)
		.where(and(eq(surveyVersions.organizationId, organizationId), inArray(surveyVersions.id, ids)));
	return new Map(rows.map((r) => [r.id, r]));
}

/** Surveys of the organization by id (names and kinds for response views and exports). */
export async function findSurveysByIds(db: Db, organizationId: string, ids: string[]): Promise<Map<string, SurveyRow>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select()
		.from(surveys)
		.where(and(eq(surveys.organizationId, organizationId), inArray(surveys.id, ids)));
	return new Map(rows.map((r) => [r.id, r]));
}

export const toVersionView = (row: SurveyVersionRow): SurveyVersionView => ({
	id: row.id,
	version: row.version,
	content: row.content,
	createdAt: row.createdAt.toISOString(),
});

export const toSurveyView = (row: SurveyRow, publicUrl: string): SurveyView => ({
	id: row.id,
	name: row.name,
	kind: row.kind,
	audience: row.audience,
	touchpointId: row.touchpointId,
	slug: row.slug,
	status: row.status,
	languages: row.languages,
	defaultLanguage: row.defaultLanguage,
	hiddenFields: row.hiddenFields,
	template: row.template,
	currentVersion: row.currentVersion,
	publicUrl: publicPageUrl(publicUrl, row.slug),
	spamDroppedCount: row.spamDroppedCount,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
	publishedAt: row.publishedAt?.toISOString() ?? null,
	closedAt: row.closedAt?.toISOString() ?? null,
});

export async function getSurveyDetail(db: Db, ctx: SurveyCtx, id: string): Promise<SurveyDetailView> {
	const survey = await getSurveyInOrg(db, ctx.organizationId, id);
	const version = await getCurrentVersion(db, survey);
	return { ...toSurveyView(survey, ctx.publicUrl), version: toVersionView(version) };
}
