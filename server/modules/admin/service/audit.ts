// The audit trail: who changed what in an organization, written in the same transaction as the change.
import { actorId, type Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { auditLog } from "../schema";

export async function recordAudit(
	db: Db,
	ctx: Pick<Ctx, "organizationId" | "actor">,
	action: string,
	entity: { type: string; id: string | null },
	changes?: Record<string, unknown>,
): Promise<void> {
	await db.insert(auditLog).values({
		organizationId: ctx.organizationId,
		actorType: ctx.actor.type,
		actorId: actorId(ctx.actor),
		action,
		entityType: entity.type,
		entityId: entity.id,
		changes: changes ? JSON.stringify(changes) : null,
	});
}
