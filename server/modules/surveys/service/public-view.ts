// The respondent's view of a survey in one language: the widget's JSON definition and the public page's model.
import type { LocalizedText, PublicQuestionView, PublicSurveyView, Question, SurveyLanguage } from "../contract";
import { scaleOf } from "../contract";
import type { PublishedSurvey } from "./public-lookup";

/** `?lang=` when the survey has it, else the first of Accept-Language the survey has, else its default. */
export function chooseLanguage(
	survey: { languages: SurveyLanguage[]; defaultLanguage: SurveyLanguage },
	requested: string | undefined,
	acceptLanguage: string | undefined,
): SurveyLanguage {
	const has = (l: string): l is SurveyLanguage => (survey.languages as string[]).includes(l);
	if (requested && has(requested)) return requested;
	const preferred = (acceptLanguage ?? "")
		.split(",")
		.map((part) => {
			const [tag = "", q = "q=1"] = part.trim().split(";");
			return { language: tag.trim().slice(0, 2).toLowerCase(), weight: Number(q.trim().slice(2)) || 0 };
		})
		.filter((p) => p.weight > 0)
		.sort((a, b) => b.weight - a.weight);
	return (preferred.find((p) => has(p.language))?.language as SurveyLanguage | undefined) ?? survey.defaultLanguage;
}

export const textIn = (text: LocalizedText | undefined, language: SurveyLanguage): string | null =>
	text ? (text[language] ?? Object.values(text)[0] ?? null) : null;

export function toPublicQuestion(question: Question, language: SurveyLanguage): PublicQuestionView {
	const scale = question.type === "matrix" ? { min: 1, max: question.scale } : scaleOf(question);
	const labels = "labels" in question ? question.labels : undefined;
	const choices = (list: { id: string; text: LocalizedText }[]) =>
		list.map((o) => ({ id: o.id, label: textIn(o.text, language) ?? o.id }));
	return {
		id: question.id,
		type: question.type,
		required: question.required,
		text: textIn(question.text, language) ?? question.id,
		help: textIn(question.help, language),
		min: scale?.min ?? null,
		max: scale?.max ?? null,
		lowLabel: textIn(labels?.low, language),
		highLabel: textIn(labels?.high, language),
		options: "options" in question ? choices(question.options) : [],
		rows: question.type === "matrix" ? choices(question.rows) : [],
		maxSelected: question.type === "multiple_choice" ? (question.maxSelected ?? question.options.length) : null,
		maxLength: question.type === "open_text" ? question.maxLength : null,
		placeholder: question.type === "open_text" ? textIn(question.placeholder, language) : null,
		showIf: question.showIf ?? null,
	};
}

export function toPublicSurveyView({ survey, version }: PublishedSurvey, language: SurveyLanguage): PublicSurveyView {
	const content = version.content;
	return {
		slug: survey.slug,
		kind: survey.kind,
		audience: survey.audience,
		language,
		languages: survey.languages,
		versionId: version.id,
		title: textIn(content.title, language) ?? survey.name,
		intro: textIn(content.intro, language),
		thankYou: textIn(content.thankYou, language),
		hiddenFields: survey.hiddenFields,
		questions: content.questions.map((q) => toPublicQuestion(q, language)),
	};
}
