// Sites: the websites and apps that send feedback and behaviour with a public key, limited to their origins.
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { AppError, notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import type { CreateSiteInput, SiteView, UpdateSiteInput } from "../contract";
import { sites } from "../schema";
import { recordAudit } from "./audit";

export type SiteRow = typeof sites.$inferSelect;

const toView = (row: SiteRow): SiteView => ({
	id: row.id,
	name: row.name,
	publicKey: row.publicKey,
	allowedOrigins: row.allowedOrigins,
	respectPrivacySignals: row.respectPrivacySignals,
	createdAt: row.createdAt.toISOString(),
});

export async function getSiteInOrg(db: Db, organizationId: string, id: string): Promise<SiteRow> {
	const [row] = await db
		.select()
		.from(sites)
		.where(and(eq(sites.organizationId, organizationId), eq(sites.id, id)));
	if (!row) throw notFound("Site");
	return row;
}

/** The site behind a public key (public ingestion); unknown keys are a 404, never a hint about others. */
export async function getSiteByPublicKey(db: Db, publicKey: string): Promise<SiteRow> {
	const [row] = await db.select().from(sites).where(eq(sites.publicKey, publicKey));
	if (!row) throw new AppError("not_found", "Unknown site key");
	return row;
}

/** Whether a browser origin may use the site's key: exact, `*.` one subdomain level, or `:*` any port. */
export function isOriginAllowed(site: Pick<SiteRow, "allowedOrigins">, origin: string): boolean {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	return site.allowedOrigins.some((pattern) => {
		const match = pattern.toLowerCase().match(/^(https?):\/\/(\*\.)?([^:]+)(?::(\d+|\*))?$/);
		if (!match) return false;
		const [, scheme, wildcard, host, port] = match;
		if (`${scheme}:` !== url.protocol) return false;
		const hostMatches = wildcard
			? url.hostname.endsWith(`.${host}`) && !url.hostname.slice(0, -(host ?? "").length - 1).includes(".")
			: url.hostname === host;
		const defaultPort = url.protocol === "https:" ? "443" : "80";
		const portMatches = port === "*" || (url.port || defaultPort) === (port ?? defaultPort);
		return hostMatches && portMatches;
	});
}

export function newPublicKey(): string {
	return `pk_${randomBytes(12).toString("base64url")}`;
}

export async function findSites(ctx: Ctx, query: PageQuery): Promise<Page<SiteView>> {
	const rows = await ctx.db
		.select()
		.from(sites)
		.where(
			and(
				eq(sites.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: sites.createdAt, kind: "time" }, sites.id, "desc"),
			),
		)
		.orderBy(desc(sites.createdAt), desc(sites.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toView, (r) => [r.createdAt, r.id]);
}

export async function createSite(ctx: Ctx, input: CreateSiteInput, publicKey = newPublicKey()): Promise<SiteView> {
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(sites)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				allowedOrigins: input.allowedOrigins,
				respectPrivacySignals: input.respectPrivacySignals ?? false,
				publicKey,
				createdAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("site not written");
		await recordAudit(tx, ctx, "site.created", { type: "site", id: row.id }, input);
		return toView(row);
	});
}

export async function updateSite(ctx: Ctx, id: string, input: UpdateSiteInput): Promise<SiteView> {
	return ctx.db.transaction(async (tx) => {
		await getSiteInOrg(tx, ctx.organizationId, id);
		const [row] = await tx
			.update(sites)
			.set(input)
			.where(and(eq(sites.organizationId, ctx.organizationId), eq(sites.id, id)))
			.returning();
		if (!row) throw notFound("Site");
		await recordAudit(tx, ctx, "site.updated", { type: "site", id }, input);
		return toView(row);
	});
}

export async function deleteSite(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getSiteInOrg(tx, ctx.organizationId, id);
		await tx.delete(sites).where(and(eq(sites.organizationId, ctx.organizationId), eq(sites.id, id)));
		await recordAudit(tx, ctx, "site.deleted", { type: "site", id });
	});
}
