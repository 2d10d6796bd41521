// Pure survey logic of the panel: the visitor's language, skip logic (the same rule as the server's
// `shownQuestionIds` in server/modules/surveys/answers.ts), required answers and what gets sent.
import type { PublicQuestionView, SurveyLanguage } from "../../server/modules/surveys/contract";
import { PANEL_TEXTS } from "./i18n";

export type AnswerValue = number | string | string[] | Record<string, number>;
export type Answers = Record<string, AnswerValue>;

/** The page's language (`<html lang>`, else the browser's) when Loupe has surveys in it, else undefined. */
export function pageLanguage(htmlLang: string, browserLang: string): SurveyLanguage | undefined {
	const code = (htmlLang || browserLang).slice(0, 2).toLowerCase();
	return code in PANEL_TEXTS ? (code as SurveyLanguage) : undefined;
}

/** No answer: missing, blank text, no option chosen, no matrix row rated. */
export function isBlank(value: AnswerValue | undefined): boolean {
	if (value === undefined) return true;
	if (typeof value === "string") return value.trim() === "";
	if (Array.isArray(value)) return value.length === 0;
	return typeof value === "object" && Object.keys(value).length === 0;
}

/** Whether a required question counts as answered (a matrix needs every row). */
export function isAnswered(question: PublicQuestionView, value: AnswerValue | undefined): boolean {
	if (isBlank(value)) return false;
	if (question.type !== "matrix") return true;
	return question.rows.every((row) => typeof (value as Record<string, number>)[row.id] === "number");
}

function matches(showIf: NonNullable<PublicQuestionView["showIf"]>, answer: AnswerValue): boolean {
	const wanted = Array.isArray(showIf.value) ? showIf.value : [showIf.value];
	const given = Array.isArray(answer) ? answer : [answer];
	if (showIf.operator === "lte" || showIf.operator === "gte") {
		if (typeof answer !== "number" || typeof showIf.value !== "number") return false;
		return showIf.operator === "lte" ? answer <= showIf.value : answer >= showIf.value;
	}
	if (showIf.operator === "eq") return given.includes(showIf.value as never);
	return given.some((v) => wanted.includes(v as never));
}

/** The questions shown for these answers, in order: a question with `showIf` needs its shown source to match. */
export function shownQuestions(questions: PublicQuestionView[], answers: Answers): PublicQuestionView[] {
	const shown = new Set<string>();
	return questions.filter((question) => {
		const condition = question.showIf;
		const source = condition ? answers[condition.questionId] : undefined;
		const isShown =
			!condition || (shown.has(condition.questionId) && !isBlank(source) && matches(condition, source as AnswerValue));
		if (isShown) shown.add(question.id);
		return isShown;
	});
}

/**
 * The progress total: shown questions plus those whose skip-logic source is still ahead of the visitor (at or
 * after `currentId`, so it may yet be answered to match); the count only shrinks while answering.
 */
export function possibleQuestionCount(questions: PublicQuestionView[], answers: Answers, currentId: string): number {
	const possible = new Set<string>();
	const ahead = new Set(questions.slice(questions.findIndex((q) => q.id === currentId)).map((q) => q.id));
	for (const question of questions) {
		const condition = question.showIf;
		const source = condition ? answers[condition.questionId] : undefined;
		const isOpen = condition && isBlank(source) && ahead.has(condition.questionId);
		const isMet = condition && !isBlank(source) && matches(condition, source as AnswerValue);
		if (!condition || (possible.has(condition.questionId) && (isOpen || isMet))) possible.add(question.id);
	}
	return possible.size;
}

/** The question after `currentId` among those shown now (undefined at the end). */
export function nextQuestion(questions: PublicQuestionView[], answers: Answers, currentId: string) {
	const shown = shownQuestions(questions, answers);
	return shown[shown.findIndex((q) => q.id === currentId) + 1];
}

/** The answers to send: only shown questions, no blanks (answers behind a changed skip rule are dropped). */
export function answersToSend(questions: PublicQuestionView[], answers: Answers): Answers {
	const sent: Answers = {};
	for (const question of shownQuestions(questions, answers)) {
		const value = answers[question.id];
		if (value !== undefined && !isBlank(value)) sent[question.id] = typeof value === "string" ? value.trim() : value;
	}
	return sent;
}
