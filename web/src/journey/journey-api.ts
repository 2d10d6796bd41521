// Queries and the change hook of the journey page; every change answers with the full journey, which replaces the cache.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../lib/api/pagination";
import type { DepartmentView } from "../../../server/modules/admin/contract";
import type { JourneyDetailView, JourneyView } from "../../../server/modules/journey/contract";
import { api, isApiError } from "../api/client";
import { notifyError } from "../forms/notify-error";
import { notify } from "../ui/notifications";

export const journeysKey = ["journeys"] as const;
export const journeyKey = (journeyId: string) => ["journey", journeyId] as const;
export const departmentsKey = ["departments"] as const;

export const useJourneys = () =>
	useQuery({ queryKey: journeysKey, queryFn: () => api<Page<JourneyView>>("GET", "/journeys?limit=200") });

export const useJourney = (journeyId: string | undefined) =>
	useQuery({
		queryKey: journeyKey(journeyId ?? "none"),
		queryFn: () => api<JourneyDetailView>("GET", `/journeys/${journeyId}`),
		enabled: Boolean(journeyId),
	});

export const useDepartments = () =>
	useQuery({ queryKey: departmentsKey, queryFn: () => api<Page<DepartmentView>>("GET", "/departments?limit=200") });

type Change = {
	request: () => Promise<JourneyDetailView>;
	previous: JourneyDetailView | undefined;
	/** A translated message for an expected conflict (409), instead of the server's text. */
	conflictMessage?: string;
};

/**
 * Applies a change to the journey: the optimistic result shows at once (synchronously, so a drop never
 * flickers back), the server's answer replaces it, and an error restores the journey as it was.
 */
export function useJourneyChange(journeyId: string) {
	const queryClient = useQueryClient();
	const { t } = useTranslation();
	const key = journeyKey(journeyId);
	const mutation = useMutation({
		mutationKey: key,
		mutationFn: (change: Change) => change.request(),
		onSuccess: (detail) => {
			if (queryClient.isMutating({ mutationKey: key }) <= 1) queryClient.setQueryData(key, detail);
		},
		onError: (error, change) => {
			if (change.previous) queryClient.setQueryData(key, change.previous);
			if (isApiError(error) && error.status === 409 && change.conflictMessage) {
				notify("error", t("errors.title.conflict"), change.conflictMessage);
				return;
			}
			notifyError(error, t);
		},
		onSettled: () => queryClient.invalidateQueries({ queryKey: journeysKey }),
	});

	const apply = (
		request: () => Promise<JourneyDetailView>,
		optimistic?: (detail: JourneyDetailView) => JourneyDetailView,
		conflictMessage?: string,
	) => {
		const previous = queryClient.getQueryData<JourneyDetailView>(key);
		if (optimistic && previous) {
			void queryClient.cancelQueries({ queryKey: key });
			queryClient.setQueryData(key, optimistic(previous));
		}
		return mutation.mutateAsync({ request, previous, conflictMessage });
	};

	return { apply, isPending: mutation.isPending };
}
