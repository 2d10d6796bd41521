// Queries of the behaviour API: reports over a date range, funnels, real-time visitors, sites for the setup.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../lib/api/pagination";
import type { SiteView } from "../../../server/modules/admin/contract";
import type {
	CreateFunnelInput,
	FunnelReportView,
	FunnelView,
	OverviewView,
	PathsView,
	RealtimeView,
	SearchReportView,
	SlowPagesView,
	UnmappedPagesView,
} from "../../../server/modules/events/contract";
import { api } from "../api/client";

export type Range = { from: string; to: string };

/** The last `days` days up to today (UTC dates, as the API expects). */
export function lastDays(days: number): Range {
	const to = new Date();
	const from = new Date(to.getTime() - (days - 1) * 86400_000);
	return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

const query = (range: Range) => `from=${range.from}&to=${range.to}`;
const report = <T>(name: string, range: Range) =>
	useQuery({
		queryKey: ["behaviour", name, range],
		queryFn: () => api<T>("GET", `/behaviour/${name}?${query(range)}`),
	});

export const useOverview = (range: Range) => report<OverviewView>("overview", range);
export const useSearchReport = (range: Range) => report<SearchReportView>("search", range);
export const useSlowPages = (range: Range) => report<SlowPagesView>("slow-pages", range);
export const usePaths = (range: Range) => report<PathsView>("paths", range);
export const useUnmappedPages = (range: Range) => report<UnmappedPagesView>("unmapped-pages", range);
export const useRealtime = () =>
	useQuery({
		queryKey: ["behaviour", "realtime"],
		queryFn: () => api<RealtimeView>("GET", "/behaviour/realtime"),
		refetchInterval: 10_000,
	});

export const funnelsKey = ["funnels"] as const;
export const useFunnels = () =>
	useQuery({ queryKey: funnelsKey, queryFn: () => api<Page<FunnelView>>("GET", "/funnels?limit=100") });
export const useFunnelReport = (id: string | null, range: Range, segment: string | null) =>
	useQuery({
		queryKey: ["funnels", id, "report", range, segment],
		enabled: !!id,
		queryFn: () =>
			api<FunnelReportView>("GET", `/funnels/${id}/report?${query(range)}${segment ? `&segment=${segment}` : ""}`),
	});

export function useCreateFunnel() {
	const client = useQueryClient();
	return useMutation({
		mutationFn: (input: CreateFunnelInput) => api<FunnelView>("POST", "/funnels", input),
		onSuccess: () => client.invalidateQueries({ queryKey: funnelsKey }),
	});
}

export const useSites = () =>
	useQuery({ queryKey: ["sites"], queryFn: () => api<Page<SiteView>>("GET", "/sites?limit=100") });
