// The validation report shared by the contact and mention imports, and the all-or-nothing rule they follow.
import { invalid } from "../../../platform/errors";
import { IMPORT_MAX_LISTED_ERRORS, type ImportError, type ImportReport } from "../contract";

export type ImportCounts = { imported: number; updated: number; skipped: number };

export function toImportReport(dryRun: boolean, counts: ImportCounts, errors: ImportError[]): ImportReport {
	const sorted = [...errors].sort((a, b) => a.line - b.line);
	return { dryRun, ...counts, errorCount: errors.length, errors: sorted.slice(0, IMPORT_MAX_LISTED_ERRORS) };
}

/**
 * All or nothing: a file with any error is refused as a whole (400, the report in `details`), so a corrected
 * upload never meets half of an earlier one. A dry run reports the same errors with 200 and writes nothing.
 */
export function refuseIfErrors(dryRun: boolean, errors: ImportError[]): void {
	if (errors.length === 0 || dryRun) return;
	const rows = new Set(errors.map((e) => e.line)).size;
	throw invalid(
		`${rows} ${rows === 1 ? "line has" : "lines have"} errors; nothing was imported`,
		toImportReport(false, { imported: 0, updated: 0, skipped: 0 }, errors),
	);
}
