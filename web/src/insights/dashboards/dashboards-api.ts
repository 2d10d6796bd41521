// Queries and mutations of dashboards: the list, one dashboard, its resolved data, share links; and the public view.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
	CreateDashboardInput,
	CreatedShareLinkView,
	DashboardDataView,
	DashboardListView,
	DashboardView,
	PublicDashboardView,
	ShareLinkView,
	UpdateDashboardInput,
} from "../../../../server/modules/analytics/contract-dashboards";
import { ApiError, api } from "../../api/client";

export const dashboardsKey = ["dashboards"] as const;
const dashboardKey = (id: string) => ["dashboards", id] as const;
const dataKey = (id: string) => ["dashboards", id, "data"] as const;
const linksKey = (id: string) => ["dashboards", id, "links"] as const;

export const useDashboards = () =>
	useQuery({ queryKey: dashboardsKey, queryFn: () => api<DashboardListView>("GET", "/analytics/dashboards") });

export const useDashboard = (id: string | undefined) =>
	useQuery({
		queryKey: dashboardKey(id ?? ""),
		queryFn: () => api<DashboardView>("GET", `/analytics/dashboards/${id}`),
		enabled: Boolean(id),
	});

export const useDashboardData = (id: string | undefined) =>
	useQuery({
		queryKey: dataKey(id ?? ""),
		queryFn: () => api<DashboardDataView>("GET", `/analytics/dashboards/${id}/data`),
		enabled: Boolean(id),
		refetchInterval: 5 * 60_000,
	});

export function useSaveDashboard() {
	const client = useQueryClient();
	return useMutation({
		mutationFn: ({ id, input }: { id?: string; input: UpdateDashboardInput | CreateDashboardInput }) =>
			id
				? api<DashboardView>("PATCH", `/analytics/dashboards/${id}`, input)
				: api<DashboardView>("POST", "/analytics/dashboards", input),
		onSuccess: (view) => {
			client.setQueryData(dashboardKey(view.id), view);
			client.invalidateQueries({ queryKey: dashboardsKey });
		},
	});
}

export function useDeleteDashboard() {
	const client = useQueryClient();
	return useMutation({
		mutationFn: (id: string) => api<void>("DELETE", `/analytics/dashboards/${id}`),
		onSuccess: () => client.invalidateQueries({ queryKey: dashboardsKey }),
	});
}

export const useShareLinks = (id: string) =>
	useQuery({
		queryKey: linksKey(id),
		queryFn: () => api<{ items: ShareLinkView[] }>("GET", `/analytics/dashboards/${id}/share-links`),
	});

export function useShareLinkMutations(id: string) {
	const client = useQueryClient();
	const refresh = () => client.invalidateQueries({ queryKey: linksKey(id) });
	return {
		create: useMutation({
			mutationFn: (input: { label?: string; expiresInDays?: number }) =>
				api<CreatedShareLinkView>("POST", `/analytics/dashboards/${id}/share-links`, input),
			onSuccess: refresh,
		}),
		revoke: useMutation({
			mutationFn: (linkId: string) => api<void>("DELETE", `/analytics/dashboards/${id}/share-links/${linkId}`),
			onSuccess: refresh,
		}),
	};
}

/** The public share view: plain fetches without the session (the page lives outside the signed-in shell). */
async function publicGet<T>(path: string): Promise<T> {
	const response = await fetch(`/api/v1/public/dashboards/${path}`, { headers: { accept: "application/json" } });
	const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
	if (!response.ok) {
		throw new ApiError(
			response.status,
			payload?.error?.code ?? "internal",
			payload?.error?.message ?? `HTTP ${response.status}`,
		);
	}
	return payload as T;
}

export const useSharedDashboard = (token: string) =>
	useQuery({
		queryKey: ["shared-dashboard", token],
		queryFn: () => publicGet<PublicDashboardView>(encodeURIComponent(token)),
		retry: false,
	});

export const useSharedDashboardData = (token: string) =>
	useQuery({
		queryKey: ["shared-dashboard", token, "data"],
		queryFn: () => publicGet<DashboardDataView>(`${encodeURIComponent(token)}/data`),
		retry: false,
		refetchInterval: 5 * 60_000,
	});
