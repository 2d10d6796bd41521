// Edits a touchpoint's URL patterns as a list: one field per pattern, add and remove buttons.
import { ActionIcon, Button, Group, Input, Stack, TextInput } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { IconPlus, IconTrash } from "../ui/icons";

type Props = { patterns: string[]; errors: Record<string, string>; onChange: (patterns: string[]) => void };

export const MAX_URL_PATTERNS = 20;

export function UrlPatternEditor({ patterns, errors, onChange }: Props) {
	const { t } = useTranslation();
	const nextKey = useRef(0);
	const newKey = () => nextKey.current++;
	const keys = useRef<number[]>([]);
	while (keys.current.length < patterns.length) keys.current.push(newKey());
	const remove = (index: number) => {
		keys.current = keys.current.filter((_, i) => i !== index);
		onChange(patterns.filter((_, i) => i !== index));
	};
	const update = (index: number, value: string) =>
		onChange(patterns.map((pattern, i) => (i === index ? value : pattern)));

	return (
		<Input.Wrapper label={t("journey.touchpoint.urlPatterns")} description={t("journey.touchpoint.urlPatternsHint")}>
			<Stack gap="xs" mt={6}>
				{patterns.map((pattern, index) => (
					<Group key={keys.current[index]} gap="xs" align="flex-start" wrap="nowrap">
						<TextInput
							style={{ flex: 1 }}
							aria-label={t("journey.touchpoint.urlPatternN", { n: index + 1 })}
							placeholder="/checkout/*"
							value={pattern}
							onChange={(event) => update(index, event.currentTarget.value)}
							error={errors[`urlPatterns.${index}`]}
						/>
						<ActionIcon
							variant="subtle"
							color="gray"
							size="lg"
							aria-label={t("journey.touchpoint.removeUrlPattern", { n: index + 1 })}
							onClick={() => remove(index)}
						>
							<IconTrash size={16} />
						</ActionIcon>
					</Group>
				))}
				{patterns.length < MAX_URL_PATTERNS && (
					<Button
						variant="light"
						size="xs"
						leftSection={<IconPlus size={14} />}
						onClick={() => onChange([...patterns, ""])}
						style={{ alignSelf: "flex-start" }}
					>
						{t("journey.touchpoint.addUrlPattern")}
					</Button>
				)}
			</Stack>
		</Input.Wrapper>
	);
}
