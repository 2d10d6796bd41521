// The survey's own texts: title, introduction and thank-you message, in the language being edited.
import { Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SurveyLanguage } from "../../../../server/modules/surveys/contract";
import { LocalizedInput } from "./LocalizedInput";
import type { Content, LocalizedText } from "./survey-draft";

type Props = {
	content: Content;
	language: SurveyLanguage;
	languages: SurveyLanguage[];
	errors: Record<string, string>;
	onChange: (content: Content) => void;
};

const optional = (text: LocalizedText) => (Object.keys(text).length > 0 ? text : undefined);

export function SurveyTextsCard({ content, language, languages, errors, onChange }: Props) {
	const { t } = useTranslation();
	const localized = { language, languages, errors };
	return (
		<Paper withBorder p="sm">
			<Stack gap="sm">
				<LocalizedInput
					{...localized}
					label={t("feedback.builder.field.title")}
					required
					maxLength={200}
					value={content.title}
					path="title"
					onChange={(title) => onChange({ ...content, title })}
					testId="survey-title"
				/>
				<LocalizedInput
					{...localized}
					label={t("feedback.builder.field.intro")}
					multiline
					maxLength={1000}
					value={content.intro}
					path="intro"
					onChange={(intro) => onChange({ ...content, intro: optional(intro) })}
				/>
				<LocalizedInput
					{...localized}
					label={t("feedback.builder.field.thankYou")}
					multiline
					maxLength={1000}
					value={content.thankYou}
					path="thankYou"
					onChange={(thankYou) => onChange({ ...content, thankYou: optional(thankYou) })}
				/>
			</Stack>
		</Paper>
	);
}
