// Makes a touchpoint card sortable within and across stages (dnd-kit), with its drag handle as the activator.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ComponentProps } from "react";
import { TouchpointCard } from "./TouchpointCard";

type Props = Omit<ComponentProps<typeof TouchpointCard>, "handle" | "isOverlay"> & {
	stageId: string;
	canEdit: boolean;
};

export function SortableTouchpoint({ stageId, canEdit, ...card }: Props) {
	const sortable = useSortable({
		id: card.touchpoint.id,
		data: { type: "touchpoint", stageId },
		disabled: !canEdit,
	});
	return (
		<div
			ref={sortable.setNodeRef}
			style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
			data-dragging={sortable.isDragging || undefined}
			className="loupe-touchpoint-slot"
			data-testid="touchpoint-card"
		>
			<TouchpointCard
				{...card}
				handle={
					canEdit
						? { ref: sortable.setActivatorNodeRef, attributes: sortable.attributes, listeners: sortable.listeners }
						: undefined
				}
			/>
		</div>
	);
}
