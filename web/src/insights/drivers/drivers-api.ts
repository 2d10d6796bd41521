// Queries of the key driver analysis API: the stored result of a period, and the recompute request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
	DriverKind,
	DriverResultView,
	RecomputeDriversInput,
	RecomputeDriversView,
} from "../../../../server/modules/analytics/contract-drivers";
import { api } from "../../api/client";

export type DriverPeriodChoice = { from?: string; to?: string };

export const driversKey = (kind: DriverKind, period: DriverPeriodChoice) =>
	["insights", "drivers", kind, period.from ?? "", period.to ?? ""] as const;

const query = (kind: DriverKind, period: DriverPeriodChoice) => {
	const params = new URLSearchParams({ kind });
	if (period.from && period.to) {
		params.set("from", period.from);
		params.set("to", period.to);
	}
	return params.toString();
};

/** Polls while the job computes, so the page shows the new result as soon as it is stored. */
export const useDrivers = (kind: DriverKind, period: DriverPeriodChoice) =>
	useQuery({
		queryKey: driversKey(kind, period),
		queryFn: () => api<DriverResultView>("GET", `/analytics/drivers?${query(kind, period)}`),
		refetchInterval: (q) => (q.state.data?.status === "computing" ? 2000 : false),
	});

export function useRecomputeDrivers() {
	const queryClient = useQueryClient();
	return useMutation({
		mutationFn: (input: RecomputeDriversInput) =>
			api<RecomputeDriversView>("POST", "/analytics/drivers/recompute", input),
		onSettled: () => queryClient.invalidateQueries({ queryKey: ["insights", "drivers"] }),
	});
}
