// The explorer's filter bar: text search always visible, the other filters in a collapsible grid.
import { Button, Collapse, Group, Indicator, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RESPONSE_CHANNELS, type ResponseChannel } from "../../../../server/modules/responses/contract";
import {
	SCORE_GROUPS,
	type ScoreGroup,
	SURVEY_LANGUAGES,
	type SurveyLanguage,
} from "../../../../server/modules/surveys/contract";
import { touchpointOptions, useSurveys, useTouchpointCatalog } from "../feedback-api";
import { activeFilterCount, EMPTY_FILTERS, isRangeValid, type ResponseFilters } from "./response-filters";

type Props = { filters: ResponseFilters; onChange: (filters: ResponseFilters) => void };

export function ResponseFilterBar({ filters, onChange }: Props) {
	const { t } = useTranslation();
	const [isOpen, setOpen] = useState(activeFilterCount({ ...filters, q: "" }) > 0);
	const [search, setSearch] = useState(filters.q);
	const surveys = useSurveys();
	const catalog = useTouchpointCatalog();
	const applySearch = useDebouncedCallback((q: string) => onChange({ ...filters, q }), 350);
	const set = <K extends keyof ResponseFilters>(key: K, value: ResponseFilters[K]) =>
		onChange({ ...filters, [key]: value });
	const count = activeFilterCount({ ...filters, q: "" });

	return (
		<>
			<Group gap="xs" wrap="nowrap" mb="xs">
				<TextInput
					type="search"
					aria-label={t("feedback.responses.search")}
					placeholder={t("feedback.responses.searchPlaceholder")}
					value={search}
					onChange={(event) => {
						setSearch(event.currentTarget.value);
						applySearch(event.currentTarget.value);
					}}
					style={{ flex: 1 }}
					maxLength={200}
				/>
				<Indicator label={count} size={16} disabled={count === 0}>
					<Button variant="default" onClick={() => setOpen((open) => !open)} aria-expanded={isOpen}>
						{t("feedback.responses.filters")}
					</Button>
				</Indicator>
			</Group>
			<Collapse expanded={isOpen}>
				<SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mb="xs">
					<Select
						label={t("feedback.responses.survey")}
						placeholder={t("feedback.responses.all")}
						clearable
						searchable
						data={(surveys.data?.items ?? []).map((survey) => ({ value: survey.id, label: survey.name }))}
						value={filters.surveyId}
						onChange={(value) => set("surveyId", value)}
					/>
					<Select
						label={t("feedback.responses.stage")}
						placeholder={t("feedback.responses.all")}
						clearable
						data={catalog.stages.map((stage) => ({ value: stage.id, label: stage.name }))}
						value={filters.stageId}
						onChange={(value) => set("stageId", value)}
					/>
					<Select
						label={t("feedback.responses.touchpoint")}
						placeholder={t("feedback.responses.all")}
						clearable
						searchable
						data={touchpointOptions(catalog.touchpoints, catalog.isMultiJourney)}
						value={filters.touchpointId}
						onChange={(value) => set("touchpointId", value)}
					/>
					<Select
						label={t("feedback.responses.scoreGroup")}
						placeholder={t("feedback.responses.all")}
						clearable
						data={SCORE_GROUPS.map((group) => ({ value: group, label: t(`feedback.scoreGroup.${group}`) }))}
						value={filters.scoreGroup}
						onChange={(value) => set("scoreGroup", value as ScoreGroup | null)}
					/>
					<Select
						label={t("feedback.responses.language")}
						placeholder={t("feedback.responses.all")}
						clearable
						data={SURVEY_LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
						value={filters.language}
						onChange={(value) => set("language", value as SurveyLanguage | null)}
					/>
					<Select
						label={t("feedback.responses.channel")}
						placeholder={t("feedback.responses.all")}
						clearable
						data={RESPONSE_CHANNELS.map((channel) => ({ value: channel, label: t(`feedback.channel.${channel}`) }))}
						value={filters.channel}
						onChange={(value) => set("channel", value as ResponseChannel | null)}
					/>
					<TextInput
						type="date"
						label={t("feedback.responses.from")}
						value={filters.fromDay}
						onChange={(event) => set("fromDay", event.currentTarget.value)}
					/>
					<TextInput
						type="date"
						label={t("feedback.responses.to")}
						value={filters.toDay}
						onChange={(event) => set("toDay", event.currentTarget.value)}
						error={isRangeValid(filters) ? undefined : t("feedback.responses.rangeInvalid")}
					/>
				</SimpleGrid>
				{count > 0 && (
					<Group justify="flex-end" mb="xs">
						<Button
							variant="subtle"
							size="xs"
							onClick={() => {
								setSearch("");
								onChange(EMPTY_FILTERS);
							}}
						>
							{t("feedback.responses.reset")}
						</Button>
					</Group>
				)}
			</Collapse>
		</>
	);
}
