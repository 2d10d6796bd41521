// Survey lookups on the hot public paths (page, widget definition, ingestion), cached in process memory:
// a survey by slug for a short time (changes on other nodes show within SURVEY_CACHE_MS; this node forgets at
// once), versions by id for good (a version never changes).
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { surveys, surveyVersions } from "../schema";
import type { SurveyRow, SurveyVersionRow } from "./load";

export const SURVEY_CACHE_MS = 2000;
const MAX_ENTRIES = 2000;

export type PublishedSurvey = { survey: SurveyRow; version: SurveyVersionRow };

const bySlug = new Map<string, { loadedAtMs: number; value: PublishedSurvey | null }>();
const versionsById = new Map<string, SurveyVersionRow>();

/** Called by every change of a survey so that this node serves the change at once. */
export function forgetSurvey(slug: string): void {
	bySlug.delete(slug);
}

async function loadBySlug(db: Db, slug: string): Promise<PublishedSurvey | null> {
	const [row] = await db
		.select({ survey: surveys, version: surveyVersions })
		.from(surveys)
		.innerJoin(
			surveyVersions,
			and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion)),
		)
		.where(eq(surveys.slug, slug));
	return row ?? null;
}

/** The survey behind a public slug with its current version, whatever its status (null when unknown). */
export async function findSurveyBySlug(db: Db, slug: string, nowMs = Date.now()): Promise<PublishedSurvey | null> {
	const cached = bySlug.get(slug);
	if (cached && nowMs - cached.loadedAtMs < SURVEY_CACHE_MS && nowMs >= cached.loadedAtMs) return cached.value;
	const value = await loadBySlug(db, slug);
	if (bySlug.size >= MAX_ENTRIES) bySlug.clear();
	bySlug.set(slug, { loadedAtMs: nowMs, value });
	if (value) rememberVersion(value.version);
	return value;
}

/** A live survey by slug: 404 when unknown or a draft, 410 semantics left to the caller via `status`. */
export async function getLiveSurvey(db: Db, slug: string, nowMs = Date.now()): Promise<PublishedSurvey> {
	const found = await findSurveyBySlug(db, slug, nowMs);
	if (!found || found.survey.status === "draft") throw new AppError("not_found", "Survey not found");
	if (found.survey.status === "closed") throw new AppError("conflict", "This survey is closed");
	return found;
}

function rememberVersion(version: SurveyVersionRow) {
	if (versionsById.size >= MAX_ENTRIES) versionsById.clear();
	versionsById.set(version.id, version);
}

/** A version of the survey by id (a partial response continues with the version it started on). */
export async function getSurveyVersion(db: Db, surveyId: string, id: string): Promise<SurveyVersionRow> {
	const cached = versionsById.get(id);
	if (cached && cached.surveyId === surveyId) return cached;
	const [row] = await db
		.select()
		.from(surveyVersions)
		.where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.id, id)));
	if (!row) throw new AppError("not_found", "Survey version not found");
	rememberVersion(row);
	return row;
}
