// The options of a choice question (or the rows of a matrix): text per language, add, remove and reorder.
import { ActionIcon, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SurveyLanguage } from "../../../../server/modules/surveys/contract";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "../../ui/icons";
import { LocalizedInput } from "./LocalizedInput";
import { type LocalizedText, moveItem, nextOptionId } from "./survey-draft";

type Option = { id: string; text: LocalizedText };

type Props = {
	label: string;
	itemLabel: string;
	options: Option[];
	min: number;
	max: number;
	idPrefix: string;
	language: SurveyLanguage;
	languages: SurveyLanguage[];
	errors: Record<string, string>;
	path: string;
	onChange: (options: Option[]) => void;
};

export function OptionListEditor({
	label,
	itemLabel,
	options,
	min,
	max,
	idPrefix,
	language,
	languages,
	errors,
	path,
	onChange,
}: Props) {
	const { t } = useTranslation();
	return (
		<Stack gap={6}>
			<Text size="sm" fw={500}>
				{label}
			</Text>
			{options.map((option, index) => (
				<Group key={option.id} gap={4} align="flex-end" wrap="nowrap">
					<div style={{ flex: 1, minWidth: 0 }}>
						<LocalizedInput
							label={`${itemLabel} ${index + 1}`}
							value={option.text}
							language={language}
							languages={languages}
							errors={errors}
							path={`${path}.${index}.text`}
							maxLength={200}
							onChange={(text) => onChange(options.map((o, i) => (i === index ? { ...o, text } : o)))}
						/>
					</div>
					<ActionIcon
						variant="subtle"
						color="gray"
						size="lg"
						disabled={index === 0}
						aria-label={t("feedback.builder.moveOptionUp", { n: index + 1 })}
						onClick={() => onChange(moveItem(options, index, index - 1))}
					>
						<IconArrowUp size={16} />
					</ActionIcon>
					<ActionIcon
						variant="subtle"
						color="gray"
						size="lg"
						disabled={index === options.length - 1}
						aria-label={t("feedback.builder.moveOptionDown", { n: index + 1 })}
						onClick={() => onChange(moveItem(options, index, index + 1))}
					>
						<IconArrowDown size={16} />
					</ActionIcon>
					<ActionIcon
						variant="subtle"
						color="red"
						size="lg"
						disabled={options.length <= min}
						aria-label={t("feedback.builder.removeOption", { n: index + 1 })}
						onClick={() => onChange(options.filter((_, i) => i !== index))}
					>
						<IconTrash size={16} />
					</ActionIcon>
				</Group>
			))}
			{options.length < max && (
				<Button
					variant="subtle"
					size="xs"
					leftSection={<IconPlus size={14} />}
					style={{ alignSelf: "flex-start" }}
					onClick={() => onChange([...options, { id: nextOptionId(options, idPrefix), text: {} }])}
				>
					{t("feedback.builder.addOption", { item: itemLabel })}
				</Button>
			)}
		</Stack>
	);
}
