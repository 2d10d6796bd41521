// Queries shared by the feedback pages: surveys, templates, the touchpoint catalogue (journeys → stages → touchpoints), sites.
import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Page } from "../../../lib/api/pagination";
import type { SiteView } from "../../../server/modules/admin/contract";
import type { JourneyDetailView } from "../../../server/modules/journey/contract";
import type {
	DistributionView,
	SurveyDetailView,
	SurveyVersionView,
	SurveyView,
	TemplateView,
} from "../../../server/modules/surveys/contract";
import { api } from "../api/client";
import { journeyKey, useJourneys } from "../journey/journey-api";

export const surveysKey = ["surveys"] as const;
export const surveyKey = (id: string) => ["survey", id] as const;
export const surveyVersionsKey = (id: string) => ["survey", id, "versions"] as const;
export const distributionsKey = (id: string) => ["survey", id, "distributions"] as const;

export const useSurveys = () =>
	useQuery({ queryKey: surveysKey, queryFn: () => api<Page<SurveyView>>("GET", "/surveys?limit=200") });

export const useSurvey = (id: string) =>
	useQuery({ queryKey: surveyKey(id), queryFn: () => api<SurveyDetailView>("GET", `/surveys/${id}`) });

export const useSurveyVersions = (id: string) =>
	useQuery({
		queryKey: surveyVersionsKey(id),
		queryFn: () => api<Page<SurveyVersionView>>("GET", `/surveys/${id}/versions?limit=200`),
	});

export const useDistributions = (id: string) =>
	useQuery({
		queryKey: distributionsKey(id),
		queryFn: () => api<Page<DistributionView>>("GET", `/surveys/${id}/distributions?limit=200`),
	});

export const useTemplates = () =>
	useQuery({
		queryKey: ["survey-templates"],
		queryFn: () => api<{ items: TemplateView[] }>("GET", "/templates"),
		staleTime: 10 * 60_000,
	});

export const useSites = () =>
	useQuery({ queryKey: ["sites"], queryFn: () => api<Page<SiteView>>("GET", "/sites?limit=200") });

export type TouchpointEntry = { id: string; name: string; stageId: string; stageName: string; journeyName: string };
export type StageEntry = { id: string; name: string; journeyName: string };

/** Every touchpoint with its stage and journey, from the journeys' details (a handful of requests, cached). */
export function useTouchpointCatalog() {
	const journeys = useJourneys();
	const ids = journeys.data?.items.map((journey) => journey.id) ?? [];
	const details = useQueries({
		queries: ids.map((id) => ({
			queryKey: journeyKey(id),
			queryFn: () => api<JourneyDetailView>("GET", `/journeys/${id}`),
		})),
	});
	const isPending = journeys.isPending || details.some((detail) => detail.isPending);
	const error = journeys.error ?? details.find((detail) => detail.error)?.error ?? null;
	const dataKey = details.map((detail) => detail.dataUpdatedAt).join();
	// biome-ignore lint/correctness/useExhaustiveDependencies: recomputed when any journey detail changes (dataKey)
	const catalog = useMemo(() => {
		const stages: StageEntry[] = [];
		const touchpoints: TouchpointEntry[] = [];
		for (const detail of details) {
			const journey = detail.data;
			if (!journey) continue;
			for (const stage of journey.stages) {
				stages.push({ id: stage.id, name: stage.name, journeyName: journey.name });
				for (const touchpoint of stage.touchpoints) {
					touchpoints.push({
						id: touchpoint.id,
						name: touchpoint.name,
						stageId: stage.id,
						stageName: stage.name,
						journeyName: journey.name,
					});
				}
			}
		}
		return { stages, touchpoints, byId: new Map(touchpoints.map((touchpoint) => [touchpoint.id, touchpoint])) };
	}, [dataKey]);
	return { ...catalog, isPending, error, isMultiJourney: ids.length > 1 };
}

/** Touchpoint options grouped by stage, for Mantine selects. */
export const touchpointOptions = (touchpoints: TouchpointEntry[], isMultiJourney: boolean) => {
	const groups = new Map<string, { value: string; label: string }[]>();
	for (const touchpoint of touchpoints) {
		const group = isMultiJourney ? `${touchpoint.journeyName} · ${touchpoint.stageName}` : touchpoint.stageName;
		groups.set(group, [...(groups.get(group) ?? []), { value: touchpoint.id, label: touchpoint.name }]);
	}
	return [...groups].map(([group, items]) => ({ group, items }));
};

/** Turns a filter object into a query string, leaving out empty values. */
export function toSearch(filters: Record<string, string | number | undefined | null>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) {
		if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : "";
}

export const formatDate = (iso: string | null | undefined, language: string) =>
	iso ? new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(new Date(iso)) : "—";

export const formatDateTime = (iso: string | null | undefined, language: string) =>
	iso ? new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "—";
