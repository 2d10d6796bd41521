// A stage's name, renamed inline: Enter or leaving the field saves, Escape cancels.
import { Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Props = { name: string; isEditing: boolean; onSave: (name: string) => void; onDone: () => void };

export function StageTitle({ name, isEditing, onSave, onDone }: Props) {
	const { t } = useTranslation();
	const [draft, setDraft] = useState(name);

	if (!isEditing) {
		return (
			<Text fw={650} size="sm" style={{ overflowWrap: "anywhere" }} component="h2">
				{name}
			</Text>
		);
	}

	const finish = (shouldSave: boolean) => {
		const trimmed = draft.trim();
		if (shouldSave && trimmed && trimmed !== name) onSave(trimmed);
		setDraft(name);
		onDone();
	};

	return (
		<TextInput
			size="xs"
			aria-label={t("journey.stage.name")}
			value={draft}
			maxLength={120}
			autoFocus
			onFocus={(event) => event.currentTarget.select()}
			onChange={(event) => setDraft(event.currentTarget.value)}
			onBlur={() => finish(true)}
			onKeyDown={(event) => {
				if (event.key === "Enter") finish(true);
				if (event.key === "Escape") finish(false);
			}}
			style={{ flex: 1 }}
		/>
	);
}
