// The journey as a board: stages left to right (stacked on phones), touchpoints inside; drag and keyboard reordering.
import {
	DndContext,
	type DragEndEvent,
	type DragOverEvent,
	DragOverlay,
	type DragStartEvent,
	KeyboardSensor,
	PointerSensor,
	useSensor,
	useSensors,
} from "@dnd-kit/core";
import {
	horizontalListSortingStrategy,
	SortableContext,
	sortableKeyboardCoordinates,
	verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { Button, Paper, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { JourneyDetailView, StageView, TouchpointView } from "../../../server/modules/journey/contract";
import { IconPlus } from "../ui/icons";
import { boardAnnouncements, boardInstructions } from "./board-announcements";
import { boardCollision } from "./board-collision";
import { type Columns, columnsOf, moveInList, stageOfTouchpoint } from "./board-order";
import { type StageActions, StageColumn } from "./StageColumn";
import { TouchpointCard } from "./TouchpointCard";
import type { JourneyActions } from "./use-journey-actions";

export type BoardHandlers = {
	actions: JourneyActions;
	onAddStage: () => void;
	onAddTouchpoint: (stageId: string) => void;
	onEditTouchpoint: (touchpoint: TouchpointView) => void;
	onDeleteTouchpoint: (touchpoint: TouchpointView) => void;
	onDeleteStage: (stage: StageView) => void;
};

type Props = { journey: JourneyDetailView; departmentNames: Map<string, string>; handlers?: BoardHandlers };

export function JourneyBoard({ journey, departmentNames, handlers }: Props) {
	const { t } = useTranslation();
	const isStacked = useMediaQuery("(max-width: 48em)") ?? false;
	const [draft, setDraft] = useState<Columns | null>(null);
	const draftRef = useRef<Columns | null>(null);
	const [activeId, setActiveId] = useState<string | null>(null);
	const sensors = useSensors(
		useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
		useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
	);

	const saved = useMemo(() => columnsOf(journey), [journey]);
	const columns = draft ?? saved;
	const touchpointsById = useMemo(
		() =>
			new Map(
				journey.stages.flatMap((stage) => stage.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint] as const)),
			),
		[journey],
	);
	const stagesById = useMemo(() => new Map(journey.stages.map((stage) => [stage.id, stage])), [journey]);
	const nameOf = (id: string | number) =>
		stagesById.get(String(id))?.name ?? touchpointsById.get(String(id))?.name ?? "";
	const collision = useMemo(() => boardCollision(() => draftRef.current ?? saved), [saved]);

	const updateDraft = (next: Columns | null) => {
		draftRef.current = next;
		setDraft(next);
	};

	const onDragStart = ({ active }: DragStartEvent) => {
		setActiveId(String(active.id));
		if (active.data.current?.type === "touchpoint") updateDraft(saved);
	};

	const onDragOver = ({ active, over }: DragOverEvent) => {
		const current = draftRef.current;
		if (!current || !over || active.data.current?.type !== "touchpoint") return;
		const id = String(active.id);
		const overId = String(over.id);
		const from = stageOfTouchpoint(current, id);
		const to = stagesById.has(overId) ? overId : stageOfTouchpoint(current, overId);
		if (!from || !to || from === to) return;
		const target = current[to] ?? [];
		const overIndex = target.indexOf(overId);
		const insertAt = overIndex >= 0 ? overIndex : target.length;
		updateDraft({
			...current,
			[from]: (current[from] ?? []).filter((existing) => existing !== id),
			[to]: [...target.slice(0, insertAt), id, ...target.slice(insertAt)],
		});
	};

	const onDragEnd = ({ active, over }: DragEndEvent) => {
		const id = String(active.id);
		const current = draftRef.current;
		setActiveId(null);
		if (active.data.current?.type === "stage") {
			const ids = journey.stages.map((stage) => stage.id);
			const from = ids.indexOf(id);
			const to = over ? ids.indexOf(String(over.id)) : -1;
			if (from >= 0 && to >= 0 && from !== to)
				handlers?.actions.reorderStages(moveInList(ids, from, to)).catch(() => {});
			return updateDraft(null);
		}
		const stageId = current ? stageOfTouchpoint(current, id) : undefined;
		if (!current || !stageId || !over) return updateDraft(null);
		let ids = current[stageId] ?? [];
		const overIndex = ids.indexOf(String(over.id));
		if (overIndex >= 0) ids = moveInList(ids, ids.indexOf(id), overIndex);
		const isChanged = ids.join() !== (saved[stageId] ?? []).join();
		if (isChanged) handlers?.actions.reorderTouchpoints(stageId, ids).catch(() => {});
		updateDraft(null);
	};

	const onDragCancel = () => {
		setActiveId(null);
		updateDraft(null);
	};

	const stageActions = (stage: StageView): StageActions | undefined =>
		handlers && {
			onRename: (name) => handlers.actions.renameStage(stage.id, name).catch(() => {}),
			onMove: (delta) => handlers.actions.moveStage(stage.id, delta)?.catch(() => {}),
			onDelete: () => handlers.onDeleteStage(stage),
			onAddTouchpoint: () => handlers.onAddTouchpoint(stage.id),
			touchpointActions: (touchpoint, stageId) => ({
				onEdit: () => handlers.onEditTouchpoint(touchpoint),
				onDelete: () => handlers.onDeleteTouchpoint(touchpoint),
				onMove: (delta) => handlers.actions.moveTouchpoint(stageId, touchpoint.id, delta)?.catch(() => {}),
				onMoveToStage: (targetId) => handlers.actions.moveTouchpointToStage(touchpoint.id, targetId).catch(() => {}),
			}),
		};

	const activeTouchpoint = activeId ? touchpointsById.get(activeId) : undefined;
	const activeStage = activeId ? stagesById.get(activeId) : undefined;

	return (
		<DndContext
			sensors={sensors}
			collisionDetection={collision}
			onDragStart={onDragStart}
			onDragOver={onDragOver}
			onDragEnd={onDragEnd}
			onDragCancel={onDragCancel}
			accessibility={{ announcements: boardAnnouncements(t, nameOf), screenReaderInstructions: boardInstructions(t) }}
		>
			<SortableContext
				items={journey.stages.map((stage) => stage.id)}
				strategy={isStacked ? verticalListSortingStrategy : horizontalListSortingStrategy}
			>
				<div className="loupe-board" data-testid="journey-board">
					{journey.stages.map((stage, index) => (
						<StageColumn
							key={stage.id}
							stage={stage}
							index={index}
							stages={journey.stages}
							isStacked={isStacked}
							touchpoints={(columns[stage.id] ?? []).flatMap((tpId) => touchpointsById.get(tpId) ?? [])}
							departmentNames={departmentNames}
							actions={stageActions(stage)}
						/>
					))}
					{handlers && (
						<Button
							variant="default"
							className="loupe-add-stage"
							leftSection={<IconPlus size={16} />}
							onClick={handlers.onAddStage}
						>
							{t("journey.stage.add")}
						</Button>
					)}
				</div>
			</SortableContext>
			<DragOverlay>
				{activeTouchpoint && (
					<TouchpointCard
						touchpoint={activeTouchpoint}
						departmentName={
							activeTouchpoint.departmentId ? departmentNames.get(activeTouchpoint.departmentId) : undefined
						}
						index={0}
						count={1}
						otherStages={[]}
						isOverlay
					/>
				)}
				{activeStage && (
					<Paper shadow="md" p="sm" withBorder>
						<Text fw={650} size="sm">
							{activeStage.name}
						</Text>
					</Paper>
				)}
			</DragOverlay>
		</DndContext>
	);
}
