// Stages of a journey: add at a position, rename, reorder as a whole, delete when empty.
import { and, asc, count, eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { conflict, invalid } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import {
	type CreateStageInput,
	type JourneyDetailView,
	MAX_STAGES_PER_JOURNEY,
	type ReorderStagesInput,
	type UpdateStageInput,
} from "../contract";
import { stages, touchpoints } from "../schema";
import { touchJourney } from "./journeys";
import { getJourneyDetail, getJourneyInOrg, getStageInJourney } from "./load";

async function stageIdsInOrder(db: Db, ctx: Ctx, journeyId: string): Promise<string[]> {
	const rows = await db
		.select({ id: stages.id })
		.from(stages)
		.where(and(eq(stages.organizationId, ctx.organizationId), eq(stages.journeyId, journeyId)))
		.orderBy(asc(stages.position), asc(stages.createdAt));
	return rows.map((r) => r.id);
}

/** Writes positions 0…n-1 in the given order. */
async function writeStageOrder(db: Db, ctx: Ctx, ids: string[]): Promise<void> {
	for (const [position, id] of ids.entries()) {
		await db
			.update(stages)
			.set({ position })
			.where(and(eq(stages.organizationId, ctx.organizationId), eq(stages.id, id)));
	}
}

export async function addStage(ctx: Ctx, journeyId: string, input: CreateStageInput): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		await getJourneyInOrg(tx, ctx.organizationId, journeyId);
		const order = await stageIdsInOrder(tx, ctx, journeyId);
		if (order.length >= MAX_STAGES_PER_JOURNEY) throw invalid(`A journey has at most ${MAX_STAGES_PER_JOURNEY} stages`);
		const [stage] = await tx
			.insert(stages)
			.values({
				organizationId: ctx.organizationId,
				journeyId,
				name: input.name,
				key: input.key ?? null,
				description: input.description ?? null,
				position: order.length,
			})
			.returning();
		if (!stage) throw new Error("stage not written");
		if (input.position !== undefined && input.position < order.length) {
			order.splice(input.position, 0, stage.id);
			await writeStageOrder(tx, ctx, order);
		}
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "stage.created", { type: "stage", id: stage.id }, { journeyId, name: input.name });
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}

export async function updateStage(
	ctx: Ctx,
	journeyId: string,
	stageId: string,
	input: UpdateStageInput,
): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		await getStageInJourney(tx, ctx.organizationId, journeyId, stageId);
		await tx
			.update(stages)
			.set(input)
			.where(and(eq(stages.organizationId, ctx.organizationId), eq(stages.id, stageId)));
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "stage.updated", { type: "stage", id: stageId }, input);
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}

export async function reorderStages(
	ctx: Ctx,
	journeyId: string,
	input: ReorderStagesInput,
): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		await getJourneyInOrg(tx, ctx.organizationId, journeyId);
		const current = await stageIdsInOrder(tx, ctx, journeyId);
		const isSameSet = current.length === input.stageIds.length && input.stageIds.every((id) => current.includes(id));
		if (!isSameSet) throw invalid("stageIds: list every stage of this journey exactly once");
		await writeStageOrder(tx, ctx, input.stageIds);
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "stages.reordered", { type: "journey", id: journeyId }, input);
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}

export async function deleteStage(ctx: Ctx, journeyId: string, stageId: string): Promise<JourneyDetailView> {
	await ctx.db.transaction(async (tx) => {
		await getStageInJourney(tx, ctx.organizationId, journeyId, stageId);
		const [held] = await tx
			.select({ n: count() })
			.from(touchpoints)
			.where(and(eq(touchpoints.organizationId, ctx.organizationId), eq(touchpoints.stageId, stageId)));
		if ((held?.n ?? 0) > 0) throw conflict("This stage still has touchpoints: move or delete them first");
		await tx.delete(stages).where(and(eq(stages.organizationId, ctx.organizationId), eq(stages.id, stageId)));
		await writeStageOrder(tx, ctx, await stageIdsInOrder(tx, ctx, journeyId));
		await touchJourney(tx, ctx, journeyId);
		await recordAudit(tx, ctx, "stage.deleted", { type: "stage", id: stageId });
	});
	return getJourneyDetail(ctx.db, ctx.organizationId, journeyId);
}
