// Creating or editing a case rule: conditions on score, sentiment, intent, theme, touchpoint, keywords, customer value
// and source; the action opens a case with a priority for a department (or the touchpoint's), optionally auto-assigned.
import {
	Button,
	Group,
	Modal,
	MultiSelect,
	NumberInput,
	Select,
	SimpleGrid,
	Stack,
	Switch,
	TagsInput,
	Text,
	TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
	CASE_PRIORITIES,
	type CasePriority,
	type CaseRuleConditions,
	type CaseRuleView,
	type CreateCaseRuleInput,
} from "../../../../server/modules/cases/contract";
import { api, isApiError } from "../../api/client";
import { INTENT_LABELS, SENTIMENT_LABELS } from "../../feedback/analysis/analysis-style";
import { touchpointOptions, useTouchpointCatalog } from "../../feedback/feedback-api";
import { useThemeLabels } from "../../text/text-api";
import { useDepartments } from "../cases-api";

type Props = { rule: CaseRuleView | null; onClose: () => void };
type Conditions = Partial<CaseRuleConditions>;

/** Drops empty lists and unset values: an absent condition means "any". */
function cleanConditions(conditions: Conditions): Conditions {
	const entries = Object.entries(conditions).filter(
		([, value]) =>
			value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0),
	);
	return Object.fromEntries(entries) as Conditions;
}

export function RuleModal({ rule, onClose }: Props) {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const departments = useDepartments();
	const catalog = useTouchpointCatalog();
	const { themes } = useThemeLabels(i18n.language);
	const [name, setName] = useState(rule?.name ?? "");
	const [conditions, setConditions] = useState<Conditions>(rule?.conditions ?? { scoreType: "nps", maxScore: 6 });
	const [priority, setPriority] = useState<CasePriority>(rule?.priority ?? "normal");
	const [departmentId, setDepartmentId] = useState<string | null>(rule?.departmentId ?? null);
	const [autoAssign, setAutoAssign] = useState(rule?.autoAssign ?? false);
	const [enabled, setEnabled] = useState(rule?.enabled ?? true);
	const set = (patch: Conditions) => setConditions((current) => ({ ...current, ...patch }));

	const save = useMutation({
		mutationFn: () => {
			const input: CreateCaseRuleInput = {
				name: name.trim(),
				enabled,
				conditions: cleanConditions(conditions) as CaseRuleConditions,
				priority,
				departmentId,
				autoAssign,
			};
			return rule
				? api<CaseRuleView>("PATCH", `/cases/rules/${rule.id}`, input)
				: api<CaseRuleView>("POST", "/cases/rules", input);
		},
		onSuccess: () => {
			queryClient.invalidateQueries({ queryKey: ["case-rules"] });
			onClose();
		},
	});
	const error = save.error && isApiError(save.error) ? save.error : null;

	return (
		<Modal
			opened
			onClose={onClose}
			title={rule ? t("cases.settings.rules.edit") : t("cases.settings.rules.add")}
			size="xl"
		>
			<form
				onSubmit={(event) => {
					event.preventDefault();
					save.mutate();
				}}
			>
				<Stack gap="sm">
					<TextInput
						label={t("cases.settings.rules.name")}
						value={name}
						onChange={(event) => setName(event.currentTarget.value)}
						required
						maxLength={120}
						data-autofocus
					/>
					<Text fw={600} size="sm">
						{t("cases.settings.rules.when")}
					</Text>
					<SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
						<Group grow gap="xs" align="flex-start">
							<Select
								label={t("cases.settings.rules.scoreType")}
								data={["nps", "csat", "ces"].map((type) => ({ value: type, label: type.toUpperCase() }))}
								value={conditions.scoreType ?? null}
								onChange={(scoreType) =>
									set({
										scoreType: (scoreType ?? undefined) as Conditions["scoreType"],
										...(scoreType ? {} : { maxScore: undefined }),
									})
								}
								clearable
							/>
							<NumberInput
								label={t("cases.settings.rules.maxScore")}
								min={0}
								max={10}
								value={conditions.maxScore ?? ""}
								onChange={(value) => set({ maxScore: typeof value === "number" ? value : undefined })}
								disabled={!conditions.scoreType}
							/>
						</Group>
						<MultiSelect
							label={t("cases.settings.rules.sentiments")}
							data={SENTIMENT_LABELS.map((value) => ({ value, label: t(`feedback.sentiment.${value}`) }))}
							value={conditions.sentiments ?? []}
							onChange={(values) => set({ sentiments: values as Conditions["sentiments"] })}
							clearable
						/>
						<MultiSelect
							label={t("cases.settings.rules.intents")}
							data={INTENT_LABELS.map((value) => ({ value, label: t(`feedback.intent.${value}`) }))}
							value={conditions.intents ?? []}
							onChange={(intents) => set({ intents })}
							clearable
						/>
						<MultiSelect
							label={t("cases.settings.rules.themes")}
							data={themes.map((theme) => ({
								value: theme.key,
								label: i18n.language === "en" ? theme.label.en : theme.label.de,
							}))}
							value={conditions.themes ?? []}
							onChange={(values) => set({ themes: values })}
							searchable
							clearable
						/>
						<MultiSelect
							label={t("cases.settings.rules.touchpoints")}
							data={touchpointOptions(catalog.touchpoints, catalog.isMultiJourney)}
							value={conditions.touchpointIds ?? []}
							onChange={(touchpointIds) => set({ touchpointIds })}
							searchable
							clearable
						/>
						<TagsInput
							label={t("cases.settings.rules.keywords")}
							description={t("cases.settings.rules.keywordsHint")}
							value={conditions.keywords ?? []}
							onChange={(keywords) => set({ keywords })}
							clearable
						/>
						<NumberInput
							label={t("cases.settings.rules.minCustomerValue")}
							description={t("cases.settings.rules.minCustomerValueHint")}
							min={0}
							decimalScale={2}
							value={conditions.minCustomerValueCents === undefined ? "" : conditions.minCustomerValueCents / 100}
							onChange={(value) =>
								set({ minCustomerValueCents: typeof value === "number" ? Math.round(value * 100) : undefined })
							}
						/>
						<MultiSelect
							label={t("cases.settings.rules.sources")}
							data={(["response", "mention"] as const).map((value) => ({
								value,
								label: t(`cases.unanswered.source.${value}`),
							}))}
							value={conditions.sources ?? []}
							onChange={(values) => set({ sources: values as Conditions["sources"] })}
							clearable
						/>
					</SimpleGrid>
					<Text fw={600} size="sm" mt="xs">
						{t("cases.settings.rules.then")}
					</Text>
					<SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
						<Select
							label={t("cases.list.priority")}
							data={CASE_PRIORITIES.map((value) => ({ value, label: t(`cases.priority.${value}`) }))}
							value={priority}
							onChange={(value) => value && setPriority(value as CasePriority)}
							allowDeselect={false}
						/>
						<Select
							label={t("cases.list.department")}
							placeholder={t("cases.settings.rules.ownerDepartment")}
							data={(departments.data?.items ?? []).map((department) => ({
								value: department.id,
								label: department.name,
							}))}
							value={departmentId}
							onChange={setDepartmentId}
							clearable
						/>
					</SimpleGrid>
					<Switch
						label={t("cases.settings.rules.autoAssign")}
						checked={autoAssign}
						onChange={(event) => setAutoAssign(event.currentTarget.checked)}
					/>
					<Switch
						label={t("cases.settings.rules.enabled")}
						checked={enabled}
						onChange={(event) => setEnabled(event.currentTarget.checked)}
					/>
					{error && (
						<Text size="sm" c="red" role="alert">
							{error.fields.length > 0
								? error.fields.map((field) => `${field.field}: ${field.message}`).join(" · ")
								: error.message}
						</Text>
					)}
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={save.isPending} disabled={!name.trim()}>
							{t("common.save")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
