// Turns validation issues of a survey draft (client or server) into translated messages by path and a readable list.
import type { TFunction } from "i18next";
import type { FieldError } from "../../api/client";
import type { DraftIssue } from "./survey-draft";

export type DraftErrors = Record<string, string>;

function messageOf(issue: DraftIssue, t: TFunction): string {
	const language = /^Translate into (\w+)/.exec(issue.message)?.[1];
	if (language) return t("feedback.builder.issue.translate", { language: language.toUpperCase() });
	if (issue.code === "too_small" || issue.code === "invalid_type") return t("validation.required");
	if (issue.code === "too_big") return t("feedback.builder.issue.tooLong");
	return issue.message;
}

export function errorsOf(issues: DraftIssue[], t: TFunction): DraftErrors {
	const errors: DraftErrors = {};
	for (const issue of issues) errors[issue.path || "form"] ??= messageOf(issue, t);
	return errors;
}

/** Server field errors name paths of the request (`content.questions.0.text.de`); the editor uses content paths. */
export const serverIssues = (fields: FieldError[]): DraftIssue[] =>
	fields.map((field) => ({ path: field.field.replace(/^content\./, ""), message: field.message, code: field.code }));

/** "Question 2 · text (EN)" for an issue path, so the list at the top says where to look. */
export function placeOf(path: string, t: TFunction): string {
	const parts = path.split(".");
	const language = parts.at(-1) === "de" || parts.at(-1) === "en" ? ` (${parts.at(-1)?.toUpperCase()})` : "";
	if (parts[0] === "questions" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
		const field = parts[2] ? t(`feedback.builder.field.${parts[2]}`, { defaultValue: parts[2] }) : "";
		return `${t("feedback.builder.questionN", { n: Number(parts[1]) + 1 })}${field ? ` · ${field}` : ""}${language}`;
	}
	if (parts[0] === "questions") return t("feedback.builder.questions");
	return `${t(`feedback.builder.field.${parts[0]}`, { defaultValue: parts[0] ?? "" })}${language}`;
}
