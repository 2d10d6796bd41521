// Outreach settings per organization: the contact-frequency cap, the HMAC key of invitation tokens (made on
// first use, kept only in the database) and the hashed secret of the inbound email-events webhook.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashSecret, newSecret } from "../../../platform/auth/tokens";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import type { OutreachSettingsView, UpdateOutreachSettingsInput, WebhookSecretView } from "../contract";
import { outreachSettings } from "../schema";

export type OutreachSettingsRow = typeof outreachSettings.$inferSelect;

export async function ensureOutreachSettings(db: Db, organizationId: string): Promise<OutreachSettingsRow> {
	await db
		.insert(outreachSettings)
		.values({ organizationId, tokenSecret: randomBytes(32).toString("base64url") })
		.onConflictDoNothing();
	const [row] = await db.select().from(outreachSettings).where(eq(outreachSettings.organizationId, organizationId));
	if (!row) throw new Error("outreach settings not written");
	return row;
}

const toView = (row: OutreachSettingsRow, publicUrl: string): OutreachSettingsView => ({
	contactCapDays: row.contactCapDays,
	hasWebhookSecret: row.webhookSecretHash !== null,
	webhookUrl: `${publicUrl}/api/v1/public/email-events`,
});

export async function getOutreachSettings(ctx: Ctx, publicUrl: string): Promise<OutreachSettingsView> {
	return toView(await ensureOutreachSettings(ctx.db, ctx.organizationId), publicUrl);
}

export async function updateOutreachSettings(
	ctx: Ctx,
	input: UpdateOutreachSettingsInput,
	publicUrl: string,
): Promise<OutreachSettingsView> {
	return ctx.db.transaction(async (tx) => {
		await ensureOutreachSettings(tx, ctx.organizationId);
		const [row] = await tx
			.update(outreachSettings)
			.set({ contactCapDays: input.contactCapDays, updatedAt: ctx.now })
			.where(eq(outreachSettings.organizationId, ctx.organizationId))
			.returning();
		if (!row) throw new Error("outreach settings not written");
		await recordAudit(tx, ctx, "outreach_settings.updated", { type: "organization", id: ctx.organizationId }, input);
		return toView(row, publicUrl);
	});
}

/** A new webhook secret (the old one stops working); shown once, stored as a hash. */
export async function rotateWebhookSecret(ctx: Ctx): Promise<WebhookSecretView> {
	const secret = newSecret("whsec");
	await ctx.db.transaction(async (tx) => {
		await ensureOutreachSettings(tx, ctx.organizationId);
		await tx
			.update(outreachSettings)
			.set({ webhookSecretHash: hashSecret(secret), updatedAt: ctx.now })
			.where(eq(outreachSettings.organizationId, ctx.organizationId));
		await recordAudit(tx, ctx, "outreach_settings.webhook_secret_rotated", {
			type: "organization",
			id: ctx.organizationId,
		});
	});
	return { secret };
}

/** The organization whose webhook secret this is; anything else is unauthenticated. */
export async function organizationOfWebhookSecret(db: Db, secret: string | undefined): Promise<string> {
	if (!secret || secret.length > 200)
		throw new AppError("unauthenticated", "Send the webhook secret as a Bearer token");
	const [row] = await db
		.select({ organizationId: outreachSettings.organizationId })
		.from(outreachSettings)
		.where(eq(outreachSettings.webhookSecretHash, hashSecret(secret)));
	if (!row) throw new AppError("unauthenticated", "Unknown webhook secret");
	return row.organizationId;
}
