// A two-step file import: check the file (dry run → report per line), then import it when it is clean.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IMPORT_MAX_CHARS, type ImportReport } from "../../../../server/modules/outreach/contract";
import { api } from "../../api/client";
import { notifyError } from "../../forms/notify-error";

export type ImportFile = { name: string; text: string };

/** Reads a picked file as text; refuses files the server would refuse anyway. */
export async function readImportFile(file: File): Promise<ImportFile | { tooLarge: true }> {
	const text = await file.text();
	if (text.length > IMPORT_MAX_CHARS) return { tooLarge: true };
	return { name: file.name, text };
}

export function useImport(path: string, body: (file: ImportFile, dryRun: boolean) => unknown, onImported: () => void) {
	const { t } = useTranslation();
	const [report, setReport] = useState<ImportReport | null>(null);
	const run = useMutation({
		mutationFn: ({ file, dryRun }: { file: ImportFile; dryRun: boolean }) =>
			api<ImportReport>("POST", path, body(file, dryRun)),
		onSuccess: (result) => {
			setReport(result);
			if (!result.dryRun) onImported();
		},
		onError: (error) => notifyError(error, t),
	});
	return {
		report,
		isPending: run.isPending,
		check: (file: ImportFile) => run.mutate({ file, dryRun: true }),
		commit: (file: ImportFile) => run.mutate({ file, dryRun: false }),
		reset: () => setReport(null),
	};
}
