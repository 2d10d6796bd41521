// A text field of the survey in the language being edited, with a hint when another language still lacks it.
import { Badge, Group, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SurveyLanguage } from "../../../../server/modules/surveys/contract";
import type { LocalizedText } from "./survey-draft";

type Props = {
	label: string;
	value: LocalizedText | undefined;
	language: SurveyLanguage;
	languages: SurveyLanguage[];
	onChange: (next: LocalizedText) => void;
	/** Error messages by path; this field's errors are `${path}.${language}`. */
	errors: Record<string, string>;
	path: string;
	required?: boolean;
	multiline?: boolean;
	maxLength: number;
	placeholder?: string;
	testId?: string;
};

export function LocalizedInput({
	label,
	value,
	language,
	languages,
	onChange,
	errors,
	path,
	required,
	multiline,
	maxLength,
	placeholder,
	testId,
}: Props) {
	const { t } = useTranslation();
	const hasAny = Object.values(value ?? {}).some((text) => text && text.trim() !== "");
	const missing = languages.filter((other) => other !== language && hasAny && !value?.[other]?.trim());
	const set = (text: string) => {
		const next: LocalizedText = { ...value };
		if (text === "") delete next[language];
		else next[language] = text;
		onChange(next);
	};
	const error = errors[`${path}.${language}`] ?? errors[path];
	const labelNode = (
		<Group gap={6} component="span" wrap="nowrap" display="inline-flex">
			<span>{label}</span>
			<Badge size="xs" variant="light" color="gray" component="span">
				{language.toUpperCase()}
			</Badge>
			{missing.map((other) => (
				<Badge key={other} size="xs" variant="light" color="yellow" component="span">
					{t("feedback.builder.missingTranslation", { language: other.toUpperCase() })}
				</Badge>
			))}
		</Group>
	);
	const common = {
		label: labelNode,
		required,
		value: value?.[language] ?? "",
		maxLength,
		placeholder: placeholder ?? (language !== languages[0] ? value?.[languages[0] ?? "de"] : undefined),
		error,
		"data-testid": testId,
	};
	return multiline ? (
		<Textarea {...common} autosize minRows={2} maxRows={6} onChange={(event) => set(event.currentTarget.value)} />
	) : (
		<TextInput {...common} onChange={(event) => set(event.currentTarget.value)} />
	);
}
