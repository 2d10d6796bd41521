// A live preview of the survey in one language, as respondents see it; answers in the preview drive the skip logic.
import { Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Question, ShowIf, SurveyLanguage } from "../../../../server/modules/surveys/contract";
import { type Content, scaleRange } from "./survey-draft";

type Answer = number | string | string[] | Record<string, number>;

/** The same rule as the public page: hidden while the referenced question is unanswered. */
function isShown(showIf: ShowIf | undefined, answers: Record<string, Answer>): boolean {
	if (!showIf) return true;
	const answer = answers[showIf.questionId];
	if (answer === undefined) return false;
	const given = Array.isArray(answer) ? answer : [answer];
	const values = Array.isArray(showIf.value) ? showIf.value : [showIf.value];
	switch (showIf.operator) {
		case "lte":
			return typeof answer === "number" && answer <= Number(values[0]);
		case "gte":
			return typeof answer === "number" && answer >= Number(values[0]);
		case "eq":
			return given.some((value) => value === values[0]);
		case "in":
			return given.some((value) => values.includes(value as never));
	}
}

export function SurveyPreview({ content, language }: { content: Content; language: SurveyLanguage }) {
	const { t } = useTranslation();
	const [answers, setAnswers] = useState<Record<string, Answer>>({});
	const text = (value: Partial<Record<SurveyLanguage, string>> | undefined) => value?.[language] ?? "";
	const set = (id: string, answer: Answer | undefined) =>
		setAnswers((current) => {
			const { [id]: _previous, ...rest } = current;
			return answer === undefined ? rest : { ...rest, [id]: answer };
		});
	const visible = content.questions.filter((question) => isShown(question.showIf, answers));

	return (
		<Paper withBorder p="md" className="loupe-preview" aria-label={t("feedback.builder.preview")} lang={language}>
			<Group justify="space-between" mb="sm">
				<Text size="xs" fw={700} c="dimmed" tt="uppercase">
					{t("feedback.builder.preview")} · {language.toUpperCase()}
				</Text>
				{Object.keys(answers).length > 0 && (
					<Button size="compact-xs" variant="subtle" onClick={() => setAnswers({})}>
						{t("feedback.builder.resetPreview")}
					</Button>
				)}
			</Group>
			<Title order={3} size="h4" mb={4}>
				{text(content.title) || t("feedback.builder.untitled")}
			</Title>
			{content.intro && (
				<Text size="sm" c="dimmed" mb="md">
					{text(content.intro)}
				</Text>
			)}
			<Stack gap="lg" mt="md">
				{visible.map((question) => (
					<PreviewQuestion
						key={question.id}
						question={question}
						language={language}
						answer={answers[question.id]}
						onAnswer={(answer) => set(question.id, answer)}
					/>
				))}
			</Stack>
			{visible.length < content.questions.length && (
				<Text size="xs" c="dimmed" mt="md">
					{t("feedback.builder.hiddenByLogic", { count: content.questions.length - visible.length })}
				</Text>
			)}
			{content.thankYou && (
				<Text size="sm" mt="lg" p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
					{text(content.thankYou)}
				</Text>
			)}
		</Paper>
	);
}

type QuestionProps = {
	question: Question;
	language: SurveyLanguage;
	answer: Answer | undefined;
	onAnswer: (answer: Answer | undefined) => void;
};

function PreviewQuestion({ question, language, answer, onAnswer }: QuestionProps) {
	const { t } = useTranslation();
	const label = `${question.text[language] ?? ""}${question.required ? " *" : ""}`;
	const range = scaleRange(question);
	const labels = "labels" in question ? question.labels : undefined;
	const scale = (value: number | undefined, onPick: (value: number) => void, name: string) =>
		range && (
			<div>
				<fieldset className="loupe-scale" aria-label={name}>
					{Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i).map((point) => (
						<Button
							key={point}
							size="compact-sm"
							variant={value === point ? "filled" : "default"}
							onClick={() => onPick(point)}
							aria-pressed={value === point}
						>
							{point}
						</Button>
					))}
				</fieldset>
				{labels && (
					<Group justify="space-between" mt={4}>
						<Text size="xs" c="dimmed">
							{labels.low[language]}
						</Text>
						<Text size="xs" c="dimmed">
							{labels.high[language]}
						</Text>
					</Group>
				)}
			</div>
		);

	return (
		<div>
			<Text size="sm" fw={600} mb={4}>
				{label || t("feedback.builder.untitled")}
			</Text>
			{question.help?.[language] && (
				<Text size="xs" c="dimmed" mb={6}>
					{question.help[language]}
				</Text>
			)}
			{(question.type === "nps" || question.type === "csat" || question.type === "ces" || question.type === "rating") &&
				scale(typeof answer === "number" ? answer : undefined, onAnswer, label)}
			{question.type === "single_choice" && (
				<Radio.Group value={typeof answer === "string" ? answer : null} onChange={onAnswer} aria-label={label}>
					<Stack gap={6}>
						{question.options.map((option) => (
							<Radio key={option.id} value={option.id} label={option.text[language] ?? option.id} />
						))}
					</Stack>
				</Radio.Group>
			)}
			{question.type === "multiple_choice" && (
				<Checkbox.Group
					value={Array.isArray(answer) ? answer : []}
					onChange={(values) => onAnswer(values.length > 0 ? values : undefined)}
					aria-label={label}
				>
					<Stack gap={6}>
						{question.options.map((option) => (
							<Checkbox key={option.id} value={option.id} label={option.text[language] ?? option.id} />
						))}
					</Stack>
				</Checkbox.Group>
			)}
			{question.type === "open_text" && (
				<Textarea
					aria-label={label}
					placeholder={question.placeholder?.[language]}
					maxLength={question.maxLength}
					autosize
					minRows={2}
					value={typeof answer === "string" ? answer : ""}
					onChange={(event) => onAnswer(event.currentTarget.value || undefined)}
				/>
			)}
			{question.type === "matrix" && (
				<Stack gap="xs">
					{question.rows.map((row) => {
						const current = answer && typeof answer === "object" && !Array.isArray(answer) ? answer : {};
						return (
							<div key={row.id}>
								<Text size="xs" mb={2}>
									{row.text[language]}
								</Text>
								{scale(
									current[row.id],
									(point) => onAnswer({ ...current, [row.id]: point }),
									row.text[language] ?? row.id,
								)}
							</div>
						);
					})}
				</Stack>
			)}
		</div>
	);
}
