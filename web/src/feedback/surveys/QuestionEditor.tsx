// The settings of one question: type, texts in the editing language, type-specific settings, required, skip logic.
import { Group, NumberInput, Select, Stack, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
	QUESTION_TYPES,
	type Question,
	type QuestionType,
	type SurveyLanguage,
} from "../../../../server/modules/surveys/contract";
import { LocalizedInput } from "./LocalizedInput";
import { OptionListEditor } from "./OptionListEditor";
import { ShowIfEditor } from "./ShowIfEditor";
import { type LocalizedText, withType } from "./survey-draft";

type Props = {
	question: Question;
	index: number;
	earlier: Question[];
	language: SurveyLanguage;
	languages: SurveyLanguage[];
	errors: Record<string, string>;
	onChange: (question: Question) => void;
};

const optional = (text: LocalizedText) => (Object.keys(text).length > 0 ? text : undefined);
const HAS_LABELS: QuestionType[] = ["nps", "csat", "ces", "rating", "matrix"];

/** Scale labels come in pairs: both ends or none. */
function withLabel(question: Question, side: "low" | "high", text: LocalizedText): Question {
	const current = "labels" in question ? question.labels : undefined;
	const low = side === "low" ? text : (current?.low ?? {});
	const high = side === "high" ? text : (current?.high ?? {});
	const isEmpty = Object.keys(low).length === 0 && Object.keys(high).length === 0;
	return { ...question, labels: isEmpty ? undefined : { low, high } } as Question;
}

export function QuestionEditor({ question, index, earlier, language, languages, errors, onChange }: Props) {
	const { t } = useTranslation();
	const path = `questions.${index}`;
	const localized = { language, languages, errors };
	const update = (patch: Partial<Question>) => onChange({ ...question, ...patch } as Question);

	return (
		<Stack gap="sm">
			<Group grow align="flex-start" wrap="wrap">
				<Select
					label={t("feedback.builder.type")}
					data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`feedback.questionType.${type}`) }))}
					value={question.type}
					allowDeselect={false}
					onChange={(type) => type && onChange(withType(question, type as QuestionType, languages))}
					miw={180}
				/>
				<Switch
					label={t("feedback.builder.required")}
					checked={question.required}
					onChange={(event) => update({ required: event.currentTarget.checked })}
					mt={{ base: 0, xs: 30 }}
				/>
			</Group>
			<LocalizedInput
				{...localized}
				label={t("feedback.builder.questionText")}
				required
				multiline
				maxLength={500}
				value={question.text}
				path={`${path}.text`}
				onChange={(text) => update({ text })}
				testId="question-text"
			/>
			<LocalizedInput
				{...localized}
				label={t("feedback.builder.help")}
				maxLength={500}
				value={question.help}
				path={`${path}.help`}
				onChange={(help) => update({ help: optional(help) })}
			/>
			{(question.type === "rating" || question.type === "matrix") && (
				<NumberInput
					label={t("feedback.builder.scale")}
					description={t("feedback.builder.scaleHint")}
					min={2}
					max={10}
					value={question.scale}
					onChange={(value) => typeof value === "number" && update({ scale: Math.min(10, Math.max(2, value)) })}
					error={errors[`${path}.scale`]}
					w={200}
				/>
			)}
			{HAS_LABELS.includes(question.type) && (
				<Group grow align="flex-start" wrap="wrap">
					<LocalizedInput
						{...localized}
						label={t("feedback.builder.lowLabel")}
						maxLength={80}
						value={"labels" in question ? question.labels?.low : undefined}
						path={`${path}.labels.low`}
						onChange={(text) => onChange(withLabel(question, "low", text))}
					/>
					<LocalizedInput
						{...localized}
						label={t("feedback.builder.highLabel")}
						maxLength={80}
						value={"labels" in question ? question.labels?.high : undefined}
						path={`${path}.labels.high`}
						onChange={(text) => onChange(withLabel(question, "high", text))}
					/>
				</Group>
			)}
			{(question.type === "single_choice" || question.type === "multiple_choice") && (
				<OptionListEditor
					{...localized}
					label={t("feedback.builder.options")}
					itemLabel={t("feedback.builder.option")}
					options={question.options}
					min={2}
					max={30}
					idPrefix="o"
					path={`${path}.options`}
					onChange={(options) => update({ options })}
				/>
			)}
			{question.type === "multiple_choice" && (
				<NumberInput
					label={t("feedback.builder.maxSelected")}
					placeholder={t("feedback.builder.noLimit")}
					min={1}
					max={question.options.length}
					value={question.maxSelected ?? ""}
					onChange={(value) => update({ maxSelected: typeof value === "number" ? value : undefined })}
					error={errors[`${path}.maxSelected`]}
					w={200}
				/>
			)}
			{question.type === "matrix" && (
				<OptionListEditor
					{...localized}
					label={t("feedback.builder.rows")}
					itemLabel={t("feedback.builder.row")}
					options={question.rows}
					min={1}
					max={20}
					idPrefix="r"
					path={`${path}.rows`}
					onChange={(rows) => update({ rows })}
				/>
			)}
			{question.type === "open_text" && (
				<Group grow align="flex-start" wrap="wrap">
					<LocalizedInput
						{...localized}
						label={t("feedback.builder.placeholder")}
						maxLength={200}
						value={question.placeholder}
						path={`${path}.placeholder`}
						onChange={(placeholder) => update({ placeholder: optional(placeholder) })}
					/>
					<NumberInput
						label={t("feedback.builder.maxLength")}
						min={1}
						max={5000}
						value={question.maxLength}
						onChange={(value) => typeof value === "number" && update({ maxLength: value })}
						maw={200}
					/>
				</Group>
			)}
			<ShowIfEditor
				question={question}
				earlier={earlier}
				language={language}
				error={
					errors[`${path}.showIf`] ??
					errors[`${path}.showIf.questionId`] ??
					errors[`${path}.showIf.value`] ??
					errors[`${path}.showIf.operator`]
				}
				onChange={(showIf) => {
					const { showIf: _previous, ...rest } = question;
					onChange((showIf ? { ...rest, showIf } : rest) as Question);
				}}
			/>
		</Stack>
	);
}
