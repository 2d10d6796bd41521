// One touchpoint on the board: name, channel, owning department, URL patterns; drag handle and menu when editable.

import type { DraggableAttributes, DraggableSyntheticListeners } from "@dnd-kit/core";
import { ActionIcon, Badge, Group, Menu, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StageView, TouchpointView } from "../../../server/modules/journey/contract";
import {
	IconArrowDown,
	IconArrowRight,
	IconArrowUp,
	IconDots,
	IconGrip,
	IconLink,
	IconPencil,
	IconTrash,
} from "../ui/icons";
import { CHANNEL_COLORS } from "./channel-style";

export type TouchpointMenuActions = {
	onEdit: () => void;
	onDelete: () => void;
	onMove: (delta: number) => void;
	onMoveToStage: (stageId: string) => void;
};

type Props = {
	touchpoint: TouchpointView;
	departmentName: string | undefined;
	index: number;
	count: number;
	otherStages: StageView[];
	actions?: TouchpointMenuActions;
	handle?: {
		ref: (element: HTMLElement | null) => void;
		attributes: DraggableAttributes;
		listeners: DraggableSyntheticListeners;
	};
	isOverlay?: boolean;
};

export function TouchpointCard({
	touchpoint,
	departmentName,
	index,
	count,
	otherStages,
	actions,
	handle,
	isOverlay,
}: Props) {
	const { t } = useTranslation();
	const patternCount = touchpoint.urlPatterns.length;

	return (
		<Group gap={4} align="flex-start" wrap="nowrap" className="loupe-touchpoint" data-overlay={isOverlay || undefined}>
			{handle ? (
				<ActionIcon
					ref={handle.ref}
					variant="subtle"
					color="gray"
					size="sm"
					className="loupe-drag-handle"
					{...handle.attributes}
					{...handle.listeners}
					aria-label={t("journey.touchpoint.dragHandle", { name: touchpoint.name })}
				>
					<IconGrip size={16} />
				</ActionIcon>
			) : (
				<span style={{ width: 4 }} />
			)}
			<div style={{ flex: 1, minWidth: 0 }}>
				<Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
					<Text fw={600} size="sm" lh={1.35} style={{ overflowWrap: "anywhere" }} data-testid="touchpoint-name">
						{touchpoint.name}
					</Text>
					{actions && (
						<Menu position="bottom-end" withinPortal>
							<Menu.Target>
								<ActionIcon
									variant="subtle"
									color="gray"
									size="sm"
									aria-label={t("journey.touchpoint.actions", { name: touchpoint.name })}
								>
									<IconDots size={16} />
								</ActionIcon>
							</Menu.Target>
							<Menu.Dropdown>
								<Menu.Item leftSection={<IconPencil size={16} />} onClick={actions.onEdit}>
									{t("common.edit")}
								</Menu.Item>
								<Menu.Item
									leftSection={<IconArrowUp size={16} />}
									disabled={index === 0}
									onClick={() => actions.onMove(-1)}
								>
									{t("journey.touchpoint.moveUp")}
								</Menu.Item>
								<Menu.Item
									leftSection={<IconArrowDown size={16} />}
									disabled={index === count - 1}
									onClick={() => actions.onMove(1)}
								>
									{t("journey.touchpoint.moveDown")}
								</Menu.Item>
								{otherStages.length > 0 && (
									<Menu.Sub>
										<Menu.Sub.Target>
											<Menu.Sub.Item leftSection={<IconArrowRight size={16} />}>
												{t("journey.touchpoint.moveToStage")}
											</Menu.Sub.Item>
										</Menu.Sub.Target>
										<Menu.Sub.Dropdown>
											{otherStages.map((stage) => (
												<Menu.Item key={stage.id} onClick={() => actions.onMoveToStage(stage.id)}>
													{stage.name}
												</Menu.Item>
											))}
										</Menu.Sub.Dropdown>
									</Menu.Sub>
								)}
								<Menu.Divider />
								<Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={actions.onDelete}>
									{t("common.delete")}
								</Menu.Item>
							</Menu.Dropdown>
						</Menu>
					)}
				</Group>
				<Group gap={6} mt={6} wrap="wrap">
					<Badge size="sm" variant="light" color={CHANNEL_COLORS[touchpoint.channel]} radius="sm">
						{t(`channels.${touchpoint.channel}`)}
					</Badge>
					<Text size="xs" c="dimmed" truncate="end" maw="100%">
						{departmentName ?? t("journey.touchpoint.noDepartment")}
					</Text>
				</Group>
				{touchpoint.description && (
					<Text size="xs" c="dimmed" mt={6} lineClamp={2}>
						{touchpoint.description}
					</Text>
				)}
				{patternCount > 0 && (
					<Group gap={4} mt={6} c="dimmed" title={touchpoint.urlPatterns.join("\n")}>
						<IconLink size={14} />
						<Text size="xs">{t("journey.touchpoint.urlPatternCount", { count: patternCount })}</Text>
					</Group>
				)}
			</div>
		</Group>
	);
}
