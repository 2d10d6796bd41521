// Queries of the text analytics API: theme taxonomy, emerging topics, re-analysis runs, models, settings.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Page } from "../../../lib/api/pagination";
import type { EmergingTopicsView, ModelView, ReanalysisView, ThemeView } from "../../../server/modules/text/contract";
import { api } from "../api/client";

export const themesKey = ["text", "themes"] as const;
export const reanalysisKey = ["text", "reanalysis"] as const;
export const modelsKey = ["text", "models"] as const;
export const textSettingsKey = ["text", "settings"] as const;
export const emergingKey = (baselineWeeks: number, language: string) =>
	["text", "emerging", baselineWeeks, language] as const;

export const useThemes = () =>
	useQuery({ queryKey: themesKey, queryFn: () => api<Page<ThemeView>>("GET", "/text/themes?limit=200") });

/** Theme labels by key in the given language (falls back to the key for themes deleted since). */
export function useThemeLabels(language: string) {
	const themes = useThemes();
	return useMemo(() => {
		const labels = new Map<string, string>();
		for (const theme of themes.data?.items ?? [])
			labels.set(theme.key, language === "en" ? theme.label.en : theme.label.de);
		return { labelOf: (key: string) => labels.get(key) ?? key, themes: themes.data?.items ?? [] };
	}, [themes.data, language]);
}

export const useEmergingTopics = (baselineWeeks: number, language: string) =>
	useQuery({
		queryKey: emergingKey(baselineWeeks, language),
		queryFn: () =>
			api<EmergingTopicsView>(
				"GET",
				`/text/emerging-topics?baselineWeeks=${baselineWeeks}${language ? `&language=${language}` : ""}`,
			),
	});

/** Polls while a run is in progress (the live events update it sooner; polling covers a dropped stream). */
export const useReanalysisRuns = () =>
	useQuery({
		queryKey: reanalysisKey,
		queryFn: () => api<Page<ReanalysisView>>("GET", "/text/reanalysis?limit=10"),
		refetchInterval: (query) => (query.state.data?.items[0]?.status === "running" ? 3000 : false),
	});

/** Polls while a model is training. */
export const useModels = () =>
	useQuery({
		queryKey: modelsKey,
		queryFn: () => api<Page<ModelView>>("GET", "/text/models?limit=50"),
		refetchInterval: (query) => (query.state.data?.items.some((model) => model.status === "training") ? 3000 : false),
	});

export const useTextSettings = () =>
	useQuery({ queryKey: textSettingsKey, queryFn: () => api<{ redactPii: boolean }>("GET", "/text/settings") });
