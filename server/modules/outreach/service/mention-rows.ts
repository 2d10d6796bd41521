// Turns a mention file (CSV rows or JSON items) into validated mention drafts, with one error per bad field.
import { type ImportError, MENTION_IMPORT_MAX_ROWS, MentionDraft } from "../contract";
import { readCsvTable } from "./csv-table";

export type LocatedDraft = { line: number; draft: MentionDraft };

const COLUMNS: Record<string, keyof MentionDraft> = {
	source: "source",
	source_id: "sourceId",
	id: "sourceId",
	author: "author",
	rating: "rating",
	stars: "rating",
	text: "text",
	published_at: "publishedAt",
	date: "publishedAt",
	url: "url",
	language: "language",
};
const COLUMN_OF: Record<string, string> = {
	sourceId: "source_id",
	publishedAt: "published_at",
};

/** "4,5" (German decimal comma) and "4.5" are both 4.5; anything else stays text for the schema to refuse. */
const toNumber = (value: string): number | string => {
	const normalized = value.replace(",", ".");
	return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : value;
};

/** 31.12.2025 (German) becomes 2025-12-31; ISO dates and date-times pass through. */
const toDate = (value: string) => {
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
	return german ? `${german[3]}-${german[2]?.padStart(2, "0")}-${german[1]?.padStart(2, "0")}` : value;
};

function validate(
	line: number,
	candidate: Record<string, unknown>,
	fieldName: (key: string) => string,
): LocatedDraft | ImportError[] {
	const parsed = MentionDraft.safeParse(candidate);
	if (parsed.success) return { line, draft: parsed.data };
	return parsed.error.issues.map((issue) => {
		const keys = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.map(String).join(".")];
		const key = keys.filter(Boolean).join(", ");
		return { line, field: key ? fieldName(key) : null, message: issue.message };
	});
}

function withoutDuplicates(located: LocatedDraft[], errors: ImportError[], field: string): LocatedDraft[] {
	const firstLineOf = new Map<string, number>();
	return located.filter(({ line, draft }) => {
		const key = JSON.stringify([draft.source, draft.sourceId]);
		const first = firstLineOf.get(key);
		if (first === undefined) {
			firstLineOf.set(key, line);
			return true;
		}
		errors.push({ line, field, message: `Duplicate of line ${first} (same source and source id)` });
		return false;
	});
}

export function readMentionCsv(
	text: string,
	defaultSource?: string,
): { drafts: LocatedDraft[]; errors: ImportError[] } {
	const table = readCsvTable(text, MENTION_IMPORT_MAX_ROWS);
	const errors = [...table.errors];
	for (const column of table.columns) {
		if (column !== "" && !COLUMNS[column]) {
			errors.push({
				line: 1,
				field: column,
				message: "Unknown column; use source, source_id, author, rating, text, published_at, url, language",
			});
		}
	}
	const mapped = new Set(table.columns.map((c) => COLUMNS[c]));
	for (const required of ["sourceId", "text", "publishedAt"] as const) {
		if (table.columns.length > 0 && !mapped.has(required))
			errors.push({ line: 1, field: COLUMN_OF[required] ?? required, message: "The file needs this column" });
	}
	if (table.columns.length > 0 && !mapped.has("source") && !defaultSource)
		errors.push({ line: 1, field: "source", message: "Add a source column or give defaultSource" });
	if (errors.some((e) => e.line === 1)) return { drafts: [], errors };

	const located: LocatedDraft[] = [];
	for (const row of table.rows) {
		const candidate: Record<string, unknown> = defaultSource ? { source: defaultSource } : {};
		for (const [column, value] of Object.entries(row.cells)) {
			const key = COLUMNS[column];
			if (!key || value === "") continue;
			candidate[key] = key === "rating" ? toNumber(value) : key === "publishedAt" ? toDate(value) : value;
		}
		const result = validate(row.line, candidate, (key) => COLUMN_OF[key] ?? key);
		if (Array.isArray(result)) errors.push(...result);
		else located.push(result);
	}
	return { drafts: withoutDuplicates(located, errors, "source_id"), errors };
}

/** JSON items (MentionDraft shape); `line` is the item's 1-based position. */
export function readMentionItems(
	items: Record<string, unknown>[],
	defaultSource?: string,
): { drafts: LocatedDraft[]; errors: ImportError[] } {
	const errors: ImportError[] = [];
	const located: LocatedDraft[] = [];
	items.forEach((item, index) => {
		if (JSON.stringify(item).includes("\\u0000")) {
			errors.push({ line: index + 1, field: null, message: "Contains NUL characters" });
			return;
		}
		const candidate = defaultSource && item.source === undefined ? { source: defaultSource, ...item } : item;
		const result = validate(index + 1, candidate, (key) => key);
		if (Array.isArray(result)) errors.push(...result);
		else located.push(result);
	});
	return { drafts: withoutDuplicates(located, errors, "sourceId"), errors };
}
