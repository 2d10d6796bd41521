// Live updates of the inbox: case.created / case.updated / case.message on the live bus, after the commit.
import type { Ctx } from "../../../platform/context";
import type { LiveBus } from "../../../platform/live/bus";
import type { CaseRow } from "./load";

/** A service context that can also tell open web apps about changes. */
export type CaseCtx = Ctx & { live?: LiveBus };

export type CaseLiveType = "case.created" | "case.updated" | "case.message";

type Published = Pick<CaseRow, "id" | "organizationId" | "number" | "status" | "departmentId" | "assigneeId">;

/** Publishes one event per case; a failed publish is logged, never undoes the committed change. */
export async function publishCaseEvents(
	live: LiveBus | undefined,
	type: CaseLiveType,
	rows: Published[],
	log?: { warn: (obj: object, msg: string) => void },
): Promise<void> {
	if (!live) return;
	for (const row of rows) {
		await live
			.publish({
				type,
				organizationId: row.organizationId,
				data: {
					id: row.id,
					number: row.number,
					status: row.status,
					departmentId: row.departmentId,
					assigneeId: row.assigneeId,
				},
			})
			.catch((error) => log?.warn({ err: error }, "could not publish a case event"));
	}
}
