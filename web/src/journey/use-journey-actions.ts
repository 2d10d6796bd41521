// The journey board's actions: each calls one endpoint with an optimistic result from board-order.ts.
import { useTranslation } from "react-i18next";
import type {
	CreateStageInput,
	CreateTouchpointInput,
	JourneyDetailView,
	UpdateTouchpointInput,
} from "../../../server/modules/journey/contract";
import { api } from "../api/client";
import {
	moveInList,
	withoutStage,
	withoutTouchpoint,
	withStageOrder,
	withStageRenamed,
	withTouchpoint,
	withTouchpointOrder,
} from "./board-order";
import { useJourneyChange } from "./journey-api";

export function useJourneyActions(journey: JourneyDetailView) {
	const { t } = useTranslation();
	const { apply } = useJourneyChange(journey.id);
	const base = `/journeys/${journey.id}`;

	const reorderStages = (stageIds: string[]) =>
		apply(
			() => api<JourneyDetailView>("PUT", `${base}/stage-order`, { stageIds }),
			(current) => withStageOrder(current, stageIds),
		);

	const reorderTouchpoints = (stageId: string, touchpointIds: string[]) =>
		apply(
			() => api<JourneyDetailView>("PUT", `${base}/stages/${stageId}/touchpoint-order`, { touchpointIds }),
			(current) => withTouchpointOrder(current, stageId, touchpointIds),
		);

	const moveStage = (stageId: string, delta: number) => {
		const ids = journey.stages.map((stage) => stage.id);
		const from = ids.indexOf(stageId);
		const to = from + delta;
		if (from < 0 || to < 0 || to >= ids.length) return;
		return reorderStages(moveInList(ids, from, to));
	};

	const moveTouchpoint = (stageId: string, touchpointId: string, delta: number) => {
		const ids =
			journey.stages.find((stage) => stage.id === stageId)?.touchpoints.map((touchpoint) => touchpoint.id) ?? [];
		const from = ids.indexOf(touchpointId);
		const to = from + delta;
		if (from < 0 || to < 0 || to >= ids.length) return;
		return reorderTouchpoints(stageId, moveInList(ids, from, to));
	};

	const moveTouchpointToStage = (touchpointId: string, stageId: string) => {
		const ids =
			journey.stages.find((stage) => stage.id === stageId)?.touchpoints.map((touchpoint) => touchpoint.id) ?? [];
		return reorderTouchpoints(stageId, [...ids, touchpointId]);
	};

	const addStage = (input: CreateStageInput) => apply(() => api<JourneyDetailView>("POST", `${base}/stages`, input));

	const renameStage = (stageId: string, name: string) =>
		apply(
			() => api<JourneyDetailView>("PATCH", `${base}/stages/${stageId}`, { name }),
			(current) => withStageRenamed(current, stageId, name),
		);

	const deleteStage = (stageId: string) =>
		apply(
			() => api<JourneyDetailView>("DELETE", `${base}/stages/${stageId}`),
			(current) => withoutStage(current, stageId),
			t("journey.stage.deleteBlocked"),
		);

	const createTouchpoint = (input: CreateTouchpointInput) =>
		apply(() => api<JourneyDetailView>("POST", `${base}/touchpoints`, input));

	const updateTouchpoint = (touchpointId: string, input: UpdateTouchpointInput) =>
		apply(
			() => api<JourneyDetailView>("PATCH", `${base}/touchpoints/${touchpointId}`, input),
			(current) => {
				const existing = current.stages.flatMap((stage) => stage.touchpoints).find((tp) => tp.id === touchpointId);
				return existing ? withTouchpoint(current, { ...existing, ...input }) : current;
			},
		);

	const deleteTouchpoint = (touchpointId: string) =>
		apply(
			() => api<JourneyDetailView>("DELETE", `${base}/touchpoints/${touchpointId}`),
			(current) => withoutTouchpoint(current, touchpointId),
		);

	return {
		reorderStages,
		reorderTouchpoints,
		moveStage,
		moveTouchpoint,
		moveTouchpointToStage,
		addStage,
		renameStage,
		deleteStage,
		createTouchpoint,
		updateTouchpoint,
		deleteTouchpoint,
	};
}

export type JourneyActions = ReturnType<typeof useJourneyActions>;
