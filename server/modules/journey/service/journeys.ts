// Journeys: list, create (optionally with the seven standard stages), rename, delete.
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import {
	type CreateJourneyInput,
	type JourneyDetailView,
	type JourneyView,
	STAGE_KEYS,
	STANDARD_STAGE_NAMES,
	type UpdateJourneyInput,
} from "../contract";
import { journeys, stages, touchpoints } from "../schema";
import { getJourneyDetail, getJourneyInOrg, toJourneyView } from "./load";

async function countsByJourney(db: Db, table: typeof stages | typeof touchpoints, journeyIds: string[]) {
	if (journeyIds.length === 0) return new Map<string, number>();
	const rows = await db
		.select({ journeyId: table.journeyId, n: count() })
		.from(table)
		.where(inArray(table.journeyId, journeyIds))
		.groupBy(table.journeyId);
	return new Map(rows.map((r) => [r.journeyId, r.n]));
}

export async function findJourneys(ctx: Ctx, query: PageQuery): Promise<Page<JourneyView>> {
	const rows = await ctx.db
		.select()
		.from(journeys)
		.where(
			and(
				eq(journeys.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: journeys.createdAt, kind: "time" }, journeys.id, "desc"),
			),
		)
		.orderBy(desc(journeys.createdAt), desc(journeys.id))
		.limit(query.limit + 1);
	const ids = rows.slice(0, query.limit).map((r) => r.id);
	const stageCounts = await countsByJourney(ctx.db, stages, ids);
	const touchpointCounts = await countsByJourney(ctx.db, touchpoints, ids);
	return toPage(
		rows,
		query.limit,
		(r) => toJourneyView(r, stageCounts.get(r.id) ?? 0, touchpointCounts.get(r.id) ?? 0),
		(r) => [r.createdAt, r.id],
	);
}

export function getJourney(ctx: Ctx, id: string): Promise<JourneyDetailView> {
	return getJourneyDetail(ctx.db, ctx.organizationId, id);
}

export async function createJourney(ctx: Ctx, input: CreateJourneyInput): Promise<JourneyDetailView> {
	const id = await ctx.db.transaction(async (tx) => {
		const [journey] = await tx
			.insert(journeys)
			.values({
				organizationId: ctx.organizationId,
				name: input.name,
				description: input.description ?? null,
				createdAt: ctx.now,
				updatedAt: ctx.now,
			})
			.returning();
		if (!journey) throw new Error("journey not written");
		if (input.standardStages) {
			const names = STANDARD_STAGE_NAMES[input.standardStages];
			await tx.insert(stages).values(
				STAGE_KEYS.map((key, position) => ({
					organizationId: ctx.organizationId,
					journeyId: journey.id,
					key,
					name: names[key],
					position,
				})),
			);
		}
		await recordAudit(tx, ctx, "journey.created", { type: "journey", id: journey.id }, { name: input.name });
		return journey.id;
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, id);
}

export async function updateJourney(ctx: Ctx, id: string, input: UpdateJourneyInput): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		await getJourneyInOrg(tx, ctx.organizationId, id);
		await tx
			.update(journeys)
			.set({ ...input, updatedAt: ctx.now })
			.where(and(eq(journeys.organizationId, ctx.organizationId), eq(journeys.id, id)));
		await recordAudit(tx, ctx, "journey.updated", { type: "journey", id }, input);
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, id);
}

export async function deleteJourney(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		await getJourneyInOrg(tx, ctx.organizationId, id);
		await tx.delete(journeys).where(and(eq(journeys.organizationId, ctx.organizationId), eq(journeys.id, id)));
		await recordAudit(tx, ctx, "journey.deleted", { type: "journey", id });
	});
}

/** Marks the journey as changed (its stages or touchpoints were edited). */
export async function touchJourney(db: Db, ctx: Ctx, journeyId: string): Promise<void> {
	await db
		.update(journeys)
		.set({ updatedAt: ctx.now })
		.where(and(eq(journeys.organizationId, ctx.organizationId), eq(journeys.id, journeyId)));
}
