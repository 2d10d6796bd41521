// API keys for machine access: shown once on creation, stored only as a hash, revocable.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import { isRoleAtLeast } from "../../../platform/auth/roles";
import { hashSecret, newSecret } from "../../../platform/auth/tokens";
import type { Ctx } from "../../../platform/context";
import { forbidden, notFound } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import type { ApiKeyView, CreateApiKeyInput } from "../contract";
import { apiKeys } from "../schema";
import { recordAudit } from "./audit";

type ApiKeyRow = typeof apiKeys.$inferSelect;

const toView = (row: ApiKeyRow): ApiKeyView => ({
	id: row.id,
	name: row.name,
	prefix: row.prefix,
	role: row.role,
	lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
	revokedAt: row.revokedAt?.toISOString() ?? null,
	createdAt: row.createdAt.toISOString(),
});

export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
	// A key never gets more rights than the person who makes it.
	if (ctx.actor.type !== "user" || !isRoleAtLeast(ctx.actor.role, input.role)) {
		throw forbidden("A key cannot have a higher role than its creator");
	}
	const key = newSecret("lk");
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(apiKeys)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				prefix: key.slice(0, 10),
				keyHash: hashSecret(key),
				role: input.role,
				createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
				createdAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("api key not written");
		await recordAudit(
			tx,
			ctx,
			"apiKey.created",
			{ type: "apiKey", id: row.id },
			{ name: input.name, role: input.role },
		);
		return { ...toView(row), key };
	});
}

export async function findApiKeys(ctx: Ctx, query: PageQuery): Promise<Page<ApiKeyView>> {
	const rows = await ctx.db
		.select()
		.from(apiKeys)
		.where(
			and(
				eq(apiKeys.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: apiKeys.createdAt, kind: "time" }, apiKeys.id, "desc"),
			),
		)
		.orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toView, (r) => [r.createdAt, r.id]);
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiKeys)
			.set({ revokedAt: ctx.now })
			.where(and(eq(apiKeys.organizationId, ctx.organizationId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
			.returning({ id: apiKeys.id });
		if (!row) throw notFound("API key");
		await recordAudit(tx, ctx, "apiKey.revoked", { type: "apiKey", id });
	});
}
