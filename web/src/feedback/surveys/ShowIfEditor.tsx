// Skip logic of one question: "show only if question X is ≤ / ≥ / = / one of …" an earlier answer.
import { Group, MultiSelect, Select, Switch, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Question, ShowIf, SurveyLanguage } from "../../../../server/modules/surveys/contract";
import { isChoice, isScored, scaleRange } from "./survey-draft";

type Props = {
	question: Question;
	earlier: Question[];
	language: SurveyLanguage;
	error: string | undefined;
	onChange: (showIf: ShowIf | undefined) => void;
};

const questionLabel = (question: Question, index: number, language: SurveyLanguage) =>
	`${index + 1}. ${question.text[language] ?? Object.values(question.text)[0] ?? question.id}`;

export function ShowIfEditor({ question, earlier, language, error, onChange }: Props) {
	const { t } = useTranslation();
	const sources = earlier
		.map((candidate, index) => ({ candidate, index }))
		.filter(({ candidate }) => isScored(candidate.type) || isChoice(candidate.type));
	const rule = question.showIf;
	const source = rule ? earlier.find((candidate) => candidate.id === rule.questionId) : undefined;

	if (sources.length === 0) {
		return (
			<Text size="xs" c="dimmed">
				{t("feedback.builder.skipNoSource")}
			</Text>
		);
	}

	const defaultRule = (candidate: Question): ShowIf => {
		const range = scaleRange(candidate);
		if (range) return { questionId: candidate.id, operator: "lte", value: Math.round((range.min + range.max) / 2) };
		const first = "options" in candidate ? (candidate.options[0]?.id ?? "") : "";
		return { questionId: candidate.id, operator: "eq", value: first };
	};

	const values = (candidate: Question) => {
		const range = scaleRange(candidate);
		if (range) {
			return Array.from({ length: range.max - range.min + 1 }, (_, i) => String(range.min + i)).map((value) => ({
				value,
				label: value,
			}));
		}
		return "options" in candidate
			? candidate.options.map((option) => ({ value: option.id, label: option.text[language] ?? option.id }))
			: [];
	};

	const isNumeric = source ? isScored(source.type) : false;
	const toValue = (value: string) => (isNumeric ? Number(value) : value);
	const operators = (isNumeric ? (["lte", "gte", "eq", "in"] as const) : (["eq", "in"] as const)).map((op) => ({
		value: op,
		label: t(`feedback.builder.operator.${op}`),
	}));

	return (
		<div>
			<Switch
				label={t("feedback.builder.skipLogic")}
				checked={Boolean(rule)}
				onChange={(event) => {
					const first = sources[sources.length - 1]?.candidate;
					onChange(event.currentTarget.checked && first ? defaultRule(first) : undefined);
				}}
			/>
			{rule && source && (
				<Group gap="xs" mt="xs" align="flex-start" wrap="wrap" data-testid="skip-logic">
					<Select
						aria-label={t("feedback.builder.skipQuestion")}
						data={sources.map(({ candidate, index }) => ({
							value: candidate.id,
							label: questionLabel(candidate, index, language),
						}))}
						value={rule.questionId}
						allowDeselect={false}
						onChange={(id) => {
							const next = earlier.find((candidate) => candidate.id === id);
							if (next) onChange(defaultRule(next));
						}}
						w={260}
						maw="100%"
					/>
					<Select
						aria-label={t("feedback.builder.skipOperator")}
						data={operators}
						value={rule.operator}
						allowDeselect={false}
						onChange={(operator) => {
							if (!operator) return;
							const current = Array.isArray(rule.value) ? rule.value : [rule.value];
							const first = current[0] ?? values(source)[0]?.value ?? "";
							onChange({
								...rule,
								operator: operator as ShowIf["operator"],
								value: operator === "in" ? [first] : first,
							});
						}}
						w={150}
					/>
					{rule.operator === "in" ? (
						<MultiSelect
							aria-label={t("feedback.builder.skipValue")}
							data={values(source)}
							value={(Array.isArray(rule.value) ? rule.value : [rule.value]).map(String)}
							onChange={(next) => next.length > 0 && onChange({ ...rule, value: next.map(toValue) })}
							miw={180}
							style={{ flex: 1 }}
						/>
					) : (
						<Select
							aria-label={t("feedback.builder.skipValue")}
							data={values(source)}
							value={String(Array.isArray(rule.value) ? rule.value[0] : rule.value)}
							allowDeselect={false}
							onChange={(next) => next !== null && onChange({ ...rule, value: toValue(next) })}
							w={isNumeric ? 90 : 200}
						/>
					)}
				</Group>
			)}
			{error && (
				<Text size="xs" c="red" mt={4}>
					{error}
				</Text>
			)}
		</div>
	);
}
