// Queries and changes of the cases area: the inbox (keyset pages with status counts), one case, its changes with
// If-Match, replies, notes, settings, rules, root causes, templates and metrics.
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../lib/api/pagination";
import type { DepartmentView } from "../../../server/modules/admin/contract";
import type {
	BulkCaseInput,
	BulkCaseResultView,
	CaseAgentView,
	CaseDetailView,
	CaseListView,
	CaseRuleView,
	CaseSettingsView,
	CaseView,
	RootCauseView,
	UpdateCaseInput,
} from "../../../server/modules/cases/contract";
import type {
	CaseMetricsView,
	InboundSettingsView,
	ReplyTemplateList,
	UnansweredPage,
} from "../../../server/modules/cases/contract-loop";
import { ApiError, api } from "../api/client";
import { toSearch } from "../feedback/feedback-api";

export const casesKey = ["cases"] as const;
export const caseKey = (id: string) => ["case", id] as const;
const PAGE_SIZE = 50;

export type CaseFilters = {
	status?: string;
	departmentId?: string;
	assignee?: string;
	priority?: string;
	overdue?: "true";
	touchpointId?: string;
	q?: string;
};

export const useCasePages = (filters: CaseFilters) =>
	useInfiniteQuery({
		queryKey: [...casesKey, filters],
		queryFn: ({ pageParam }) =>
			api<CaseListView>("GET", `/cases${toSearch({ ...filters, limit: PAGE_SIZE, cursor: pageParam || undefined })}`),
		initialPageParam: "",
		getNextPageParam: (last) => last.nextCursor ?? undefined,
	});

export const useCaseDetail = (id: string | null) =>
	useQuery({
		queryKey: caseKey(id ?? "none"),
		queryFn: () => api<CaseDetailView>("GET", `/cases/${id}`),
		enabled: Boolean(id),
	});

export const useUnanswered = (departmentId: string | null) =>
	useInfiniteQuery({
		queryKey: ["cases-unanswered", departmentId],
		queryFn: ({ pageParam }) =>
			api<UnansweredPage>(
				"GET",
				`/cases/unanswered${toSearch({ departmentId, limit: PAGE_SIZE, cursor: pageParam || undefined })}`,
			),
		initialPageParam: "",
		getNextPageParam: (last) => last.nextCursor ?? undefined,
	});

export const useCaseAgents = () =>
	useQuery({
		queryKey: ["case-agents"],
		queryFn: () => api<{ items: CaseAgentView[] }>("GET", "/cases/agents"),
		staleTime: 60_000,
	});

export const useDepartments = () =>
	useQuery({
		queryKey: ["departments"],
		queryFn: () => api<Page<DepartmentView>>("GET", "/departments?limit=200"),
		staleTime: 60_000,
	});

export const useRootCauses = () =>
	useQuery({
		queryKey: ["case-root-causes"],
		queryFn: () => api<{ items: RootCauseView[] }>("GET", "/cases/root-causes"),
	});

export const useReplyTemplates = () =>
	useQuery({
		queryKey: ["case-reply-templates"],
		queryFn: () => api<ReplyTemplateList>("GET", "/cases/reply-templates"),
	});

export const useCaseRules = () =>
	useQuery({ queryKey: ["case-rules"], queryFn: () => api<{ items: CaseRuleView[] }>("GET", "/cases/rules") });

export const useCaseSettings = () =>
	useQuery({ queryKey: ["case-settings"], queryFn: () => api<CaseSettingsView>("GET", "/cases/settings") });

export const useInboundSettings = () =>
	useQuery({
		queryKey: ["case-inbound"],
		queryFn: () => api<InboundSettingsView>("GET", "/cases/inbound-settings"),
	});

export const useCaseMetrics = (range: { from: string; to: string }, departmentId: string | null) =>
	useQuery({
		queryKey: ["case-metrics", range, departmentId],
		queryFn: () => api<CaseMetricsView>("GET", `/cases/metrics${toSearch({ ...range, departmentId })}`),
	});

/** PATCH of one case with `If-Match: W/"<version>"`; a 409 means someone else changed it first. */
export async function updateCase(id: string, version: number, input: UpdateCaseInput): Promise<CaseView> {
	let response: Response;
	try {
		response = await fetch(`/api/v1/cases/${id}`, {
			method: "PATCH",
			credentials: "same-origin",
			headers: { "content-type": "application/json", accept: "application/json", "if-match": `W/"${version}"` },
			body: JSON.stringify(input),
		});
	} catch {
		throw new ApiError(0, "network", "The server cannot be reached");
	}
	const payload = (await response.json().catch(() => null)) as
		| (CaseView & { error?: { code?: string; message?: string } })
		| null;
	if (!response.ok) {
		throw new ApiError(
			response.status,
			payload?.error?.code ?? "internal",
			payload?.error?.message ?? `Request failed (${response.status})`,
		);
	}
	return payload as CaseView;
}

export const isEditConflict = (error: unknown) =>
	error instanceof ApiError && (error.status === 409 || error.status === 412);

export const bulkChangeCases = (input: BulkCaseInput) => api<BulkCaseResultView>("POST", "/cases/bulk", input);

/** Refetches the inbox lists and, when given, one case. */
export function useRefreshCases() {
	const queryClient = useQueryClient();
	return (id?: string) => {
		queryClient.invalidateQueries({ queryKey: casesKey });
		queryClient.invalidateQueries({ queryKey: ["cases-unanswered"] });
		if (id) queryClient.invalidateQueries({ queryKey: caseKey(id) });
	};
}
