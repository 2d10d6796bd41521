// The KPI filter bar: period preset or custom days, and journey / stage / touchpoint / survey / channel / language.
import { Group, Paper, SegmentedControl, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RESPONSE_CHANNELS } from "../../../../server/modules/responses/contract";
import { touchpointOptions, useSurveys, useTouchpointCatalog } from "../../feedback/feedback-api";
import { useJourneys } from "../../journey/journey-api";
import { type KpiFilters, PERIOD_PRESETS, type Period } from "../insights-api";

export type PeriodChoice = { preset: string; custom: Period };

type Props = {
	period: PeriodChoice;
	onPeriod: (period: PeriodChoice) => void;
	filters: KpiFilters;
	onFilters: (filters: KpiFilters) => void;
};

export function KpiFilterBar({ period, onPeriod, filters, onFilters }: Props) {
	const { t } = useTranslation();
	const journeys = useJourneys();
	const catalog = useTouchpointCatalog();
	const surveys = useSurveys();
	const set = (patch: Partial<KpiFilters>) => onFilters({ ...filters, ...patch });
	const journeyName = journeys.data?.items.find((j) => j.id === filters.journeyId)?.name;
	const stages = catalog.stages.filter((s) => !journeyName || s.journeyName === journeyName);
	const touchpoints = catalog.touchpoints.filter(
		(tp) => (!journeyName || tp.journeyName === journeyName) && (!filters.stageId || tp.stageId === filters.stageId),
	);
	const isCustomInvalid = period.preset === "custom" && period.custom.from > period.custom.to;
	return (
		<Paper withBorder p="sm" mb="md">
			<Group gap="sm" align="flex-end" wrap="wrap">
				<SegmentedControl
					aria-label={t("insights.filters.period")}
					value={period.preset}
					onChange={(preset) => onPeriod({ ...period, preset })}
					data={[
						...PERIOD_PRESETS.map((days) => ({
							value: days,
							label: t("insights.filters.days", { count: Number(days) }),
						})),
						{ value: "custom", label: t("insights.filters.custom") },
					]}
				/>
				{period.preset === "custom" && (
					<>
						<TextInput
							type="date"
							label={t("insights.filters.from")}
							value={period.custom.from}
							onChange={(e) => onPeriod({ ...period, custom: { ...period.custom, from: e.currentTarget.value } })}
							error={isCustomInvalid ? t("insights.filters.fromAfterTo") : undefined}
							w={150}
						/>
						<TextInput
							type="date"
							label={t("insights.filters.to")}
							value={period.custom.to}
							onChange={(e) => onPeriod({ ...period, custom: { ...period.custom, to: e.currentTarget.value } })}
							w={150}
						/>
					</>
				)}
				{(journeys.data?.items.length ?? 0) > 1 && (
					<Select
						label={t("insights.filters.journey")}
						placeholder={t("insights.filters.all")}
						clearable
						value={filters.journeyId}
						onChange={(journeyId) => set({ journeyId, stageId: null, touchpointId: null })}
						data={(journeys.data?.items ?? []).map((j) => ({ value: j.id, label: j.name }))}
						w={180}
					/>
				)}
				<Select
					label={t("insights.filters.stage")}
					placeholder={t("insights.filters.all")}
					clearable
					value={filters.stageId}
					onChange={(stageId) => set({ stageId, touchpointId: null })}
					data={stages.map((s) => ({ value: s.id, label: s.name }))}
					w={170}
				/>
				<Select
					label={t("insights.filters.touchpoint")}
					placeholder={t("insights.filters.all")}
					clearable
					searchable
					value={filters.touchpointId}
					onChange={(touchpointId) => set({ touchpointId })}
					data={touchpointOptions(touchpoints, catalog.isMultiJourney)}
					w={200}
				/>
				<Select
					label={t("insights.filters.survey")}
					placeholder={t("insights.filters.all")}
					clearable
					searchable
					value={filters.surveyId}
					onChange={(surveyId) => set({ surveyId })}
					data={(surveys.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
					w={200}
				/>
				<Select
					label={t("insights.filters.channel")}
					placeholder={t("insights.filters.all")}
					clearable
					value={filters.channel}
					onChange={(channel) => set({ channel })}
					data={RESPONSE_CHANNELS.map((c) => ({ value: c, label: t(`insights.channels.${c}`) }))}
					w={130}
				/>
				<Select
					label={t("insights.filters.language")}
					placeholder={t("insights.filters.all")}
					clearable
					value={filters.language}
					onChange={(language) => set({ language })}
					data={[
						{ value: "de", label: t("insights.languages.de") },
						{ value: "en", label: t("insights.languages.en") },
					]}
					w={120}
				/>
			</Group>
		</Paper>
	);
}
