// Where a dragged item lands: stages only among stages; touchpoints on the card under them, else in the stage under them.
// The dragged item itself stays a candidate, so that resting on its own place means "no move".
import { type Collision, type CollisionDetection, closestCenter, pointerWithin, rectIntersection } from "@dnd-kit/core";
import type { Columns } from "./board-order";

type Kind = "stage" | "touchpoint";

export function boardCollision(getColumns: () => Columns): CollisionDetection {
	return (args) => {
		const kindOf = (id: string | number): Kind | undefined =>
			args.droppableContainers.find((container) => container.id === id)?.data.current?.type;
		const activeKind = args.active.data.current?.type as Kind | undefined;
		const candidates = args.droppableContainers;

		if (activeKind === "stage") {
			return closestCenter({
				...args,
				droppableContainers: candidates.filter((c) => c.data.current?.type === "stage"),
			});
		}

		const underPointer = pointerWithin({ ...args, droppableContainers: candidates });
		const hits: Collision[] =
			underPointer.length > 0 ? underPointer : rectIntersection({ ...args, droppableContainers: candidates });
		const touchpointHit = hits.find((hit) => kindOf(hit.id) === "touchpoint");
		if (touchpointHit) return [touchpointHit];
		const stageHit = hits.find((hit) => kindOf(hit.id) === "stage");
		if (!stageHit) return [];
		const idsInStage = getColumns()[String(stageHit.id)] ?? [];
		const cardsInStage = candidates.filter((c) => idsInStage.includes(String(c.id)));
		return cardsInStage.length > 0 ? closestCenter({ ...args, droppableContainers: cardsInStage }) : [stageHit];
	};
}
