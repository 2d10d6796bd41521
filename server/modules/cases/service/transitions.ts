// Changing a case: PATCH with If-Match (optimistic concurrency), status changes for other services, and bulk
// changes (each case on its own: per-item results).
import { and, eq, inArray } from "drizzle-orm";
import { conflict, invalid, notFound, toAppError } from "../../../platform/errors";
import type {
	BulkCaseChange,
	BulkCaseInput,
	BulkCaseResultView,
	CaseStatus,
	CaseView,
	UpdateCaseInput,
} from "../contract";
import { cases } from "../schema";
import { applyCaseChange } from "./change";
import { type CaseCtx, publishCaseEvents } from "./live";
import { type CaseRow, caseViewOf, lockCaseInOrg } from "./load";

/** `W/"3"`, `"3"` or `3` → 3; anything else is refused. */
export function parseIfMatch(header: string | undefined): number | undefined {
	if (header === undefined) return undefined;
	const match = header.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
	if (!match) throw invalid('If-Match: send the case\'s ETag (W/"<version>")');
	return Number(match[1]);
}

export const etagOf = (version: number) => `W/"${version}"`;

async function changeOne(
	ctx: CaseCtx,
	caseId: string,
	input: UpdateCaseInput,
	ifMatch: number | undefined,
	requireIfMatch: boolean,
) {
	const { before, after } = await ctx.db.transaction(async (tx) => {
		const row = await lockCaseInOrg(tx, ctx.organizationId, caseId);
		if (requireIfMatch && ifMatch === undefined) {
			throw invalid('If-Match: send the version you changed (the ETag of GET, W/"<version>")');
		}
		if (ifMatch !== undefined && ifMatch !== row.version) {
			throw conflict(`The case was changed by someone else (now version ${row.version}); reload it and try again`);
		}
		return { before: row, after: await applyCaseChange(tx, ctx, row, input) };
	});
	if (after.version !== before.version) await publishCaseEvents(ctx.live, "case.updated", [after], ctx.log);
	return after;
}

/** PATCH /api/v1/cases/:id: `ifMatch` is required and must be the current version (else 409, nothing written). */
export async function updateCase(
	ctx: CaseCtx,
	caseId: string,
	input: UpdateCaseInput,
	ifMatch: number | undefined,
): Promise<CaseView> {
	const row = await changeOne(ctx, caseId, input, ifMatch, true);
	return caseViewOf(ctx.db, ctx.organizationId, row.id, ctx.now);
}

/** For other services (e.g. a reply sets `waiting`): the same rules, `ifMatch` optional. */
export async function changeCaseStatus(
	ctx: CaseCtx,
	caseId: string,
	to: CaseStatus,
	opts: { ifMatch?: number; rootCauseId?: string; resolutionNote?: string } = {},
): Promise<CaseView> {
	const input: UpdateCaseInput = {
		status: to,
		...(opts.rootCauseId ? { rootCauseId: opts.rootCauseId } : {}),
		...(opts.resolutionNote ? { resolutionNote: opts.resolutionNote } : {}),
	};
	const row = await changeOne(ctx, caseId, input, opts.ifMatch, false);
	return caseViewOf(ctx.db, ctx.organizationId, row.id, ctx.now);
}

function inputOf(change: BulkCaseChange, row: CaseRow): UpdateCaseInput {
	switch (change.kind) {
		case "assign":
			return { assigneeId: change.assigneeId };
		case "priority":
			return { priority: change.priority };
		case "status":
			return {
				status: change.status,
				...(change.rootCauseId ? { rootCauseId: change.rootCauseId } : {}),
				...(change.resolutionNote ? { resolutionNote: change.resolutionNote } : {}),
			};
		case "tags":
			return { tags: [...row.tags.filter((t) => !change.remove.includes(t)), ...change.add] };
	}
}

/**
 * The same change to many cases, each validated and saved in its own transaction: the ones allowed are changed,
 * the others are reported with their error (a bulk action in an inbox should not fail because one case moved on).
 */
export async function bulkChangeCases(ctx: CaseCtx, input: BulkCaseInput): Promise<BulkCaseResultView> {
	// Every id must be a case of this organization (else 404 and nothing changes); then each is changed on its own.
	const known = await ctx.db
		.select({ id: cases.id })
		.from(cases)
		.where(and(eq(cases.organizationId, ctx.organizationId), inArray(cases.id, input.ids)));
	if (known.length !== input.ids.length) throw notFound("Case");
	const results: BulkCaseResultView["results"] = [];
	const changed: CaseRow[] = [];
	for (const id of input.ids) {
		try {
			const { before, after } = await ctx.db.transaction(async (tx) => {
				const row = await lockCaseInOrg(tx, ctx.organizationId, id);
				return { before: row, after: await applyCaseChange(tx, ctx, row, inputOf(input.change, row)) };
			});
			if (after.version !== before.version) changed.push(after);
			results.push({ id, ok: true, case: await caseViewOf(ctx.db, ctx.organizationId, id, ctx.now), error: null });
		} catch (error) {
			const appError = toAppError(error);
			if (appError.code === "internal") throw error;
			results.push({ id, ok: false, case: null, error: { code: appError.code, message: appError.message } });
		}
	}
	await publishCaseEvents(ctx.live, "case.updated", changed, ctx.log);
	const succeeded = results.filter((r) => r.ok).length;
	return { results, succeeded, failed: results.length - succeeded };
}
