// Organization-scoped getters and view mappers of the journey module: every read of a parent goes through here.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { notFound } from "../../../platform/errors";
import type { JourneyDetailView, JourneyView, StageView, TouchpointView } from "../contract";
import { journeys, stages, touchpoints } from "../schema";

export type JourneyRow = typeof journeys.$inferSelect;
export type StageRow = typeof stages.$inferSelect;
export type TouchpointRow = typeof touchpoints.$inferSelect;

export async function getJourneyInOrg(db: Db, organizationId: string, id: string): Promise<JourneyRow> {
	const [row] = await db
		.select()
		.from(journeys)
		.where(and(eq(journeys.organizationId, organizationId), eq(journeys.id, id)));
	if (!row) throw notFound("Journey");
	return row;
}

export async function getStageInJourney(
	db: Db,
	organizationId: string,
	journeyId: string,
	id: string,
): Promise<StageRow> {
	const [row] = await db
		.select()
		.from(stages)
		.where(and(eq(stages.organizationId, organizationId), eq(stages.journeyId, journeyId), eq(stages.id, id)));
	if (!row) throw notFound("Stage");
	return row;
}

export async function getTouchpointInJourney(
	db: Db,
	organizationId: string,
	journeyId: string,
	id: string,
): Promise<TouchpointRow> {
	const [row] = await db
		.select()
		.from(touchpoints)
		.where(
			and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.journeyId, journeyId), eq(touchpoints.id, id)),
		);
	if (!row) throw notFound("Touchpoint");
	return row;
}

/** A touchpoint of the organization in any journey (for modules that bind things to touchpoints). */
export async function getTouchpointInOrg(db: Db, organizationId: string, id: string): Promise<TouchpointRow> {
	const [row] = await db
		.select()
		.from(touchpoints)
		.where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.id, id)));
	if (!row) throw notFound("Touchpoint");
	return row;
}

/** The ids of a stage's touchpoints (empty for another organization's stage). */
export async function findTouchpointIdsOfStage(db: Db, organizationId: string, stageId: string): Promise<string[]> {
	const rows = await db
		.select({ id: touchpoints.id })
		.from(touchpoints)
		.where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.stageId, stageId)));
	return rows.map((r) => r.id);
}

/** Names of the given touchpoints of the organization, by id (for exports and detail views). */
export async function findTouchpointNames(db: Db, organizationId: string, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: touchpoints.id, name: touchpoints.name })
		.from(touchpoints)
		.where(and(eq(touchpoints.organizationId, organizationId), inArray(touchpoints.id, ids)));
	return new Map(rows.map((r) => [r.id, r.name]));
}

export const toTouchpointView = (row: TouchpointRow): TouchpointView => ({
	id: row.id,
	journeyId: row.journeyId,
	stageId: row.stageId,
	name: row.name,
	description: row.description,
	channel: row.channel,
	departmentId: row.departmentId,
	urlPatterns: row.urlPatterns,
	position: row.position,
});

export const toJourneyView = (row: JourneyRow, stageCount: number, touchpointCount: number): JourneyView => ({
	id: row.id,
	name: row.name,
	description: row.description,
	stageCount,
	touchpointCount,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

/** The whole journey with stages and touchpoints in order (bounded by the per-journey limits). */
export async function getJourneyDetail(db: Db, organizationId: string, id: string): Promise<JourneyDetailView> {
	const journey = await getJourneyInOrg(db, organizationId, id);
	const stageRows = await db
		.select()
		.from(stages)
		.where(and(eq(stages.organizationId, organizationId), eq(stages.journeyId, id)))
		.orderBy(asc(stages.position), asc(stages.createdAt));
	const touchpointRows = await db
		.select()
		.from(touchpoints)
		.where(and(eq(touchpoints.organizationId, organizationId), eq(touchpoints.journeyId, id)))
		.orderBy(asc(touchpoints.position), asc(touchpoints.createdAt));
	const stageViews: StageView[] = stageRows.map((stage) => ({
		id: stage.id,
		journeyId: stage.journeyId,
		key: stage.key,
		name: stage.name,
		description: stage.description,
		position: stage.position,
		touchpoints: touchpointRows.filter((t) => t.stageId === stage.id).map(toTouchpointView),
	}));
	return { ...toJourneyView(journey, stageRows.length, touchpointRows.length), stages: stageViews };
}
