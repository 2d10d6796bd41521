// Queries and mutations of the settings pages (organization, departments, members, invitations, API keys).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../lib/api/pagination";
import type { ApiKeyView, InvitationView, MemberView, OrganizationView } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { meQueryKey } from "../api/session";
import { notifyError } from "../forms/notify-error";
import { notify } from "../ui/notifications";

export const organizationKey = ["organization"] as const;
export const membersKey = ["members"] as const;
export const invitationsKey = ["invitations"] as const;
export const apiKeysKey = ["api-keys"] as const;

export const useOrganization = () =>
	useQuery({ queryKey: organizationKey, queryFn: () => api<OrganizationView>("GET", "/organization") });
export const useMembers = () =>
	useQuery({ queryKey: membersKey, queryFn: () => api<Page<MemberView>>("GET", "/members?limit=200") });
export const useInvitations = (isEnabled: boolean) =>
	useQuery({
		queryKey: invitationsKey,
		queryFn: () => api<Page<InvitationView>>("GET", "/invitations?limit=200"),
		enabled: isEnabled,
	});
export const useApiKeys = () =>
	useQuery({ queryKey: apiKeysKey, queryFn: () => api<Page<ApiKeyView>>("GET", "/api-keys?limit=200") });

/** A settings change: refreshes the given lists afterwards and confirms or explains in a notification. */
export function useSettingsChange<V, R>(
	request: (variables: V) => Promise<R>,
	refresh: readonly (readonly string[])[],
	successMessage?: string,
) {
	const queryClient = useQueryClient();
	const { t } = useTranslation();
	return useMutation({
		mutationFn: request,
		onSuccess: () => {
			if (successMessage) notify("success", successMessage);
		},
		onError: (error) => notifyError(error, t),
		onSettled: async () => {
			await Promise.all([...refresh, meQueryKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
		},
	});
}

export const formatDateTime = (iso: string | null, language: string) =>
	iso ? new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "—";
