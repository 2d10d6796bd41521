// The organization's text settings (PII redaction of stored analysis text and exports).
import { eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { recordAudit } from "../../admin/service/audit";
import { textSettings } from "../schema";

export type TextSettings = { redactPii: boolean };

export async function getTextSettings(db: Db, organizationId: string): Promise<TextSettings> {
	const [row] = await db.select().from(textSettings).where(eq(textSettings.organizationId, organizationId));
	return { redactPii: row?.redactPii ?? true };
}

export async function updateTextSettings(ctx: Ctx, input: TextSettings): Promise<TextSettings> {
	return ctx.db.transaction(async (tx) => {
		await tx
			.insert(textSettings)
			.values({ organizationId: ctx.organizationId, redactPii: input.redactPii, updatedAt: ctx.now })
			.onConflictDoUpdate({
				target: textSettings.organizationId,
				set: { redactPii: input.redactPii, updatedAt: ctx.now },
			});
		await recordAudit(tx, ctx, "textSettings.updated", { type: "textSettings", id: null }, input);
		return input;
	});
}
