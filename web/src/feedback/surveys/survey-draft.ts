// Pure edits of a survey being built: new questions per type, type changes, options, order, and validation issues.
import {
	QUESTION_TYPES,
	type Question,
	type QuestionType,
	SurveyContent,
	type SurveyDetailView,
	type SurveyKind,
	type SurveyLanguage,
	surveyContentIssues,
} from "../../../../server/modules/surveys/contract";

export type LocalizedText = Partial<Record<SurveyLanguage, string>>;
export type Content = SurveyContent;

export type SurveyDraft = {
	name: string;
	touchpointId: string;
	languages: SurveyLanguage[];
	defaultLanguage: SurveyLanguage;
	slug: string;
	hiddenFields: string[];
	content: Content;
};

export { QUESTION_TYPES };

export const draftOf = (survey: SurveyDetailView): SurveyDraft => ({
	name: survey.name,
	touchpointId: survey.touchpointId,
	languages: survey.languages,
	defaultLanguage: survey.defaultLanguage,
	slug: survey.slug,
	hiddenFields: survey.hiddenFields,
	content: survey.version.content,
});

export const SCORED_TYPES: QuestionType[] = ["nps", "csat", "ces", "rating"];
export const isScored = (type: QuestionType) => SCORED_TYPES.includes(type);
export const isChoice = (type: QuestionType) => type === "single_choice" || type === "multiple_choice";

/** A question id not used yet: q1, q2, … */
export function nextQuestionId(questions: Question[]): string {
	const used = new Set(questions.map((question) => question.id));
	let n = questions.length + 1;
	while (used.has(`q${n}`)) n++;
	return `q${n}`;
}

const sameText = (languages: SurveyLanguage[], text: Record<SurveyLanguage, string>): LocalizedText =>
	Object.fromEntries(languages.map((language) => [language, text[language]]));

const defaultOptions = (languages: SurveyLanguage[]) => [
	{ id: "a", text: sameText(languages, { de: "Option A", en: "Option A" }) },
	{ id: "b", text: sameText(languages, { de: "Option B", en: "Option B" }) },
];

/** The question turned into another type: id, texts, required and skip logic stay; type settings get defaults. */
export function withType(question: Question, type: QuestionType, languages: SurveyLanguage[]): Question {
	const base = {
		id: question.id,
		required: question.required,
		text: question.text,
		...(question.help ? { help: question.help } : {}),
		...(question.showIf ? { showIf: question.showIf } : {}),
	};
	const options = "options" in question ? question.options : defaultOptions(languages);
	switch (type) {
		case "nps":
		case "csat":
		case "ces":
			return { ...base, type };
		case "rating":
			return { ...base, type, scale: 5 };
		case "single_choice":
			return { ...base, type, options };
		case "multiple_choice":
			return { ...base, type, options };
		case "open_text":
			return { ...base, type, maxLength: 2000 };
		case "matrix":
			return {
				...base,
				type,
				scale: 5,
				rows: [
					{ id: "r1", text: sameText(languages, { de: "Zeile 1", en: "Row 1" }) },
					{ id: "r2", text: sameText(languages, { de: "Zeile 2", en: "Row 2" }) },
				],
			};
	}
}

export const newQuestion = (type: QuestionType, questions: Question[], languages: SurveyLanguage[]): Question =>
	withType(
		{ id: nextQuestionId(questions), type: "open_text", required: false, text: {}, maxLength: 2000 },
		type,
		languages,
	);

/** The first question of a new blank survey, matching its kind. */
export const firstQuestionOf = (kind: SurveyKind, languages: SurveyLanguage[]): Question => {
	const texts: Record<SurveyKind, Record<SurveyLanguage, string>> = {
		nps: {
			de: "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?",
			en: "How likely are you to recommend us to a friend or colleague?",
		},
		csat: { de: "Wie zufrieden sind Sie insgesamt?", en: "How satisfied are you overall?" },
		ces: { de: "Wie einfach war es, Ihr Anliegen zu erledigen?", en: "How easy was it to get what you needed?" },
		custom: { de: "Was möchten Sie uns mitteilen?", en: "What would you like to tell us?" },
	};
	const type: QuestionType = kind === "custom" ? "open_text" : kind;
	return {
		...withType(newQuestion(type, [], languages), type, languages),
		text: sameText(languages, texts[kind]),
		required: kind !== "custom",
	};
};

/** A fresh option id for a choice list: the next free letter-number. */
export function nextOptionId(options: { id: string }[], prefix: string): string {
	const used = new Set(options.map((option) => option.id));
	let n = options.length + 1;
	while (used.has(`${prefix}${n}`)) n++;
	return `${prefix}${n}`;
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
	const next = [...list];
	const [moved] = next.splice(from, 1);
	if (moved === undefined) return next;
	next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
	return next;
}

/** Skip logic must point to an earlier question: after a reorder, rules that point forward are dropped. */
export function withValidSkipLogic(questions: Question[]): Question[] {
	const seen = new Set<string>();
	return questions.map((question) => {
		const isValid = !question.showIf || seen.has(question.showIf.questionId);
		seen.add(question.id);
		if (isValid) return question;
		const { showIf: _dropped, ...rest } = question;
		return rest as Question;
	});
}

/** The scale of a scored question, for skip-logic values and the preview. */
export function scaleRange(question: Question): { min: number; max: number } | null {
	if (question.type === "nps") return { min: 0, max: 10 };
	if (question.type === "csat") return { min: 1, max: 5 };
	if (question.type === "ces") return { min: 1, max: 7 };
	if (question.type === "rating" || question.type === "matrix") return { min: 1, max: question.scale };
	return null;
}

export type DraftIssue = { path: string; message: string; code: string };

/** Every problem of the draft: the contract's schema first, then the cross-field rules it shares with the server. */
export function draftIssues(draft: SurveyDraft, kind: SurveyKind): DraftIssue[] {
	const parsed = SurveyContent.safeParse(draft.content);
	if (!parsed.success) {
		return parsed.error.issues.map((issue) => ({
			path: issue.path.map(String).join("."),
			message: issue.message,
			code: issue.code,
		}));
	}
	return surveyContentIssues(parsed.data, draft.languages, kind).map((issue) => ({
		path: issue.field,
		message: issue.message,
		code: "custom",
	}));
}
