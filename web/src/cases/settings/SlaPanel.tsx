// SLA targets per priority (business minutes), the business calendar (opening hours per weekday, holidays) in the
// organization's time zone, the agent cost rate and automatic acknowledgement.
import {
	Button,
	Checkbox,
	Group,
	NumberInput,
	Paper,
	Stack,
	Switch,
	Table,
	TagsInput,
	Text,
	TextInput,
	Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
	type BusinessHours,
	CASE_PRIORITIES,
	type CaseSettingsView,
	type UpdateCaseSettingsInput,
} from "../../../../server/modules/cases/contract";
import { api } from "../../api/client";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { useCaseSettings } from "../cases-api";
import { formatMinutes } from "../format";

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
type Weekday = (typeof WEEKDAYS)[number];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function SlaPanel() {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const settings = useCaseSettings();
	const [draft, setDraft] = useState<CaseSettingsView | null>(null);
	useEffect(() => {
		if (settings.data) setDraft(settings.data);
	}, [settings.data]);
	const save = useMutation({
		mutationFn: (input: UpdateCaseSettingsInput) => api<CaseSettingsView>("PATCH", "/cases/settings", input),
		onSuccess: (view) => {
			queryClient.setQueryData(["case-settings"], view);
			notify("success", t("cases.settings.saved"));
		},
		onError: (error) => notify("error", t("cases.settings.saveFailed"), error.message),
	});

	if (settings.isPending || !draft) return settings.error ? <ErrorState error={settings.error} /> : <LoadingState />;
	const dayName = (day: Weekday) =>
		new Intl.DateTimeFormat(i18n.language, { weekday: "long" }).format(new Date(Date.UTC(2024, 0, Number(day))));
	const setDay = (day: Weekday, range: [string, string] | null) => {
		const hours: BusinessHours = { ...draft.businessHours };
		if (range) hours[day] = [range];
		else delete hours[day];
		setDraft({ ...draft, businessHours: hours });
	};
	const policyOf = (priority: string) => draft.slaPolicies.find((policy) => policy.priority === priority);
	const setPolicy = (priority: string, field: "firstResponseMinutes" | "resolutionMinutes", value: number) =>
		setDraft({
			...draft,
			slaPolicies: draft.slaPolicies.map((policy) =>
				policy.priority === priority ? { ...policy, [field]: value } : policy,
			),
		});

	return (
		<Stack gap="lg" maw={860}>
			<Stack gap="xs">
				<Title order={3} size="h5">
					{t("cases.settings.sla.title")}
				</Title>
				<Text size="sm" c="dimmed">
					{t("cases.settings.sla.intro")}
				</Text>
				<Table withTableBorder maw={640}>
					<Table.Thead>
						<Table.Tr>
							<Table.Th>{t("cases.list.priority")}</Table.Th>
							<Table.Th>{t("cases.due.firstResponse")}</Table.Th>
							<Table.Th>{t("cases.due.resolution")}</Table.Th>
						</Table.Tr>
					</Table.Thead>
					<Table.Tbody>
						{CASE_PRIORITIES.map((priority) => {
							const policy = policyOf(priority);
							if (!policy) return null;
							return (
								<Table.Tr key={priority}>
									<Table.Td>{t(`cases.priority.${priority}`)}</Table.Td>
									{(["firstResponseMinutes", "resolutionMinutes"] as const).map((field) => (
										<Table.Td key={field}>
											<NumberInput
												size="xs"
												w={150}
												min={1}
												max={86_400}
												suffix=" min"
												aria-label={`${t(`cases.priority.${priority}`)} · ${t(field === "firstResponseMinutes" ? "cases.due.firstResponse" : "cases.due.resolution")}`}
												value={policy[field]}
												onChange={(value) => typeof value === "number" && setPolicy(priority, field, value)}
												description={formatMinutes(policy[field])}
											/>
										</Table.Td>
									))}
								</Table.Tr>
							);
						})}
					</Table.Tbody>
				</Table>
			</Stack>

			<Stack gap="xs">
				<Title order={3} size="h5">
					{t("cases.settings.hours.title")}
				</Title>
				<Text size="sm" c="dimmed">
					{t("cases.settings.hours.intro", { timezone: draft.timezone })}
				</Text>
				<Paper withBorder p="sm" maw={640}>
					<Stack gap={6}>
						{WEEKDAYS.map((day) => {
							const range = draft.businessHours[day]?.[0] ?? null;
							return (
								<Group key={day} gap="sm" wrap="nowrap">
									<Checkbox
										w={160}
										label={dayName(day)}
										checked={range !== null}
										onChange={(event) => setDay(day, event.currentTarget.checked ? ["08:00", "18:00"] : null)}
									/>
									{range ? (
										<>
											<TextInput
												size="xs"
												w={130}
												type="time"
												aria-label={`${dayName(day)} ${t("cases.settings.hours.from")}`}
												value={range[0]}
												onChange={(event) => setDay(day, [event.currentTarget.value, range[1]])}
											/>
											<Text size="sm">–</Text>
											<TextInput
												size="xs"
												w={130}
												type="time"
												aria-label={`${dayName(day)} ${t("cases.settings.hours.to")}`}
												value={range[1]}
												onChange={(event) => setDay(day, [range[0], event.currentTarget.value])}
											/>
										</>
									) : (
										<Text size="sm" c="dimmed">
											{t("cases.settings.hours.closed")}
										</Text>
									)}
								</Group>
							);
						})}
					</Stack>
				</Paper>
				<TagsInput
					maw={640}
					label={t("cases.settings.hours.holidays")}
					description={t("cases.settings.hours.holidaysHint")}
					value={draft.holidays}
					onChange={(holidays) => setDraft({ ...draft, holidays: holidays.filter((day) => ISO_DATE.test(day)) })}
					clearable
				/>
			</Stack>

			<Stack gap="xs">
				<Title order={3} size="h5">
					{t("cases.settings.cost.title")}
				</Title>
				<Group align="flex-end">
					<NumberInput
						w={200}
						label={t("cases.settings.cost.perHour")}
						min={0}
						decimalScale={2}
						value={draft.costPerHourCents / 100}
						onChange={(value) =>
							typeof value === "number" && setDraft({ ...draft, costPerHourCents: Math.round(value * 100) })
						}
					/>
					<TextInput
						w={100}
						label={t("cases.settings.cost.currency")}
						value={draft.currency}
						maxLength={3}
						onChange={(event) => setDraft({ ...draft, currency: event.currentTarget.value.toUpperCase() })}
					/>
				</Group>
				<Switch
					label={t("cases.settings.autoAcknowledge")}
					description={t("cases.settings.autoAcknowledgeHint")}
					checked={draft.autoAcknowledge}
					onChange={(event) => setDraft({ ...draft, autoAcknowledge: event.currentTarget.checked })}
				/>
			</Stack>

			<Group>
				<Button
					loading={save.isPending}
					onClick={() =>
						save.mutate({
							businessHours: draft.businessHours,
							holidays: draft.holidays,
							costPerHourCents: draft.costPerHourCents,
							currency: draft.currency,
							autoAcknowledge: draft.autoAcknowledge,
							slaPolicies: draft.slaPolicies.map(({ priority, firstResponseMinutes, resolutionMinutes }) => ({
								priority,
								firstResponseMinutes,
								resolutionMinutes,
							})),
						})
					}
				>
					{t("common.save")}
				</Button>
			</Group>
		</Stack>
	);
}
