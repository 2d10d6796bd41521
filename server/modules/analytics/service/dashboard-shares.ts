// Read-only share links of a dashboard: a random token shown once, stored only as its SHA-256 hash (like API
// keys), revocable, optionally expiring. Export tokens are the same rows with purpose `export`, living a minute.
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { hashSecret, newSecret } from "../../../platform/auth/tokens";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import type { CreatedShareLinkView, CreateShareLinkInput, ShareLinkView } from "../contract-dashboards";
import { dashboardShareLinks } from "../schema-dashboards";
import { type DashboardRow, getDashboardInOrg } from "./dashboards";

type ShareLinkRow = typeof dashboardShareLinks.$inferSelect;
const DAY_MS = 86_400_000;
const EXPORT_TOKEN_MS = 60_000;

const toView = (row: ShareLinkRow): ShareLinkView => ({
	id: row.id,
	label: row.label,
	prefix: row.prefix,
	expiresAt: row.expiresAt?.toISOString() ?? null,
	revokedAt: row.revokedAt?.toISOString() ?? null,
	lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
	createdAt: row.createdAt.toISOString(),
});

export const shareUrlOf = (publicUrl: string, token: string) => `${publicUrl}/share/${token}`;

export async function createShareLink(
	ctx: Ctx,
	dashboardId: string,
	input: CreateShareLinkInput,
	publicUrl: string,
): Promise<CreatedShareLinkView> {
	await getDashboardInOrg(ctx.db, ctx.organizationId, dashboardId);
	const token = newSecret("dsh");
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(dashboardShareLinks)
			.values({
				organizationId: ctx.organizationId,
				dashboardId,
				label: input.label ?? null,
				prefix: token.slice(0, 10),
				tokenHash: hashSecret(token),
				expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * DAY_MS) : null,
				createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
				createdAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("share link not written");
		await recordAudit(tx, ctx, "dashboard.shared", { type: "dashboard", id: dashboardId }, { linkId: row.id });
		return { ...toView(row), token, url: shareUrlOf(publicUrl, token) };
	});
}

export async function findShareLinks(ctx: Ctx, dashboardId: string): Promise<{ items: ShareLinkView[] }> {
	await getDashboardInOrg(ctx.db, ctx.organizationId, dashboardId);
	const rows = await ctx.db
		.select()
		.from(dashboardShareLinks)
		.where(
			and(
				eq(dashboardShareLinks.organizationId, ctx.organizationId),
				eq(dashboardShareLinks.dashboardId, dashboardId),
				eq(dashboardShareLinks.purpose, "link"),
			),
		)
		.orderBy(desc(dashboardShareLinks.createdAt), desc(dashboardShareLinks.id))
		.limit(100);
	return { items: rows.map(toView) };
}

export async function revokeShareLink(ctx: Ctx, dashboardId: string, linkId: string): Promise<void> {
	await getDashboardInOrg(ctx.db, ctx.organizationId, dashboardId);
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(dashboardShareLinks)
			.set({ revokedAt: ctx.now })
			.where(
				and(
					eq(dashboardShareLinks.organizationId, ctx.organizationId),
					eq(dashboardShareLinks.dashboardId, dashboardId),
					eq(dashboardShareLinks.id, linkId),
					isNull(dashboardShareLinks.revokedAt),
				),
			)
			.returning({ id: dashboardShareLinks.id });
		if (!row) throw notFound("Share link");
		await recordAudit(tx, ctx, "dashboard.shareRevoked", { type: "dashboard", id: dashboardId }, { linkId });
	});
}

/** The dashboard behind a token; unknown, revoked and expired tokens are all just "not found". */
export async function dashboardOfToken(db: Db, token: string, now: Date): Promise<DashboardRow> {
	if (!/^dsh_[A-Za-z0-9_-]{20,60}$/.test(token)) throw notFound("Shared dashboard");
	const [link] = await db
		.select()
		.from(dashboardShareLinks)
		.where(eq(dashboardShareLinks.tokenHash, hashSecret(token)));
	if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) throw notFound("Shared dashboard");
	// Recording use at most once a minute keeps a popular link from writing on every view.
	if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() > 60_000) {
		await db.update(dashboardShareLinks).set({ lastUsedAt: now }).where(eq(dashboardShareLinks.id, link.id));
	}
	return getDashboardInOrg(db, link.organizationId, link.dashboardId);
}

/** A one-minute token for the server's own browser to open the share view of a dashboard it exports. */
export async function createExportToken(ctx: Ctx, dashboardId: string): Promise<{ token: string; id: string }> {
	await getDashboardInOrg(ctx.db, ctx.organizationId, dashboardId);
	const token = newSecret("dsh");
	// Export tokens left behind by a crash are cleaned up here, by the next export.
	await ctx.db
		.delete(dashboardShareLinks)
		.where(
			and(
				eq(dashboardShareLinks.purpose, "export"),
				or(lt(dashboardShareLinks.expiresAt, ctx.now), sql`${dashboardShareLinks.revokedAt} is not null`),
			),
		);
	const [row] = await ctx.db
		.insert(dashboardShareLinks)
		.values({
			organizationId: ctx.organizationId,
			dashboardId,
			purpose: "export",
			prefix: token.slice(0, 10),
			tokenHash: hashSecret(token),
			expiresAt: new Date(ctx.now.getTime() + EXPORT_TOKEN_MS),
			createdAt: ctx.now,
		})
		.returning({ id: dashboardShareLinks.id });
	if (!row) throw new Error("export token not written");
	return { token, id: row.id };
}

export async function dropExportToken(db: Db, id: string): Promise<void> {
	await db
		.delete(dashboardShareLinks)
		.where(and(eq(dashboardShareLinks.id, id), eq(dashboardShareLinks.purpose, "export")));
}
