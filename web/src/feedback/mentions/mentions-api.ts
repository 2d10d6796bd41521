// Queries of imported mentions (reviews, social posts) and the cache edit for corrections.
import { type InfiniteData, type QueryClient, useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "../../../../lib/api/pagination";
import type { MentionView } from "../../../../server/modules/outreach/contract";
import { api } from "../../api/client";
import { parseThemes } from "../analysis/analysis-style";
import type { CorrectionChange } from "../analysis/use-correction";
import { toSearch } from "../feedback-api";
import { correctedThemes } from "../responses/use-responses";

export const mentionsKey = ["mentions"] as const;

export type MentionFilters = { touchpointId: string | null; source: string; sentiment: string | null; q: string };
export const EMPTY_MENTION_FILTERS: MentionFilters = { touchpointId: null, source: "", sentiment: null, q: "" };

export const useMentions = (filters: MentionFilters) =>
	useInfiniteQuery({
		queryKey: [...mentionsKey, filters],
		queryFn: ({ pageParam }) =>
			api<Page<MentionView>>(
				"GET",
				`/mentions${toSearch({
					touchpointId: filters.touchpointId,
					source: filters.source.trim(),
					sentiment: filters.sentiment,
					q: filters.q.trim(),
					limit: 50,
					cursor: pageParam,
				})}`,
			),
		initialPageParam: "",
		getNextPageParam: (last) => last.nextCursor ?? undefined,
	});

/** Applies a correction to every cached page showing the mention; returns the undo. */
export function patchMentionCaches(queryClient: QueryClient, id: string, change: CorrectionChange): () => void {
	const lists = queryClient.getQueriesData<InfiniteData<Page<MentionView>>>({ queryKey: mentionsKey });
	for (const [key, data] of lists) {
		if (!data) continue;
		queryClient.setQueryData<InfiniteData<Page<MentionView>>>(key, {
			...data,
			pages: data.pages.map((page) => ({
				...page,
				items: page.items.map((item) => {
					if (item.id !== id) return item;
					const themes = correctedThemes(parseThemes(item.themes), change);
					return {
						...item,
						...(change.sentiment ? { sentiment: change.sentiment } : {}),
						...(change.intents ? { intents: change.intents } : {}),
						...(themes ? { themes } : {}),
					};
				}),
			})),
		});
	}
	return () => {
		for (const [key, data] of lists) queryClient.setQueryData(key, data);
	};
}
