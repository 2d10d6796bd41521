// Surveys: create (from a template or from scratch), edit (new content of a live survey = a new version),
// publish, close, list, and the version history.
import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import { actorId } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { AppError, invalid } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import { getTouchpointInOrg } from "../../journey/service/load";
import {
	type CreateSurveyInput,
	type SurveyContent,
	type SurveyDetailView,
	type SurveyKind,
	type SurveyLanguage,
	type SurveyQuery,
	type SurveyVersionView,
	type SurveyView,
	surveyContentIssues,
	type UpdateSurveyInput,
} from "../contract";
import { surveys, surveyVersions } from "../schema";
import { templateOf } from "../templates";
import { getSurveyDetail, getSurveyInOrg, type SurveyCtx, toSurveyView, toVersionView } from "./load";
import { forgetSurvey } from "./public-lookup";

/** A readable, unguessable slug: the name in URL form plus a random suffix ("lieferung-k3x9q2"). */
export function slugFromName(name: string): string {
	const base = name
		.toLowerCase()
		.replace(/ä/g, "ae")
		.replace(/ö/g, "oe")
		.replace(/ü/g, "ue")
		.replace(/ß/g, "ss")
		.normalize("NFKD")
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 40)
		.replace(/-+$/g, "");
	const suffix = randomBytes(4).readUInt32BE(0).toString(36).padStart(6, "0").slice(0, 6);
	return base.length >= 2 ? `${base}-${suffix}` : `survey-${suffix}`;
}

function assertContent(content: SurveyContent, languages: readonly SurveyLanguage[], kind: SurveyKind) {
	const issues = surveyContentIssues(content, languages, kind).map((i) => ({ ...i, field: `content.${i.field}` }));
	const first = issues[0];
	if (first) throw invalid(`${first.field}: ${first.message}`, { fields: issues });
}

function assertDefaultLanguage(languages: readonly SurveyLanguage[], defaultLanguage: SurveyLanguage) {
	if (!languages.includes(defaultLanguage)) {
		throw invalid("defaultLanguage: must be one of the survey's languages", {
			fields: [{ field: "defaultLanguage", message: "Must be one of the survey's languages" }],
		});
	}
}

export async function createSurvey(ctx: SurveyCtx, input: CreateSurveyInput): Promise<SurveyDetailView> {
	const template = input.template ? templateOf(input.template) : undefined;
	const kind = input.kind ?? template?.kind;
	const content = input.content ?? template?.content;
	const name = input.name ?? template?.name.de;
	if (!kind || !content || !name) throw invalid("Send a template or name, kind and content");
	const languages = input.languages ?? ["de", "en"];
	const defaultLanguage = input.defaultLanguage ?? languages[0] ?? "de";
	assertDefaultLanguage(languages, defaultLanguage);
	assertContent(content, languages, kind);
	const id = await ctx.db.transaction(async (tx) => {
		await getTouchpointInOrg(tx, ctx.organizationId, input.touchpointId);
		const [survey] = await tx
			.insert(surveys)
			.values({
				organizationId: ctx.organizationId,
				touchpointId: input.touchpointId,
				name,
				kind,
				audience: input.audience ?? template?.audience ?? "customer",
				slug: input.slug ?? slugFromName(name),
				languages,
				defaultLanguage,
				hiddenFields: input.hiddenFields ?? template?.hiddenFields ?? [],
				template: input.template ?? null,
				createdBy: actorId(ctx.actor),
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!survey) throw new Error("survey not written");
		const [version] = await tx
			.insert(surveyVersions)
			.values({
				organizationId: ctx.organizationId,
				surveyId: survey.id,
				version: 1,
				content,
				createdBy: actorId(ctx.actor),
				createdAt: ctx.now,
			})
			.returning();
		await tx.update(surveys).set({ currentVersionId: version?.id }).where(eq(surveys.id, survey.id));
		await recordAudit(tx, ctx, "survey.created", { type: "survey", id: survey.id }, { name, template: input.template });
		return survey.id;
	});
	return getSurveyDetail(ctx.db, ctx, id);
}

const isSameContent = (a: SurveyContent, b: SurveyContent) => JSON.stringify(a) === JSON.stringify(b);

export async function updateSurvey(ctx: SurveyCtx, id: string, input: UpdateSurveyInput): Promise<SurveyDetailView> {
	const slugs = await ctx.db.transaction(async (tx) => {
		const survey = await getSurveyInOrg(tx, ctx.organizationId, id);
		// Serialises concurrent edits of one survey, so that two new versions never get the same number.
		await tx.execute(sql`select id from ${surveys} where ${surveys.id} = ${id} for update`);
		const [current] = await tx
			.select()
			.from(surveyVersions)
			.where(and(eq(surveyVersions.surveyId, id), eq(surveyVersions.version, survey.currentVersion)));
		if (!current) throw new Error("survey without its current version");
		const languages = input.languages ?? survey.languages;
		const defaultLanguage =
			input.defaultLanguage ?? (languages.includes(survey.defaultLanguage) ? survey.defaultLanguage : languages[0]);
		if (!defaultLanguage) throw invalid("languages: at least one");
		assertDefaultLanguage(languages, defaultLanguage);
		const content = input.content ?? current.content;
		assertContent(content, languages, survey.kind);
		if (input.touchpointId) await getTouchpointInOrg(tx, ctx.organizationId, input.touchpointId);
		let currentVersion = survey.currentVersion;
		let currentVersionId = survey.currentVersionId;
		if (!isSameContent(content, current.content)) {
			if (survey.status === "draft") {
				await tx.update(surveyVersions).set({ content }).where(eq(surveyVersions.id, current.id));
			} else {
				currentVersion = survey.currentVersion + 1;
				const [version] = await tx
					.insert(surveyVersions)
					.values({
						organizationId: ctx.organizationId,
						surveyId: id,
						version: currentVersion,
						content,
						createdBy: actorId(ctx.actor),
						createdAt: ctx.now,
					})
					.returning();
				currentVersionId = version?.id ?? null;
			}
		}
		await tx
			.update(surveys)
			.set({
				name: input.name,
				touchpointId: input.touchpointId,
				slug: input.slug,
				languages,
				defaultLanguage,
				hiddenFields: input.hiddenFields,
				currentVersion,
				currentVersionId,
				updatedAt: ctx.now,
			})
			.where(and(eq(surveys.organizationId, ctx.organizationId), eq(surveys.id, id)));
		const { content: _content, ...rest } = input;
		await recordAudit(
			tx,
			ctx,
			"survey.updated",
			{ type: "survey", id },
			{ ...rest, ...(currentVersion !== survey.currentVersion ? { version: currentVersion } : {}) },
		);
		return [survey.slug, input.slug];
	});
	for (const slug of slugs) if (slug) forgetSurvey(slug);
	return getSurveyDetail(ctx.db, ctx, id);
}

async function setStatus(ctx: SurveyCtx, id: string, to: "live" | "closed"): Promise<SurveyDetailView> {
	const slug = await ctx.db.transaction(async (tx) => {
		const survey = await getSurveyInOrg(tx, ctx.organizationId, id);
		if (to === "closed" && survey.status !== "live") throw new AppError("conflict", "Only a live survey can be closed");
		if (to === "live" && survey.status === "live") throw new AppError("conflict", "The survey is live already");
		await tx
			.update(surveys)
			.set(
				to === "live"
					? { status: "live", publishedAt: ctx.now, closedAt: null, updatedAt: ctx.now }
					: { status: "closed", closedAt: ctx.now, updatedAt: ctx.now },
			)
			.where(and(eq(surveys.organizationId, ctx.organizationId), eq(surveys.id, id)));
		await recordAudit(tx, ctx, to === "live" ? "survey.published" : "survey.closed", { type: "survey", id });
		return survey.slug;
	});
	forgetSurvey(slug);
	return getSurveyDetail(ctx.db, ctx, id);
}

/** Makes a draft (or a closed survey again) live: its page, widget and ingestion accept responses. */
export const publishSurvey = (ctx: SurveyCtx, id: string) => setStatus(ctx, id, "live");
/** Stops accepting responses; stored responses stay. */
export const closeSurvey = (ctx: SurveyCtx, id: string) => setStatus(ctx, id, "closed");

export async function findSurveys(ctx: SurveyCtx, query: SurveyQuery): Promise<Page<SurveyView>> {
	const rows = await ctx.db
		.select()
		.from(surveys)
		.where(
			and(
				eq(surveys.organizationId, ctx.organizationId),
				query.touchpointId ? eq(surveys.touchpointId, query.touchpointId) : undefined,
				query.status ? eq(surveys.status, query.status) : undefined,
				query.kind ? eq(surveys.kind, query.kind) : undefined,
				query.audience ? eq(surveys.audience, query.audience) : undefined,
				afterCursor(query.cursor, { column: surveys.createdAt, kind: "time" }, surveys.id, "desc"),
			),
		)
		.orderBy(desc(surveys.createdAt), desc(surveys.id))
		.limit(query.limit + 1);
	return toPage(
		rows,
		query.limit,
		(r) => toSurveyView(r, ctx.publicUrl),
		(r) => [r.createdAt, r.id],
	);
}

/** The versions of a survey, newest first. */
export async function findSurveyVersions(
	ctx: SurveyCtx,
	surveyId: string,
	query: PageQuery,
): Promise<Page<SurveyVersionView>> {
	await getSurveyInOrg(ctx.db, ctx.organizationId, surveyId);
	const after = query.cursor ? Number.parseInt(query.cursor, 10) : undefined;
	if (after !== undefined && !Number.isInteger(after)) throw invalid("cursor: not a cursor this API returned");
	const rows = await ctx.db
		.select()
		.from(surveyVersions)
		.where(
			and(
				eq(surveyVersions.organizationId, ctx.organizationId),
				eq(surveyVersions.surveyId, surveyId),
				after !== undefined ? sql`${surveyVersions.version} < ${after}` : undefined,
			),
		)
		.orderBy(desc(surveyVersions.version))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page[page.length - 1];
	return {
		items: page.map(toVersionView),
		nextCursor: rows.length > query.limit && last ? String(last.version) : null,
	};
}

/** Counts a submission dropped as spam (honeypot or too fast), for the survey's view. */
export async function countSpamDrop(db: Db, surveyId: string): Promise<void> {
	await db
		.update(surveys)
		.set({ spamDroppedCount: sql`${surveys.spamDroppedCount} + 1` })
		.where(eq(surveys.id, surveyId));
}
