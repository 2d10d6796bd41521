// The resolve dialog: a case is resolved only with a root cause (from the organization's list) and an optional note.
import { Button, Group, Modal, Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRootCauses } from "../cases-api";

type Props = {
	opened: boolean;
	count?: number;
	initialRootCauseId?: string | null;
	isPending: boolean;
	onClose: () => void;
	onResolve: (input: { rootCauseId: string; resolutionNote: string }) => void;
};

export function ResolveModal({ opened, count = 1, initialRootCauseId, isPending, onClose, onResolve }: Props) {
	const { t, i18n } = useTranslation();
	const rootCauses = useRootCauses();
	const [rootCauseId, setRootCauseId] = useState<string | null>(initialRootCauseId ?? null);
	const [note, setNote] = useState("");
	const language = i18n.language === "en" ? "en" : "de";
	const options = (rootCauses.data?.items ?? [])
		.filter((cause) => !cause.archived)
		.map((cause) => ({ value: cause.id, label: cause.label[language] }));

	return (
		<Modal opened={opened} onClose={onClose} title={t("cases.resolve.title", { count })}>
			<form
				onSubmit={(event) => {
					event.preventDefault();
					if (rootCauseId) onResolve({ rootCauseId, resolutionNote: note.trim() });
				}}
			>
				<Stack>
					<Select
						label={t("cases.resolve.rootCause")}
						description={t("cases.resolve.rootCauseHint")}
						data={options}
						value={rootCauseId}
						onChange={setRootCauseId}
						searchable
						required
						data-autofocus
						nothingFoundMessage={t("cases.resolve.noRootCauses")}
					/>
					<Textarea
						label={t("cases.resolve.note")}
						value={note}
						onChange={(event) => setNote(event.currentTarget.value)}
						autosize
						minRows={3}
						maxLength={10_000}
					/>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" color="teal" disabled={!rootCauseId} loading={isPending}>
							{t("cases.resolve.submit")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
