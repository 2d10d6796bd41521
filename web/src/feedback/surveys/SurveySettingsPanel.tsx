// Survey settings: name, touchpoint, languages and default language, public address (slug) and hidden fields.
import { Chip, Group, Paper, Select, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Key, SURVEY_LANGUAGES, type SurveyLanguage } from "../../../../server/modules/surveys/contract";
import { touchpointOptions, useTouchpointCatalog } from "../feedback-api";
import type { SurveyDraft } from "./survey-draft";

type Props = {
	draft: SurveyDraft;
	errors: Record<string, string>;
	publicUrl: string;
	isReadOnly: boolean;
	onChange: (draft: SurveyDraft) => void;
};

export function SurveySettingsPanel({ draft, errors, publicUrl, isReadOnly, onChange }: Props) {
	const { t } = useTranslation();
	const catalog = useTouchpointCatalog();
	const set = <K extends keyof SurveyDraft>(key: K, value: SurveyDraft[K]) => onChange({ ...draft, [key]: value });
	const invalidKeys = draft.hiddenFields.filter((field) => !Key.safeParse(field).success);
	const base = publicUrl.slice(0, publicUrl.lastIndexOf("/") + 1);

	return (
		<Paper withBorder p="md" maw={760}>
			<Stack gap="md">
				<TextInput
					label={t("feedback.surveys.name")}
					required
					maxLength={120}
					readOnly={isReadOnly}
					value={draft.name}
					onChange={(event) => set("name", event.currentTarget.value)}
					error={errors.name}
				/>
				<Select
					label={t("feedback.surveys.touchpoint")}
					description={t("feedback.surveys.touchpointHint")}
					required
					searchable
					allowDeselect={false}
					readOnly={isReadOnly}
					data={touchpointOptions(catalog.touchpoints, catalog.isMultiJourney)}
					value={draft.touchpointId}
					onChange={(value) => value && set("touchpointId", value)}
					error={errors.touchpointId}
				/>
				<div>
					<Text size="sm" fw={500} mb={6}>
						{t("feedback.surveys.languages")}
					</Text>
					<Chip.Group
						multiple
						value={draft.languages}
						onChange={(values) => {
							if (isReadOnly || values.length === 0) return;
							const languages = SURVEY_LANGUAGES.filter((language) => values.includes(language));
							const defaultLanguage = languages.includes(draft.defaultLanguage)
								? draft.defaultLanguage
								: (languages[0] as SurveyLanguage);
							onChange({ ...draft, languages, defaultLanguage });
						}}
					>
						<Group gap="xs">
							{SURVEY_LANGUAGES.map((language) => (
								<Chip key={language} value={language}>
									{t(`language.${language}`)}
								</Chip>
							))}
						</Group>
					</Chip.Group>
					<Text size="xs" c="dimmed" mt={4}>
						{t("feedback.surveys.languagesHint")}
					</Text>
				</div>
				<Select
					label={t("feedback.surveys.defaultLanguage")}
					allowDeselect={false}
					readOnly={isReadOnly}
					data={draft.languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
					value={draft.defaultLanguage}
					onChange={(value) => value && set("defaultLanguage", value as SurveyLanguage)}
					w={240}
				/>
				<TextInput
					label={t("feedback.surveys.slug")}
					description={t("feedback.surveys.slugHint")}
					leftSection={
						<Text size="xs" c="dimmed" pl={4} style={{ whiteSpace: "nowrap" }}>
							{base}
						</Text>
					}
					leftSectionWidth={Math.min(280, base.length * 7 + 12)}
					readOnly={isReadOnly}
					maxLength={60}
					value={draft.slug}
					onChange={(event) => set("slug", event.currentTarget.value.toLowerCase())}
					error={errors.slug}
				/>
				<TagsInput
					label={t("feedback.surveys.hiddenFields")}
					description={t("feedback.surveys.hiddenFieldsHint")}
					placeholder={t("feedback.surveys.hiddenFieldsPlaceholder")}
					readOnly={isReadOnly}
					value={draft.hiddenFields}
					onChange={(values) =>
						set(
							"hiddenFields",
							values.map((value) => value.trim().toLowerCase()),
						)
					}
					maxTags={20}
					error={
						invalidKeys.length > 0
							? t("feedback.surveys.hiddenFieldInvalid", { keys: invalidKeys.join(", ") })
							: errors.hiddenFields
					}
				/>
			</Stack>
		</Paper>
	);
}
