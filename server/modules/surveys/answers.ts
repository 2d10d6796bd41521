// Answers checked against one survey version: zod value schemas per question, skip logic, required questions
// on completion, the normalised score with its group, and the comment. Pure (the widget may reuse it).
import { z } from "zod";
import {
	type Question,
	SCORE_SCALES,
	type ScoreGroup,
	type ScoreType,
	type ShowIf,
	type SurveyContent,
	type SurveyKind,
} from "./contract";

export type AnswerValue = number | string | string[] | Record<string, number>;
export type Answers = Record<string, AnswerValue>;
export type FieldIssue = { field: string; message: string; code: string };

export type AnswerCheck =
	| { ok: true; answers: Answers; droppedQuestionIds: string[] }
	| { ok: false; issues: FieldIssue[] };

function valueSchema(question: Question): z.ZodType<AnswerValue> {
	switch (question.type) {
		case "nps":
		case "csat":
		case "ces": {
			const { min, max } = SCORE_SCALES[question.type];
			return z.number().int().min(min).max(max);
		}
		case "rating":
			return z.number().int().min(1).max(question.scale);
		case "single_choice":
			return z.enum(question.options.map((o) => o.id) as [string, ...string[]]);
		case "multiple_choice":
			return z
				.array(z.enum(question.options.map((o) => o.id) as [string, ...string[]]))
				.max(question.maxSelected ?? question.options.length)
				.refine((ids) => new Set(ids).size === ids.length, "Each option once");
		case "open_text":
			return z.string().max(question.maxLength, `At most ${question.maxLength} characters`);
		case "matrix":
			return z
				.partialRecord(
					z.enum(question.rows.map((r) => r.id) as [string, ...string[]]),
					z.number().int().min(1).max(question.scale),
				)
				.transform((v) => v as Record<string, number>);
	}
}

/** Value schemas of a version, built once per content object (versions never change). */
const schemasByContent = new WeakMap<SurveyContent, Map<string, z.ZodType<AnswerValue>>>();

function schemasOf(content: SurveyContent): Map<string, z.ZodType<AnswerValue>> {
	let schemas = schemasByContent.get(content);
	if (!schemas) {
		schemas = new Map(content.questions.map((q) => [q.id, valueSchema(q)]));
		schemasByContent.set(content, schemas);
	}
	return schemas;
}

/** No answer at all: null, blank text, no option, no matrix row. Such values are not stored. */
export function isUnanswered(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === "string") return value.trim() === "";
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === "object") return Object.keys(value).length === 0;
	return false;
}

function matches(showIf: ShowIf, answer: AnswerValue): boolean {
	const wanted = Array.isArray(showIf.value) ? showIf.value : [showIf.value];
	const given = Array.isArray(answer) ? answer : [answer];
	switch (showIf.operator) {
		case "lte":
			return typeof answer === "number" && typeof showIf.value === "number" && answer <= showIf.value;
		case "gte":
			return typeof answer === "number" && typeof showIf.value === "number" && answer >= showIf.value;
		case "eq":
			return given.includes(showIf.value as never);
		case "in":
			return given.some((v) => wanted.includes(v as never));
	}
}

/** Which questions are shown for these answers: a question with `showIf` needs its (shown) source answered to match. */
export function shownQuestionIds(content: SurveyContent, answers: Partial<Answers>): Set<string> {
	const shown = new Set<string>();
	for (const question of content.questions) {
		const condition = question.showIf;
		if (!condition) {
			shown.add(question.id);
			continue;
		}
		const source = answers[condition.questionId];
		if (shown.has(condition.questionId) && source !== undefined && matches(condition, source)) shown.add(question.id);
	}
	return shown;
}

function isComplete(question: Question, value: AnswerValue): boolean {
	if (question.type !== "matrix") return true;
	return question.rows.every((row) => typeof (value as Record<string, number>)[row.id] === "number");
}

/**
 * Validates `raw` against a version. Unknown question ids and wrong values are errors (`answers.<id>`);
 * unanswered values and answers to questions hidden by skip logic are dropped; on completion every shown
 * required question must be answered.
 */
export function checkAnswers(content: SurveyContent, raw: Record<string, unknown>, completed: boolean): AnswerCheck {
	const schemas = schemasOf(content);
	const issues: FieldIssue[] = [];
	const valid: Answers = {};
	for (const [id, value] of Object.entries(raw)) {
		const schema = schemas.get(id);
		if (!schema) {
			issues.push({ field: `answers.${id}`, message: "Not a question of this survey", code: "unknown_question" });
			continue;
		}
		if (isUnanswered(value)) continue;
		const parsed = schema.safeParse(value);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const sub = issue.path.length > 0 ? `.${issue.path.map(String).join(".")}` : "";
				issues.push({ field: `answers.${id}${sub}`, message: issue.message, code: issue.code });
			}
			continue;
		}
		valid[id] = parsed.data;
	}
	if (issues.length > 0) return { ok: false, issues };
	const shown = shownQuestionIds(content, valid);
	const droppedQuestionIds = Object.keys(valid).filter((id) => !shown.has(id));
	for (const id of droppedQuestionIds) delete valid[id];
	if (completed) {
		for (const question of content.questions) {
			if (!question.required || !shown.has(question.id)) continue;
			const value = valid[question.id];
			if (value === undefined || !isComplete(question, value)) {
				issues.push({ field: `answers.${question.id}`, message: "Required", code: "required" });
			}
		}
	}
	return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: valid, droppedQuestionIds };
}

export type Score = { scoreType: ScoreType; score: number; scoreGroup: ScoreGroup };

export function scoreGroupOf(scoreType: ScoreType, score: number): ScoreGroup {
	switch (scoreType) {
		case "nps":
			return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
		case "csat":
			return score >= 4 ? "satisfied" : score === 3 ? "neutral" : "dissatisfied";
		case "ces":
			return score >= 5 ? "easy" : score === 4 ? "neutral" : "difficult";
	}
}

/** The question that carries the survey's score: the first of the survey's kind (custom: the first nps/csat/ces). */
export function scoreQuestionOf(content: SurveyContent, kind: SurveyKind): Question | undefined {
	return content.questions.find((q) =>
		kind === "custom" ? q.type === "nps" || q.type === "csat" || q.type === "ces" : q.type === kind,
	);
}

export function scoreOf(content: SurveyContent, kind: SurveyKind, answers: Answers): Score | undefined {
	const question = scoreQuestionOf(content, kind);
	if (!question || (question.type !== "nps" && question.type !== "csat" && question.type !== "ces")) return undefined;
	const value = answers[question.id];
	if (typeof value !== "number") return undefined;
	return { scoreType: question.type, score: value, scoreGroup: scoreGroupOf(question.type, value) };
}

/** The open-text answers in question order, joined by a blank line (what the text pipeline analyses). */
export function commentOf(content: SurveyContent, answers: Answers): string | null {
	const texts = content.questions
		.filter((q) => q.type === "open_text")
		.map((q) => answers[q.id])
		.filter((v): v is string => typeof v === "string" && v.trim() !== "")
		.map((v) => v.trim());
	return texts.length > 0 ? texts.join("\n\n") : null;
}
