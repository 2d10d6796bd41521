// The response explorer's filters: their empty state, the query string they become, and date-input conversions.
import type { ResponseChannel } from "../../../../server/modules/responses/contract";
import type { ScoreGroup, SurveyLanguage } from "../../../../server/modules/surveys/contract";
import { toSearch } from "../feedback-api";

export type ResponseFilters = {
	surveyId: string | null;
	touchpointId: string | null;
	stageId: string | null;
	scoreGroup: ScoreGroup | null;
	language: SurveyLanguage | null;
	channel: ResponseChannel | null;
	/** Calendar days (yyyy-mm-dd) in the browser's time zone; `to` is inclusive. */
	fromDay: string;
	toDay: string;
	q: string;
};

export const EMPTY_FILTERS: ResponseFilters = {
	surveyId: null,
	touchpointId: null,
	stageId: null,
	scoreGroup: null,
	language: null,
	channel: null,
	fromDay: "",
	toDay: "",
	q: "",
};

const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const startOfNextDay = (day: string) => {
	const date = new Date(`${day}T00:00:00`);
	date.setDate(date.getDate() + 1);
	return date.toISOString();
};

/** The API's filter parameters (shared by the list and the exports). */
export const filterParams = (filters: ResponseFilters) => ({
	surveyId: filters.surveyId,
	touchpointId: filters.touchpointId,
	stageId: filters.stageId,
	scoreGroup: filters.scoreGroup,
	language: filters.language,
	channel: filters.channel,
	from: filters.fromDay ? startOfDay(filters.fromDay) : null,
	to: filters.toDay ? startOfNextDay(filters.toDay) : null,
	q: filters.q.trim() || null,
});

export const filterSearch = (filters: ResponseFilters, extra: Record<string, string | number> = {}) =>
	toSearch({ ...filterParams(filters), ...extra });

export const activeFilterCount = (filters: ResponseFilters) =>
	Object.entries(filters).filter(([, value]) => value !== null && value !== "").length;

export const isRangeValid = (filters: ResponseFilters) =>
	!filters.fromDay || !filters.toDay || filters.fromDay <= filters.toDay;
