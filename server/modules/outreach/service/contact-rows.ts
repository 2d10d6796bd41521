// Turns the rows of a contact CSV into validated contact drafts, with one error per bad cell or row.
import { ATTRIBUTE_KEY, CONTACT_IMPORT_MAX_ROWS, ContactEmail, type ImportError, OutreachLanguage } from "../contract";
import { readCsvTable } from "./csv-table";

/** Empty cells are absent: they leave an existing contact's value as it is. */
export type ContactDraft = {
	line: number;
	email: string;
	name?: string;
	language?: "de" | "en";
	externalId?: string;
	attributes: Record<string, string>;
};

const ALIASES: Record<string, "email" | "name" | "language" | "external_id"> = {
	email: "email",
	e_mail: "email",
	mail: "email",
	name: "name",
	full_name: "name",
	language: "language",
	lang: "language",
	sprache: "language",
	external_id: "external_id",
	customer_id: "external_id",
	kundennummer: "external_id",
};
const ATTRIBUTE_PREFIX = "attr_";

export function readContactCsv(text: string): { drafts: ContactDraft[]; errors: ImportError[] } {
	const table = readCsvTable(text, CONTACT_IMPORT_MAX_ROWS);
	const errors = [...table.errors];
	const fieldOf = new Map<string, string>();
	for (const column of table.columns) {
		const known = ALIASES[column];
		const attribute = column.startsWith(ATTRIBUTE_PREFIX) ? column.slice(ATTRIBUTE_PREFIX.length) : undefined;
		if (known) {
			if ([...fieldOf.values()].includes(known))
				errors.push({ line: 1, field: column, message: `Another column is ${known} already` });
			fieldOf.set(column, known);
		} else if (attribute !== undefined && ATTRIBUTE_KEY.test(attribute)) fieldOf.set(column, `attr:${attribute}`);
		else if (column !== "") {
			errors.push({
				line: 1,
				field: column,
				message: "Unknown column; use email, name, language, external_id or attr_<key> (a–z, 0–9, _)",
			});
		}
	}
	if (table.columns.length > 0 && ![...fieldOf.values()].includes("email")) {
		errors.push({ line: 1, field: "email", message: "The file needs an email column" });
	}
	if (errors.some((e) => e.line === 1)) return { drafts: [], errors };

	const drafts: ContactDraft[] = [];
	const firstLineOf = new Map<string, number>();
	for (const row of table.rows) {
		const draft: ContactDraft = { line: row.line, email: "", attributes: {} };
		let isValid = true;
		const fail = (field: string, message: string) => {
			errors.push({ line: row.line, field, message });
			isValid = false;
		};
		for (const [column, value] of Object.entries(row.cells)) {
			const field = fieldOf.get(column);
			if (field !== "email" && !value) continue;
			if (field === "email") {
				const email = ContactEmail.safeParse(value);
				if (!value) fail(column, "Required");
				else if (!email.success) fail(column, "Not a valid email address");
				else draft.email = email.data;
			} else if (field === "name") {
				if (value.length > 200) fail(column, "At most 200 characters");
				else draft.name = value;
			} else if (field === "language") {
				const language = OutreachLanguage.safeParse(value.toLowerCase());
				if (!language.success) fail(column, "Use de or en");
				else draft.language = language.data;
			} else if (field === "external_id") {
				if (value.length > 200) fail(column, "At most 200 characters");
				else draft.externalId = value;
			} else if (field?.startsWith("attr:")) {
				if (value.length > 500) fail(column, "At most 500 characters");
				else draft.attributes[field.slice(5)] = value;
			}
		}
		if (draft.email) {
			const first = firstLineOf.get(draft.email);
			if (first !== undefined) fail("email", `Duplicate of line ${first}`);
			else firstLineOf.set(draft.email, row.line);
		}
		if (isValid) drafts.push(draft);
	}
	return { drafts, errors };
}
