// A stage as a board column: sortable header (rename, move, delete) and its sortable touchpoints.

import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ActionIcon, Badge, Button, Group, Menu, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StageView, TouchpointView } from "../../../server/modules/journey/contract";
import {
	IconArrowDown,
	IconArrowLeft,
	IconArrowRight,
	IconArrowUp,
	IconDots,
	IconGrip,
	IconPencil,
	IconPlus,
	IconTrash,
} from "../ui/icons";
import { SortableTouchpoint } from "./SortableTouchpoint";
import { StageTitle } from "./StageTitle";
import type { TouchpointMenuActions } from "./TouchpointCard";

export type StageActions = {
	onRename: (name: string) => void;
	onMove: (delta: number) => void;
	onDelete: () => void;
	onAddTouchpoint: () => void;
	touchpointActions: (touchpoint: TouchpointView, stageId: string) => TouchpointMenuActions;
};

type Props = {
	stage: StageView;
	touchpoints: TouchpointView[];
	index: number;
	stages: StageView[];
	isStacked: boolean;
	departmentNames: Map<string, string>;
	actions?: StageActions;
};

export function StageColumn({ stage, touchpoints, index, stages, isStacked, departmentNames, actions }: Props) {
	const { t } = useTranslation();
	const [isRenaming, setRenaming] = useState(false);
	const canEdit = Boolean(actions);
	const sortable = useSortable({ id: stage.id, data: { type: "stage" }, disabled: !canEdit });
	const otherStages = stages.filter((other) => other.id !== stage.id);

	return (
		<section
			ref={sortable.setNodeRef}
			style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
			className="loupe-stage"
			data-dragging={sortable.isDragging || undefined}
			aria-label={stage.name}
			data-testid="stage-column"
		>
			<Group gap={4} wrap="nowrap" px="xs" pt="xs" pb={6} align="flex-start">
				{canEdit && (
					<ActionIcon
						ref={sortable.setActivatorNodeRef}
						variant="subtle"
						color="gray"
						size="sm"
						className="loupe-drag-handle"
						{...sortable.attributes}
						{...sortable.listeners}
						aria-label={t("journey.stage.dragHandle", { name: stage.name })}
					>
						<IconGrip size={16} />
					</ActionIcon>
				)}
				<div style={{ flex: 1, minWidth: 0 }}>
					<Group gap={6} wrap="nowrap">
						<StageTitle
							name={stage.name}
							isEditing={isRenaming}
							onSave={(name) => actions?.onRename(name)}
							onDone={() => setRenaming(false)}
						/>
						{!isRenaming && (
							<Badge
								size="sm"
								variant="white"
								color="gray"
								aria-label={t("journey.stage.touchpointCount", { count: touchpoints.length })}
							>
								{touchpoints.length}
							</Badge>
						)}
					</Group>
					{stage.key && t(`stages.${stage.key}`) !== stage.name && (
						<Text size="xs" c="dimmed">
							{t(`stages.${stage.key}`)}
						</Text>
					)}
				</div>
				{actions && (
					<Menu position="bottom-end" withinPortal>
						<Menu.Target>
							<ActionIcon
								variant="subtle"
								color="gray"
								size="sm"
								aria-label={t("journey.stage.actions", { name: stage.name })}
							>
								<IconDots size={16} />
							</ActionIcon>
						</Menu.Target>
						<Menu.Dropdown>
							<Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setRenaming(true)}>
								{t("common.rename")}
							</Menu.Item>
							<Menu.Item
								leftSection={isStacked ? <IconArrowUp size={16} /> : <IconArrowLeft size={16} />}
								disabled={index === 0}
								onClick={() => actions.onMove(-1)}
							>
								{isStacked ? t("journey.stage.moveUp") : t("journey.stage.moveLeft")}
							</Menu.Item>
							<Menu.Item
								leftSection={isStacked ? <IconArrowDown size={16} /> : <IconArrowRight size={16} />}
								disabled={index === stages.length - 1}
								onClick={() => actions.onMove(1)}
							>
								{isStacked ? t("journey.stage.moveDown") : t("journey.stage.moveRight")}
							</Menu.Item>
							<Menu.Divider />
							<Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={actions.onDelete}>
								{t("common.delete")}
							</Menu.Item>
						</Menu.Dropdown>
					</Menu>
				)}
			</Group>
			<SortableContext items={touchpoints.map((touchpoint) => touchpoint.id)} strategy={verticalListSortingStrategy}>
				<div className="loupe-stage-body">
					{touchpoints.map((touchpoint, position) => (
						<SortableTouchpoint
							key={touchpoint.id}
							stageId={stage.id}
							canEdit={canEdit}
							touchpoint={touchpoint}
							departmentName={touchpoint.departmentId ? departmentNames.get(touchpoint.departmentId) : undefined}
							index={position}
							count={touchpoints.length}
							otherStages={otherStages}
							actions={actions?.touchpointActions(touchpoint, stage.id)}
						/>
					))}
					{touchpoints.length === 0 && (
						<Text size="xs" c="dimmed" className="loupe-empty-drop">
							{canEdit ? t("journey.stage.emptyEditable") : t("journey.stage.empty")}
						</Text>
					)}
				</div>
			</SortableContext>
			{actions && (
				<Button
					variant="subtle"
					size="xs"
					m="xs"
					mt={0}
					leftSection={<IconPlus size={14} />}
					onClick={actions.onAddTouchpoint}
					justify="flex-start"
					aria-label={t("journey.touchpoint.addTo", { stage: stage.name })}
				>
					{t("journey.touchpoint.add")}
				</Button>
			)}
		</section>
	);
}
