// Reads an uploaded CSV into header + rows with their line numbers, reporting problems per line instead of
// throwing: the delimiter (`,` `;` or tab, as German spreadsheets export `;`) is taken from the header line.
import { parse } from "csv-parse/sync";
import type { ImportError } from "../contract";

export type CsvRow = { line: number; cells: Record<string, string> };
export type CsvTable = { columns: string[]; rows: CsvRow[]; errors: ImportError[] };

/** The separator that occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): string {
	const counts = new Map<string, number>([
		[",", 0],
		[";", 0],
		["\t", 0],
	]);
	let inQuotes = false;
	for (const char of text) {
		if (char === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (char === "\n" || char === "\r")) break;
		else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
	}
	let best = ",";
	for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
	return best;
}

/** Header cells as keys: trimmed, lower-case, spaces and dashes as underscores. */
export const normalizeColumn = (name: string) =>
	name
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, "_");

type ParsedRecord = { record: string[]; info: { lines: number; empty_lines: number } };

export function readCsvTable(text: string, maxRows: number): CsvTable {
	const errors: ImportError[] = [];
	if (text.includes("\u0000")) {
		// PostgreSQL text cannot hold NUL; such a file is binary or in UTF-16, not a CSV we can read.
		errors.push({ line: 1, field: null, message: "The file contains NUL characters: save it as UTF-8 CSV" });
		return { columns: [], rows: [], errors };
	}
	let records: ParsedRecord[];
	try {
		records = parse(text, {
			bom: true,
			delimiter: detectDelimiter(text.replace(/^\uFEFF/, "")),
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			skip_records_with_empty_values: true,
			to: maxRows + 2,
		}) as unknown as ParsedRecord[];
	} catch (error) {
		const lines = (error as { lines?: unknown }).lines;
		const reason = String((error as Error).message ?? "unreadable").replace(/^[A-Za-z ]+: /, "");
		errors.push({ line: typeof lines === "number" ? lines : 1, field: null, message: `Not valid CSV: ${reason}` });
		return { columns: [], rows: [], errors };
	}
	const [header, ...body] = records;
	if (!header) {
		errors.push({ line: 1, field: null, message: "The file has no header row" });
		return { columns: [], rows: [], errors };
	}
	const columns = header.record.map(normalizeColumn);
	const seen = new Set<string>();
	for (const column of columns) {
		if (column === "") errors.push({ line: 1, field: null, message: "A column has no name" });
		else if (seen.has(column)) errors.push({ line: 1, field: column, message: "Column appears twice" });
		seen.add(column);
	}
	if (body.length > maxRows) {
		errors.push({ line: 1, field: null, message: `At most ${maxRows} rows per file; split it` });
		return { columns, rows: [], errors };
	}
	const rows: CsvRow[] = [];
	let previousEnd = header.info.lines;
	let previousEmpty = header.info.empty_lines;
	for (const { record, info } of body) {
		const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
		previousEnd = info.lines;
		previousEmpty = info.empty_lines;
		if (record.length !== columns.length) {
			errors.push({ line, field: null, message: `Has ${record.length} fields, the header has ${columns.length}` });
			continue;
		}
		const cells: Record<string, string> = {};
		columns.forEach((column, i) => {
			cells[column] = (record[i] ?? "").trim();
		});
		rows.push({ line, cells });
	}
	if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, field: null, message: "The file has no rows" });
	return { columns, rows, errors };
}
