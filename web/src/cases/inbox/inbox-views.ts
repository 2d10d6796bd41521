// The inbox's views (mine, unassigned, overdue, all, one department, unanswered feedback) and the list filters.
import type { CaseFilters } from "../cases-api";

export type InboxView =
	| { kind: "mine" | "unassigned" | "overdue" | "all" }
	| { kind: "department"; departmentId: string }
	| { kind: "unanswered"; departmentId: string | null };

export type StatusTab = "active" | "new" | "open" | "waiting" | "resolved" | "closed" | "any";
export const STATUS_TABS: StatusTab[] = ["active", "new", "open", "waiting", "resolved", "closed", "any"];

export type ListFilters = { priority: string[]; touchpointId: string | null; isOverdueOnly: boolean; q: string };
export const EMPTY_FILTERS: ListFilters = { priority: [], touchpointId: null, isOverdueOnly: false, q: "" };

export const viewKey = (view: InboxView) =>
	"departmentId" in view ? `${view.kind}:${view.departmentId ?? "none"}` : view.kind;

/** The query of the case list for a view, a status tab and the filter bar. */
export function caseFiltersOf(view: InboxView, tab: StatusTab, filters: ListFilters): CaseFilters {
	const base: CaseFilters = {};
	if (view.kind === "mine") base.assignee = "me";
	if (view.kind === "unassigned") base.assignee = "none";
	if (view.kind === "overdue" || filters.isOverdueOnly) base.overdue = "true";
	if (view.kind === "department") base.departmentId = view.departmentId;
	if (tab === "active") base.status = "new,open,waiting";
	else if (tab !== "any") base.status = tab;
	if (filters.priority.length > 0) base.priority = filters.priority.join(",");
	if (filters.touchpointId) base.touchpointId = filters.touchpointId;
	if (filters.q.trim()) base.q = filters.q.trim();
	return base;
}

/** A status tab's count from the per-status counts of the list. */
export function tabCount(tab: StatusTab, counts: Partial<Record<string, number>> | undefined): number | null {
	if (!counts) return null;
	const of = (status: string) => counts[status] ?? 0;
	if (tab === "active") return of("new") + of("open") + of("waiting");
	if (tab === "any") return Object.values(counts).reduce<number>((sum, count) => sum + (count ?? 0), 0);
	return of(tab);
}
