// Screen-reader announcements for dragging stages and touchpoints, in the user's language.
import type { Announcements, ScreenReaderInstructions } from "@dnd-kit/core";
import type { TFunction } from "i18next";

export function boardAnnouncements(t: TFunction, nameOf: (id: string | number) => string): Announcements {
	return {
		onDragStart: ({ active }) => t("journey.dnd.picked", { name: nameOf(active.id) }),
		onDragOver: ({ active, over }) =>
			over
				? t("journey.dnd.over", { name: nameOf(active.id), target: nameOf(over.id) })
				: t("journey.dnd.outside", { name: nameOf(active.id) }),
		onDragEnd: ({ active, over }) =>
			over
				? t("journey.dnd.dropped", { name: nameOf(active.id), target: nameOf(over.id) })
				: t("journey.dnd.cancelled", { name: nameOf(active.id) }),
		onDragCancel: ({ active }) => t("journey.dnd.cancelled", { name: nameOf(active.id) }),
	};
}

export const boardInstructions = (t: TFunction): ScreenReaderInstructions => ({
	draggable: t("journey.dnd.instructions"),
});
