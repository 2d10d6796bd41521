// Queries of contacts, contact lists and email campaigns.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Page } from "../../../../lib/api/pagination";
import type { ContactListView, ContactView, EmailCampaignView } from "../../../../server/modules/outreach/contract";
import { api } from "../../api/client";
import { toSearch } from "../feedback-api";

export const contactListsKey = ["contact-lists"] as const;
export const contactsKey = ["contacts"] as const;
export const campaignsKey = ["email-campaigns"] as const;

export const useContactLists = () =>
	useQuery({
		queryKey: contactListsKey,
		queryFn: () => api<Page<ContactListView>>("GET", "/contact-lists?limit=200"),
	});

export type ContactFilters = { listId: string | null; q: string; status: string | null };

export const useContacts = (filters: ContactFilters) =>
	useInfiniteQuery({
		queryKey: [...contactsKey, filters],
		queryFn: ({ pageParam }) =>
			api<Page<ContactView>>(
				"GET",
				`/contacts${toSearch({ listId: filters.listId, q: filters.q.trim(), status: filters.status, limit: 50, cursor: pageParam })}`,
			),
		initialPageParam: "",
		getNextPageParam: (last) => last.nextCursor ?? undefined,
	});

export const useCampaigns = () =>
	useQuery({
		queryKey: campaignsKey,
		queryFn: () => api<Page<EmailCampaignView>>("GET", "/email-campaigns?limit=100"),
		refetchInterval: (query) =>
			query.state.data?.items.some((campaign) => campaign.status === "sending") ? 5000 : false,
	});
