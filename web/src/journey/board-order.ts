// Pure edits of a journey's board (stage order, touchpoint order and moves), used for optimistic updates.
import type { JourneyDetailView, StageView, TouchpointView } from "../../../server/modules/journey/contract";

/** Touchpoint ids per stage id, in board order. */
export type Columns = Record<string, string[]>;

export const columnsOf = (journey: JourneyDetailView): Columns =>
	Object.fromEntries(journey.stages.map((stage) => [stage.id, stage.touchpoints.map((touchpoint) => touchpoint.id)]));

export function moveInList<T>(list: readonly T[], from: number, to: number): T[] {
	const next = [...list];
	const [moved] = next.splice(from, 1);
	if (moved === undefined) return next;
	next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
	return next;
}

const recount = (journey: JourneyDetailView, stages: StageView[]): JourneyDetailView => ({
	...journey,
	stages: stages.map((stage, position) => ({
		...stage,
		position,
		touchpoints: stage.touchpoints.map((touchpoint, index) => ({ ...touchpoint, stageId: stage.id, position: index })),
	})),
	stageCount: stages.length,
	touchpointCount: stages.reduce((sum, stage) => sum + stage.touchpoints.length, 0),
});

export function withStageOrder(journey: JourneyDetailView, stageIds: string[]): JourneyDetailView {
	const byId = new Map(journey.stages.map((stage) => [stage.id, stage]));
	const ordered = stageIds.flatMap((id) => byId.get(id) ?? []);
	return recount(journey, ordered);
}

/** The stage gets exactly `touchpointIds` in that order; ids taken from other stages leave them. */
export function withTouchpointOrder(
	journey: JourneyDetailView,
	stageId: string,
	touchpointIds: string[],
): JourneyDetailView {
	const all = new Map<string, TouchpointView>(
		journey.stages.flatMap((stage) => stage.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint] as const)),
	);
	const moving = new Set(touchpointIds);
	const stages = journey.stages.map((stage) =>
		stage.id === stageId
			? { ...stage, touchpoints: touchpointIds.flatMap((id) => all.get(id) ?? []) }
			: { ...stage, touchpoints: stage.touchpoints.filter((touchpoint) => !moving.has(touchpoint.id)) },
	);
	return recount(journey, stages);
}

export function withTouchpoint(journey: JourneyDetailView, touchpoint: TouchpointView): JourneyDetailView {
	const stages = journey.stages.map((stage) => {
		const rest = stage.touchpoints.filter((existing) => existing.id !== touchpoint.id);
		if (stage.id !== touchpoint.stageId) return { ...stage, touchpoints: rest };
		const index = stage.touchpoints.findIndex((existing) => existing.id === touchpoint.id);
		const touchpoints =
			index >= 0
				? stage.touchpoints.map((existing) => (existing.id === touchpoint.id ? touchpoint : existing))
				: [...rest, touchpoint];
		return { ...stage, touchpoints };
	});
	return recount(journey, stages);
}

export const withoutTouchpoint = (journey: JourneyDetailView, touchpointId: string): JourneyDetailView =>
	recount(
		journey,
		journey.stages.map((stage) => ({
			...stage,
			touchpoints: stage.touchpoints.filter((touchpoint) => touchpoint.id !== touchpointId),
		})),
	);

export const withoutStage = (journey: JourneyDetailView, stageId: string): JourneyDetailView =>
	recount(
		journey,
		journey.stages.filter((stage) => stage.id !== stageId),
	);

export const withStageRenamed = (journey: JourneyDetailView, stageId: string, name: string): JourneyDetailView => ({
	...journey,
	stages: journey.stages.map((stage) => (stage.id === stageId ? { ...stage, name } : stage)),
});

/** Which stage holds a touchpoint id in the given columns. */
export const stageOfTouchpoint = (columns: Columns, touchpointId: string): string | undefined =>
	Object.keys(columns).find((stageId) => columns[stageId]?.includes(touchpointId));
