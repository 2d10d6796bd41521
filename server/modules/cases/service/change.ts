// One change to one case, validated against its state (transitions, root cause to resolve, departments and
// assignees) and written with its history rows: the core of PATCH, bulk changes and status changes.
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../../platform/db";
import { invalid } from "../../../platform/errors";
import { getDepartmentInOrg } from "../../admin/service/departments";
import { type CaseStatus, isCaseTransitionAllowed, type UpdateCaseInput } from "../contract";
import { cases, rootCauses } from "../schema";
import { assertAssignable, assertMayWorkCase, caseActorOf } from "./access";
import { enqueueFollowUp } from "./follow-up";
import type { CaseCtx } from "./live";
import { type CaseRow, recordCaseEvent } from "./load";
import { dueTimesFor, slaClockOf } from "./settings";

const OPEN_STATUSES: readonly CaseStatus[] = ["new", "open", "waiting"];

const refuse = (field: string, message: string) => invalid(`${field}: ${message}`, { fields: [{ field, message }] });

async function assertRootCauseUsable(tx: Tx, organizationId: string, id: string) {
	const [row] = await tx
		.select({ id: rootCauses.id })
		.from(rootCauses)
		.where(and(eq(rootCauses.organizationId, organizationId), eq(rootCauses.id, id), isNull(rootCauses.archivedAt)));
	if (!row) throw refuse("rootCauseId", "not an active root cause of this organization");
}

/**
 * Applies `input` to the locked `row`; returns the row as saved (the same row when nothing changed: no version
 * bump, no history). Throws a 4xx AppError, and then writes nothing, for any refused part.
 */
export async function applyCaseChange(tx: Tx, ctx: CaseCtx, row: CaseRow, input: UpdateCaseInput): Promise<CaseRow> {
	await assertMayWorkCase(tx, ctx, row);
	const set: Partial<typeof cases.$inferInsert> = {};
	const events: { kind: string; data: Record<string, unknown> }[] = [];

	if (input.departmentId !== undefined && input.departmentId !== row.departmentId) {
		if (input.departmentId !== null) await getDepartmentInOrg(tx, ctx.organizationId, input.departmentId);
		set.departmentId = input.departmentId;
		events.push({ kind: "department", data: { from: row.departmentId, to: input.departmentId } });
	}
	const departmentId = set.departmentId !== undefined ? set.departmentId : row.departmentId;

	if (input.assigneeId !== undefined && input.assigneeId !== row.assigneeId) {
		if (input.assigneeId !== null) await assertAssignable(tx, ctx.organizationId, input.assigneeId, departmentId);
		set.assigneeId = input.assigneeId;
		events.push({ kind: "assignee", data: { from: row.assigneeId, to: input.assigneeId } });
	} else if (set.departmentId !== undefined && row.assigneeId) {
		// Moved to another department: the assignee keeps it only if they belong there too.
		const stays = await assertAssignable(tx, ctx.organizationId, row.assigneeId, departmentId).then(
			() => true,
			() => false,
		);
		if (!stays) {
			set.assigneeId = null;
			events.push({ kind: "assignee", data: { from: row.assigneeId, to: null, reason: "department_changed" } });
		}
	}

	if (input.priority !== undefined && input.priority !== row.priority) {
		set.priority = input.priority;
		events.push({ kind: "priority", data: { from: row.priority, to: input.priority } });
		if (OPEN_STATUSES.includes(row.status)) {
			// A new priority brings its own targets, counted from when the case was opened.
			const due = dueTimesFor(await slaClockOf(tx, ctx.organizationId), input.priority, row.createdAt);
			set.firstResponseDueAt = row.firstRespondedAt ? row.firstResponseDueAt : due.firstResponseDueAt;
			set.resolutionDueAt = due.resolutionDueAt;
		}
	}

	if (input.tags !== undefined) {
		const tags = [...new Set(input.tags)];
		if (tags.join("\u0000") !== row.tags.join("\u0000")) {
			set.tags = tags;
			events.push({ kind: "tags", data: { from: row.tags, to: tags } });
		}
	}

	if (input.rootCauseId !== undefined && input.rootCauseId !== row.rootCauseId) {
		if (input.rootCauseId !== null) await assertRootCauseUsable(tx, ctx.organizationId, input.rootCauseId);
		set.rootCauseId = input.rootCauseId;
		events.push({ kind: "root_cause", data: { from: row.rootCauseId, to: input.rootCauseId } });
	}

	if (input.resolutionNote !== undefined && (input.resolutionNote || null) !== row.resolutionNote) {
		set.resolutionNote = input.resolutionNote || null;
		events.push({ kind: "resolution_note", data: { text: set.resolutionNote } });
	}

	if (input.addAgentMinutes !== undefined) {
		set.agentMinutes = row.agentMinutes + input.addAgentMinutes;
		events.push({ kind: "agent_time", data: { minutes: input.addAgentMinutes, total: set.agentMinutes } });
	}

	const status = input.status ?? row.status;
	if (status !== row.status) {
		if (!isCaseTransitionAllowed(row.status, status)) {
			throw refuse("status", `a ${row.status} case cannot become ${status}`);
		}
		set.status = status;
		const isReopen = status === "open" && (row.status === "resolved" || row.status === "closed");
		if (status === "resolved") set.resolvedAt = ctx.now;
		if (status === "closed") set.closedAt = ctx.now;
		if (isReopen) {
			set.reopenCount = row.reopenCount + 1;
			set.resolvedAt = null;
			set.closedAt = null;
		}
		events.push({ kind: "status", data: { from: row.status, to: status, ...(isReopen ? { reopen: true } : {}) } });
	}
	const rootCauseId = set.rootCauseId !== undefined ? set.rootCauseId : row.rootCauseId;
	if ((status === "resolved" || status === "closed") && !rootCauseId) {
		throw refuse("rootCauseId", "choose a root cause to resolve the case");
	}

	if (events.length === 0) return row;
	const [saved] = await tx
		.update(cases)
		.set({ ...set, version: row.version + 1, updatedAt: ctx.now })
		.where(and(eq(cases.organizationId, ctx.organizationId), eq(cases.id, row.id), eq(cases.version, row.version)))
		.returning();
	if (!saved) throw new Error("case changed while locked");
	const actor = caseActorOf(ctx.actor);
	for (const event of events) {
		await recordCaseEvent(tx, { organizationId: ctx.organizationId, caseId: row.id, actor, at: ctx.now, ...event });
	}
	// Resolving asks the customer "was your issue solved?" (a job, sent later; skipped without an address).
	if (set.status === "resolved") await enqueueFollowUp(tx, ctx.jobs, saved, ctx.now);
	return saved;
}
