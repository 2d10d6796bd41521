// The organization's closed-loop secrets: the HMAC key of reply-address and follow-up tokens (made on first use,
// kept only in the database) and the hashed bearer secret of the inbound-mail webhook.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashSecret, newSecret } from "../../../platform/auth/tokens";
import type { Config } from "../../../platform/config";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import type { InboundSecretView, InboundSettingsView } from "../contract-loop";
import { caseLoopSettings } from "../schema-loop";

export type CaseLoopSettingsRow = typeof caseLoopSettings.$inferSelect;

export async function ensureLoopSettings(db: Db, organizationId: string): Promise<CaseLoopSettingsRow> {
	await db
		.insert(caseLoopSettings)
		.values({ organizationId, tokenSecret: randomBytes(32).toString("base64url") })
		.onConflictDoNothing();
	const [row] = await db.select().from(caseLoopSettings).where(eq(caseLoopSettings.organizationId, organizationId));
	if (!row) throw new Error("case loop settings not written");
	return row;
}

const toView = (row: CaseLoopSettingsRow, config: Config): InboundSettingsView => ({
	isConfigured: row.inboundSecretHash !== null,
	secretPrefix: row.inboundSecretPrefix,
	webhookUrl: `${config.publicUrl}/api/v1/public/cases/inbound`,
	replyAddressPattern: `${config.replyAddress.local}+c-<token>@${config.replyAddress.domain}`,
});

export async function getInboundSettings(ctx: Ctx, config: Config): Promise<InboundSettingsView> {
	return toView(await ensureLoopSettings(ctx.db, ctx.organizationId), config);
}

/** A new inbound webhook secret (the old one stops working); shown once, stored as a hash. */
export async function rotateInboundSecret(ctx: Ctx, config: Config): Promise<InboundSecretView> {
	const secret = newSecret("inbsec");
	return ctx.db.transaction(async (tx) => {
		await ensureLoopSettings(tx, ctx.organizationId);
		const [row] = await tx
			.update(caseLoopSettings)
			.set({ inboundSecretHash: hashSecret(secret), inboundSecretPrefix: secret.slice(0, 11), updatedAt: ctx.now })
			.where(eq(caseLoopSettings.organizationId, ctx.organizationId))
			.returning();
		if (!row) throw new Error("case loop settings not written");
		await recordAudit(tx, ctx, "cases.inbound_secret_rotated", { type: "organization", id: ctx.organizationId });
		return { ...toView(row, config), secret };
	});
}

/** The organization whose inbound secret this is; anything else is unauthenticated. */
export async function organizationOfInboundSecret(db: Db, secret: string | undefined): Promise<string> {
	if (!secret || secret.length > 200)
		throw new AppError("unauthenticated", "Send the inbound secret as a Bearer token");
	const [row] = await db
		.select({ organizationId: caseLoopSettings.organizationId })
		.from(caseLoopSettings)
		.where(eq(caseLoopSettings.inboundSecretHash, hashSecret(secret)));
	if (!row) throw new AppError("unauthenticated", "Unknown inbound secret");
	return row.organizationId;
}
