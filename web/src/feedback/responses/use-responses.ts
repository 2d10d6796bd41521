// Queries of the response explorer (keyset pages, one response) and the cache edits for corrections and live analyses.
import { type InfiniteData, type QueryClient, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Page } from "../../../../lib/api/pagination";
import type { ResponseDetailView, ResponseView } from "../../../../server/modules/responses/contract";
import { api } from "../../api/client";
import { parseThemes, type ThemeHit } from "../analysis/analysis-style";
import type { CorrectionChange } from "../analysis/use-correction";
import { filterSearch, type ResponseFilters } from "./response-filters";

export const responsesKey = ["responses"] as const;
export const responseKey = (id: string) => ["response", id] as const;
const PAGE_SIZE = 50;

export const useResponsePages = (filters: ResponseFilters) =>
	useInfiniteQuery({
		queryKey: [...responsesKey, filters],
		queryFn: ({ pageParam }) =>
			api<Page<ResponseView>>(
				"GET",
				`/responses${filterSearch(filters, pageParam ? { limit: PAGE_SIZE, cursor: pageParam } : { limit: PAGE_SIZE })}`,
			),
		initialPageParam: "",
		getNextPageParam: (last) => last.nextCursor ?? undefined,
	});

export const useResponseDetail = (id: string | null) =>
	useQuery({
		queryKey: responseKey(id ?? "none"),
		queryFn: () => api<ResponseDetailView>("GET", `/responses/${id}`),
		enabled: Boolean(id),
	});

/** A list row may carry themes once the API adds them; the detail always does. */
export const themesOf = (response: object): ThemeHit[] => parseThemes((response as { themes?: unknown }).themes);

type AnalysisPatch = {
	sentiment?: ResponseView["sentiment"];
	intents?: string[];
	themes?: unknown[];
	analysisStatus?: ResponseView["analysisStatus"];
};

function patchResponse<T extends ResponseView>(response: T, patch: AnalysisPatch): T {
	const next = { ...response } as T & { themes?: unknown[] | null };
	if (patch.sentiment !== undefined) next.sentiment = patch.sentiment;
	if (patch.intents !== undefined) next.intents = patch.intents;
	if (patch.themes !== undefined) next.themes = patch.themes;
	if (patch.analysisStatus !== undefined) next.analysisStatus = patch.analysisStatus;
	return next;
}

/** Applies an analysis change to every cached page and the detail of one response; returns the undo. */
export function patchResponseCaches(queryClient: QueryClient, id: string, patch: AnalysisPatch): () => void {
	const lists = queryClient.getQueriesData<InfiniteData<Page<ResponseView>>>({ queryKey: responsesKey });
	const detail = queryClient.getQueryData<ResponseDetailView>(responseKey(id));
	for (const [key, data] of lists) {
		if (!data) continue;
		queryClient.setQueryData<InfiniteData<Page<ResponseView>>>(key, {
			...data,
			pages: data.pages.map((page) => ({
				...page,
				items: page.items.map((item) => (item.id === id ? patchResponse(item, patch) : item)),
			})),
		});
	}
	if (detail) queryClient.setQueryData(responseKey(id), patchResponse(detail, patch));
	return () => {
		for (const [key, data] of lists) queryClient.setQueryData(key, data);
		if (detail) queryClient.setQueryData(responseKey(id), detail);
	};
}

/** The themes after a correction: kept ones keep their confidence and aspect sentiment, added ones are certain. */
export function correctedThemes(current: ThemeHit[], change: CorrectionChange): ThemeHit[] | undefined {
	if (!change.themes) return undefined;
	const byKey = new Map(current.map((theme) => [theme.theme, theme]));
	return change.themes.map((key) => byKey.get(key) ?? { theme: key, confidence: 1, sentiment: null });
}
