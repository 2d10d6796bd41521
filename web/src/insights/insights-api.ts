// Queries of the insights API (KPIs, touchpoint changes, journey map) and the period presets of the filter bar.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Page } from "../../../lib/api/pagination";
import type {
	ChangeMetric,
	ChangesView,
	JourneyMapView,
	KpiReportView,
} from "../../../server/modules/analytics/contract";
import type { ThemeView } from "../../../server/modules/text/contract";
import { api } from "../api/client";
import { toSearch } from "../feedback/feedback-api";

export type Period = { from: string; to: string };
export const PERIOD_PRESETS = ["30", "90", "180", "365"] as const;

const dayOf = (date: Date) =>
	`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** The last `days` days up to today (browser calendar days; the API reads them in the organization's zone). */
export function lastDays(days: number): Period {
	const to = new Date();
	const from = new Date(to);
	from.setDate(from.getDate() - (days - 1));
	return { from: dayOf(from), to: dayOf(to) };
}

export type KpiFilters = {
	journeyId: string | null;
	stageId: string | null;
	touchpointId: string | null;
	surveyId: string | null;
	channel: string | null;
	language: string | null;
};

export const NO_FILTERS: KpiFilters = {
	journeyId: null,
	stageId: null,
	touchpointId: null,
	surveyId: null,
	channel: null,
	language: null,
};

export const useKpiReport = (period: Period, filters: KpiFilters, interval?: string) =>
	useQuery({
		queryKey: ["insights", "kpis", period, filters, interval ?? null],
		queryFn: () => api<KpiReportView>("GET", `/analytics/kpis${toSearch({ ...period, ...filters, interval })}`),
		placeholderData: keepPreviousData,
	});

export const useTouchpointChanges = (period: Period, metric: ChangeMetric) =>
	useQuery({
		queryKey: ["insights", "changes", period, metric],
		queryFn: () => api<ChangesView>("GET", `/analytics/changes${toSearch({ ...period, metric })}`),
		placeholderData: keepPreviousData,
	});

export const useJourneyMap = (period: Period, journeyId: string | null) =>
	useQuery({
		queryKey: ["insights", "journey-map", period, journeyId],
		queryFn: () => api<JourneyMapView>("GET", `/analytics/journey-map${toSearch({ ...period, journeyId })}`),
		placeholderData: keepPreviousData,
	});

/** Theme labels by key in the current language (themes are stored by key). */
export const useThemeLabels = () =>
	useQuery({
		queryKey: ["text", "themes", "labels"],
		queryFn: () => api<Page<ThemeView>>("GET", "/text/themes?limit=200"),
		staleTime: 5 * 60_000,
		select: (page) => new Map(page.items.map((theme) => [theme.key, theme.label])),
	});
