// Upload contacts into a list from a CSV file: checked first (report per line), imported only when clean.
import { Button, Code, FileInput, Group, Modal, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IconUpload } from "../feedback-icons";
import { ImportReportView } from "./ImportReportView";
import { contactListsKey, contactsKey } from "./outreach-api";
import { type ImportFile, readImportFile, useImport } from "./use-import";

type Props = { listId: string; listName: string; onClose: () => void };

export function ImportContactsModal({ listId, listName, onClose }: Props) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const [file, setFile] = useState<ImportFile | null>(null);
	const [fileError, setFileError] = useState<string | null>(null);
	const upload = useImport(
		`/contact-lists/${listId}/import`,
		(picked, dryRun) => ({ csv: picked.text, dryRun }),
		() => {
			void queryClient.invalidateQueries({ queryKey: contactsKey });
			void queryClient.invalidateQueries({ queryKey: contactListsKey });
		},
	);

	const pick = async (picked: File | null) => {
		upload.reset();
		setFile(null);
		setFileError(null);
		if (!picked) return;
		const read = await readImportFile(picked);
		if ("tooLarge" in read) return setFileError(t("feedback.import.tooLarge"));
		setFile(read);
		upload.check(read);
	};
	const isDone = upload.report !== null && !upload.report.dryRun;

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("feedback.contacts.importTitle", { name: listName })}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<Stack gap="md">
				<Text size="sm" c="dimmed">
					{t("feedback.contacts.importHint")}
				</Text>
				<Code block>email;name;language;external_id;attr_city{"\n"}anna@example.com;Anna Berg;de;C-1001;Hamburg</Code>
				<FileInput
					label={t("feedback.import.file")}
					placeholder={t("feedback.import.pick")}
					accept=".csv,text/csv,text/plain"
					leftSection={<IconUpload size={16} />}
					onChange={pick}
					error={fileError}
					clearable
					disabled={isDone}
				/>
				{upload.isPending && (
					<Text size="sm" c="dimmed">
						{t("feedback.import.checking")}
					</Text>
				)}
				{upload.report && <ImportReportView report={upload.report} />}
				<Group justify="flex-end">
					<Button variant="default" onClick={onClose}>
						{isDone ? t("common.done") : t("common.cancel")}
					</Button>
					{!isDone && (
						<Button
							disabled={!file || !upload.report || upload.report.errorCount > 0}
							loading={upload.isPending}
							onClick={() => file && upload.commit(file)}
						>
							{t("feedback.import.run")}
						</Button>
					)}
				</Group>
			</Stack>
		</Modal>
	);
}
