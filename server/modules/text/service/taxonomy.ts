// The organization's theme taxonomy: starts as a copy of the default one, then edited by its people.
import { and, asc, count, eq } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import { defaultTaxonomy, type Taxonomy } from "../../../../lib/text/themes/taxonomy";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid, notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type { CreateThemeInput, ThemeView, UpdateThemeInput } from "../contract";
import { textThemes } from "../schema";

export const MAX_THEMES = 200;
type ThemeRow = typeof textThemes.$inferSelect;

const toView = (row: ThemeRow): ThemeView => ({
	id: row.id,
	key: row.key,
	label: { de: row.labelDe, en: row.labelEn },
	keywords: { de: row.keywordsDe, en: row.keywordsEn },
	isActive: row.isActive,
	updatedAt: row.updatedAt.toISOString(),
});

/** Copies the default taxonomy for an organization that has none yet (idempotent). */
export async function ensureTaxonomy(db: Db, organizationId: string): Promise<void> {
	const [existing] = await db
		.select({ n: count() })
		.from(textThemes)
		.where(eq(textThemes.organizationId, organizationId));
	if ((existing?.n ?? 0) > 0) return;
	await db
		.insert(textThemes)
		.values(
			defaultTaxonomy.themes.map((theme) => ({
				organizationId,
				key: theme.id,
				labelDe: theme.label.de,
				labelEn: theme.label.en,
				keywordsDe: theme.keywords.de,
				keywordsEn: theme.keywords.en,
			})),
		)
		.onConflictDoNothing();
}

/** The active themes as the text models take them. */
export async function loadTaxonomy(db: Db, organizationId: string): Promise<Taxonomy> {
	await ensureTaxonomy(db, organizationId);
	const rows = await db
		.select()
		.from(textThemes)
		.where(and(eq(textThemes.organizationId, organizationId), eq(textThemes.isActive, true)))
		.orderBy(asc(textThemes.key));
	return {
		themes: rows.map((row) => ({
			id: row.key,
			label: { de: row.labelDe, en: row.labelEn },
			keywords: { de: row.keywordsDe, en: row.keywordsEn },
			examples: { de: [], en: [] },
		})),
	};
}

export async function findThemes(ctx: Ctx, query: PageQuery): Promise<Page<ThemeView>> {
	await ensureTaxonomy(ctx.db, ctx.organizationId);
	const rows = await ctx.db
		.select()
		.from(textThemes)
		.where(
			and(
				eq(textThemes.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: textThemes.key, kind: "text" }, textThemes.id, "asc"),
			),
		)
		.orderBy(asc(textThemes.key), asc(textThemes.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toView, (r) => [r.key, r.id]);
}

async function getThemeInOrg(db: Db, organizationId: string, id: string): Promise<ThemeRow> {
	const [row] = await db
		.select()
		.from(textThemes)
		.where(and(eq(textThemes.organizationId, organizationId), eq(textThemes.id, id)));
	if (!row) throw notFound("Theme");
	return row;
}

export async function createTheme(ctx: Ctx, input: CreateThemeInput): Promise<ThemeView> {
	return ctx.db.transaction(async (tx) => {
		await ensureTaxonomy(tx, ctx.organizationId);
		const [total] = await tx
			.select({ n: count() })
			.from(textThemes)
			.where(eq(textThemes.organizationId, ctx.organizationId));
		if ((total?.n ?? 0) >= MAX_THEMES) throw invalid(`An organization has at most ${MAX_THEMES} themes`);
		const [row] = await tx
			.insert(textThemes)
			.values({
				organizationId: ctx.organizationId,
				key: input.key,
				labelDe: input.label.de,
				labelEn: input.label.en,
				keywordsDe: input.keywords.de,
				keywordsEn: input.keywords.en,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("theme not written");
		await recordAudit(tx, ctx, "theme.created", { type: "theme", id: row.id }, input);
		return toView(row);
	});
}

export async function updateTheme(ctx: Ctx, id: string, input: UpdateThemeInput): Promise<ThemeView> {
	return ctx.db.transaction(async (tx) => {
		await getThemeInOrg(tx, ctx.organizationId, id);
		const [row] = await tx
			.update(textThemes)
			.set({
				...(input.label ? { labelDe: input.label.de, labelEn: input.label.en } : {}),
				...(input.keywords ? { keywordsDe: input.keywords.de, keywordsEn: input.keywords.en } : {}),
				...(input.isActive === undefined ? {} : { isActive: input.isActive }),
				updatedAt: ctx.now,
			})
			.where(and(eq(textThemes.organizationId, ctx.organizationId), eq(textThemes.id, id)))
			.returning();
		if (!row) throw notFound("Theme");
		await recordAudit(tx, ctx, "theme.updated", { type: "theme", id }, input);
		return toView(row);
	});
}

export async function deleteTheme(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getThemeInOrg(tx, ctx.organizationId, id);
		await tx.delete(textThemes).where(and(eq(textThemes.organizationId, ctx.organizationId), eq(textThemes.id, id)));
		await recordAudit(tx, ctx, "theme.deleted", { type: "theme", id });
	});
}
