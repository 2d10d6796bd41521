// Import reviews and posts from a CSV or JSON file into a touchpoint: checked first, imported when clean.
import { Button, Code, FileInput, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { touchpointOptions, useTouchpointCatalog } from "../feedback-api";
import { IconUpload } from "../feedback-icons";
import { ImportReportView } from "../outreach/ImportReportView";
import { type ImportFile, readImportFile, useImport } from "../outreach/use-import";
import { mentionsKey } from "./mentions-api";

const isJsonFile = (file: ImportFile) => file.name.toLowerCase().endsWith(".json") || /^\s*[[{]/.test(file.text);

function parsesAsJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

export function ImportMentionsModal({ onClose }: { onClose: () => void }) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const catalog = useTouchpointCatalog();
	const [touchpointId, setTouchpointId] = useState<string | null>(null);
	const [defaultSource, setDefaultSource] = useState("");
	const [file, setFile] = useState<ImportFile | null>(null);
	const [fileError, setFileError] = useState<string | null>(null);
	const upload = useImport(
		"/mentions/import",
		(picked, dryRun) => {
			const source = defaultSource.trim() ? { defaultSource: defaultSource.trim() } : {};
			if (!isJsonFile(picked)) return { touchpointId, ...source, csv: picked.text, dryRun };
			const parsed: unknown = JSON.parse(picked.text);
			const mentions = Array.isArray(parsed) ? parsed : (parsed as { mentions?: unknown[] }).mentions;
			return { touchpointId, ...source, mentions, dryRun };
		},
		() => void queryClient.invalidateQueries({ queryKey: mentionsKey }),
	);

	const check = (picked: ImportFile | null = file) => {
		upload.reset();
		if (picked && touchpointId) upload.check(picked);
	};
	const pick = async (chosen: File | null) => {
		setFile(null);
		setFileError(null);
		upload.reset();
		if (!chosen) return;
		const read = await readImportFile(chosen);
		if ("tooLarge" in read) return setFileError(t("feedback.import.tooLarge"));
		if (isJsonFile(read) && !parsesAsJson(read.text)) return setFileError(t("feedback.mentions.invalidJson"));
		setFile(read);
		check(read);
	};
	const isDone = upload.report !== null && !upload.report.dryRun;

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("feedback.mentions.importTitle")}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<Stack gap="md">
				<Text size="sm" c="dimmed">
					{t("feedback.mentions.importHint")}
				</Text>
				<Code block>source,source_id,author,rating,text,published_at,url,language</Code>
				<Group grow align="flex-start" wrap="wrap">
					<Select
						label={t("feedback.mentions.touchpoint")}
						required
						searchable
						data={touchpointOptions(catalog.touchpoints, catalog.isMultiJourney)}
						value={touchpointId}
						onChange={(value) => {
							setTouchpointId(value);
							upload.reset();
						}}
					/>
					<TextInput
						label={t("feedback.mentions.defaultSource")}
						description={t("feedback.mentions.defaultSourceHint")}
						placeholder="Trustpilot"
						maxLength={60}
						value={defaultSource}
						onChange={(event) => setDefaultSource(event.currentTarget.value)}
					/>
				</Group>
				<FileInput
					label={t("feedback.import.file")}
					placeholder={t("feedback.import.pick")}
					accept=".csv,.json,text/csv,application/json,text/plain"
					leftSection={<IconUpload size={16} />}
					onChange={pick}
					error={fileError}
					clearable
					disabled={!touchpointId || isDone}
				/>
				{upload.report && <ImportReportView report={upload.report} />}
				<Group justify="flex-end">
					<Button variant="default" onClick={onClose}>
						{isDone ? t("common.done") : t("common.cancel")}
					</Button>
					{!isDone && (
						<>
							{file && !upload.report && (
								<Button variant="light" onClick={() => check()} loading={upload.isPending} disabled={!touchpointId}>
									{t("feedback.import.check")}
								</Button>
							)}
							<Button
								disabled={!file || !upload.report || upload.report.errorCount > 0}
								loading={upload.isPending}
								onClick={() => file && upload.commit(file)}
							>
								{t("feedback.import.run")}
							</Button>
						</>
					)}
				</Group>
			</Stack>
		</Modal>
	);
}
