// Filters of the case list: text search (number, subject, customer), priority, touchpoint and "overdue only".
import { Group, MultiSelect, Select, Switch, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CASE_PRIORITIES } from "../../../../server/modules/cases/contract";
import { touchpointOptions, useTouchpointCatalog } from "../../feedback/feedback-api";
import type { ListFilters } from "./inbox-views";

type Props = { filters: ListFilters; onChange: (filters: ListFilters) => void };

export function CaseFilterBar({ filters, onChange }: Props) {
	const { t } = useTranslation();
	const catalog = useTouchpointCatalog();
	const [text, setText] = useState(filters.q);

	// Searching waits for a pause in typing so that each keystroke is not a request.
	useEffect(() => {
		const timer = setTimeout(() => {
			if (text !== filters.q) onChange({ ...filters, q: text });
		}, 300);
		return () => clearTimeout(timer);
	}, [text, filters, onChange]);

	return (
		<Group gap="xs" align="flex-end" wrap="wrap">
			<TextInput
				size="xs"
				w={240}
				aria-label={t("cases.filters.search")}
				placeholder={t("cases.filters.search")}
				value={text}
				onChange={(event) => setText(event.currentTarget.value)}
				type="search"
			/>
			<MultiSelect
				size="xs"
				w={220}
				aria-label={t("cases.filters.priority")}
				placeholder={filters.priority.length === 0 ? t("cases.filters.priority") : undefined}
				data={CASE_PRIORITIES.map((priority) => ({ value: priority, label: t(`cases.priority.${priority}`) }))}
				value={filters.priority}
				onChange={(priority) => onChange({ ...filters, priority })}
				clearable
			/>
			<Select
				size="xs"
				w={220}
				aria-label={t("cases.filters.touchpoint")}
				placeholder={t("cases.filters.touchpoint")}
				data={touchpointOptions(catalog.touchpoints, catalog.isMultiJourney)}
				value={filters.touchpointId}
				onChange={(touchpointId) => onChange({ ...filters, touchpointId })}
				searchable
				clearable
			/>
			<Switch
				size="sm"
				label={t("cases.filters.overdueOnly")}
				checked={filters.isOverdueOnly}
				onChange={(event) => onChange({ ...filters, isOverdueOnly: event.currentTarget.checked })}
				mb={4}
			/>
		</Group>
	);
}
