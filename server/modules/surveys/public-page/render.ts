// HTML of the public survey page: one plain form that works without JavaScript (fieldsets and legends,
// labelled controls, large targets), plus a few lines of script that apply the skip logic while answering.
import type { PublicQuestionView, PublicSurveyView, SurveyLanguage } from "../contract";
import { PAGE_CSS } from "./styles";

const UI = {
	de: {
		submit: "Absenden",
		required: "Pflichtfrage",
		summary: "Bitte prüfen Sie die markierten Fragen.",
		honeypot: "Dieses Feld bitte leer lassen",
		thanks: "Vielen Dank für Ihr Feedback!",
		closedTitle: "Umfrage beendet",
		closed: "Diese Umfrage nimmt keine Antworten mehr an. Vielen Dank für Ihr Interesse.",
		notFoundTitle: "Umfrage nicht gefunden",
		notFound: "Diese Umfrage gibt es nicht (mehr). Bitte prüfen Sie den Link.",
		busyTitle: "Einen Moment bitte",
		busy: "Gerade kommen sehr viele Anfragen an. Bitte versuchen Sie es in einer Minute noch einmal.",
		errorTitle: "Etwas ist schiefgelaufen",
		error: "Ihre Antwort konnte nicht gespeichert werden. Bitte versuchen Sie es noch einmal.",
		otherLanguage: "Sprache",
		answered: "Sie haben diese Umfrage bereits beantwortet.",
	},
	en: {
		submit: "Submit",
		required: "required",
		summary: "Please check the marked questions.",
		honeypot: "Leave this field empty",
		thanks: "Thank you for your feedback!",
		closedTitle: "Survey closed",
		closed: "This survey no longer accepts answers. Thank you for your interest.",
		notFoundTitle: "Survey not found",
		notFound: "This survey does not exist (any more). Please check the link.",
		busyTitle: "One moment please",
		busy: "We are receiving a lot of requests right now. Please try again in a minute.",
		errorTitle: "Something went wrong",
		error: "Your answer could not be saved. Please try again.",
		otherLanguage: "Language",
		answered: "You have already answered this survey.",
	},
} as const;

export const uiText = (language: SurveyLanguage) => UI[language];

const LANGUAGE_NAMES: Record<SurveyLanguage, string> = { de: "Deutsch", en: "English" };

export function escapeHtml(value: string): string {
	return value.replace(
		/[&<>"']/g,
		(c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
	);
}

function layout(language: SurveyLanguage, title: string, body: string, script = ""): string {
	return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
${body}
</main>${script ? `\n<script>${script}</script>` : ""}
</body>
</html>`;
}

export type SurveyPageModel = {
	survey: PublicSurveyView;
	action: string;
	responseId: string;
	startedAt: string;
	source: "link" | "qr" | "email";
	hiddenFields: Record<string, string>;
	invitationToken: string | undefined;
	/** Values to show as chosen: form values after an error, or the prefilled first question. */
	values: Record<string, unknown>;
	/** Messages per question id after a refused submission. */
	errors: Record<string, string>;
	languageLinks: { language: SurveyLanguage; href: string }[];
};

const isChosen = (values: unknown, value: string) =>
	Array.isArray(values) ? values.map(String).includes(value) : values !== undefined && String(values) === value;

function scale(name: string, min: number, max: number, chosen: unknown, isRequired: boolean, describedBy: string) {
	const points: string[] = [];
	for (let v = min; v <= max; v++) {
		const value = String(v);
		points.push(
			`<label><input type="radio" name="${name}" value="${value}"${isChosen(chosen, value) ? " checked" : ""}${
				isRequired && v === min ? " required" : ""
			} aria-describedby="${describedBy}"><span>${value}</span></label>`,
		);
	}
	return `<div class="scale">${points.join("")}</div>`;
}

function ends(question: PublicQuestionView, id: string) {
	if (!question.lowLabel && !question.highLabel) return `<div class="ends" id="${id}"></div>`;
	return `<div class="ends" id="${id}"><span>${escapeHtml(question.lowLabel ?? "")}</span><span>${escapeHtml(
		question.highLabel ?? "",
	)}</span></div>`;
}

function controls(question: PublicQuestionView, model: SurveyPageModel): string {
	const name = `a.${question.id}`;
	const value = model.values[question.id];
	// A question behind skip logic is never `required` in HTML: without script it shows but may not apply.
	const isRequired = question.required && !question.showIf;
	switch (question.type) {
		case "nps":
		case "csat":
		case "ces":
		case "rating":
			return `${scale(name, question.min ?? 1, question.max ?? 5, value, isRequired, `ends-${question.id}`)}${ends(
				question,
				`ends-${question.id}`,
			)}`;
		case "single_choice":
		case "multiple_choice": {
			const isMulti = question.type === "multiple_choice";
			const items = question.options.map(
				(o, i) =>
					`<label><input type="${isMulti ? "checkbox" : "radio"}" name="${name}" value="${escapeHtml(o.id)}"${
						isChosen(value, o.id) ? " checked" : ""
					}${isRequired && !isMulti && i === 0 ? " required" : ""}><span>${escapeHtml(o.label)}</span></label>`,
			);
			return `<div class="choice${isMulti ? " multi" : ""}">${items.join("")}</div>`;
		}
		case "open_text":
			return `<textarea name="${name}" id="t-${question.id}" maxlength="${question.maxLength ?? 2000}"${
				question.placeholder ? ` placeholder="${escapeHtml(question.placeholder)}"` : ""
			}${isRequired ? " required" : ""} aria-labelledby="l-${question.id}">${escapeHtml(
				typeof value === "string" ? value : "",
			)}</textarea>`;
		case "matrix": {
			const rows = question.rows.map((row) => {
				const chosen = (value as Record<string, unknown> | undefined)?.[row.id];
				return `<fieldset class="matrix-row"><legend>${escapeHtml(row.label)}</legend>${scale(
					`${name}.${row.id}`,
					question.min ?? 1,
					question.max ?? 5,
					chosen,
					isRequired,
					`ends-${question.id}`,
				)}</fieldset>`;
			});
			return `${rows.join("")}${ends(question, `ends-${question.id}`)}`;
		}
	}
}

function questionHtml(question: PublicQuestionView, model: SurveyPageModel, language: SurveyLanguage): string {
	const error = model.errors[question.id];
	const showIf = question.showIf ? ` data-show-if="${escapeHtml(JSON.stringify(question.showIf))}"` : "";
	const marker = question.required
		? `<span class="req" aria-hidden="true">*</span><span class="hp">(${uiText(language).required})</span>`
		: "";
	return `<fieldset data-q="${question.id}"${showIf}${error ? ' class="invalid"' : ""}${
		error ? ` aria-describedby="e-${question.id}"` : ""
	}>
<legend id="l-${question.id}">${escapeHtml(question.text)}${marker}</legend>
${question.help ? `<p class="help">${escapeHtml(question.help)}</p>` : ""}${controls(question, model)}
${error ? `<p class="error" id="e-${question.id}">${escapeHtml(error)}</p>` : ""}
</fieldset>`;
}

/** Applies the skip logic in the browser (same rules as the server): hides and disables what does not apply. */
const SKIP_LOGIC_SCRIPT = `(()=>{const f=document.querySelector("form");if(!f)return;
const num=v=>/^\\d+$/.test(v)?Number(v):v;
const val=id=>{const els=[...f.querySelectorAll('[name="a.'+id+'"]')];if(!els.length)return;const c=els.filter(e=>e.checked).map(e=>num(e.value));if(els[0].type==="checkbox")return c.length?c:undefined;return c[0];};
const match=(s,a)=>{const g=Array.isArray(a)?a:[a];const w=Array.isArray(s.value)?s.value:[s.value];switch(s.operator){case"lte":return typeof a==="number"&&a<=s.value;case"gte":return typeof a==="number"&&a>=s.value;case"eq":return g.includes(s.value);case"in":return g.some(x=>w.includes(x));}return false;};
const update=()=>{const shown=new Set();f.querySelectorAll("fieldset[data-q]").forEach(fs=>{const c=fs.dataset.showIf?JSON.parse(fs.dataset.showIf):null;const a=c?val(c.questionId):undefined;const on=!c||(shown.has(c.questionId)&&a!==undefined&&match(c,a));if(on)shown.add(fs.dataset.q);fs.hidden=!on;fs.querySelectorAll("input,textarea").forEach(i=>{i.disabled=!on;});});};
f.addEventListener("change",update);update();})();`;

export function renderSurveyPage(model: SurveyPageModel): string {
	const { survey } = model;
	const language = survey.language;
	const ui = uiText(language);
	const hasErrors = Object.keys(model.errors).length > 0;
	const meta = [
		["responseId", model.responseId],
		["startedAt", model.startedAt],
		["lang", language],
		["src", model.source],
		...(model.invitationToken ? [["t", model.invitationToken]] : []),
		...Object.entries(model.hiddenFields).map(([k, v]) => [`h.${k}`, v]),
	]
		.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name ?? "")}" value="${escapeHtml(value ?? "")}">`)
		.join("\n");
	const links = model.languageLinks
		.filter((l) => l.language !== language)
		.map(
			(l) =>
				`<a href="${escapeHtml(l.href)}" hreflang="${l.language}" lang="${l.language}">${LANGUAGE_NAMES[l.language]}</a>`,
		)
		.join(" · ");
	const body = `${links ? `<p class="lang"><span class="hp">${ui.otherLanguage}: </span>${links}</p>` : ""}
<h1>${escapeHtml(survey.title)}</h1>
${survey.intro ? `<p class="intro">${escapeHtml(survey.intro)}</p>` : ""}
${hasErrors ? `<div class="summary" role="alert">${ui.summary}</div>` : ""}
<form method="post" action="${escapeHtml(model.action)}" accept-charset="utf-8">
${meta}
<div class="hp" aria-hidden="true"><label>${ui.honeypot}<input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
${survey.questions.map((q) => questionHtml(q, model, language)).join("\n")}
<button type="submit">${ui.submit}</button>
</form>`;
	return layout(language, survey.title, body, SKIP_LOGIC_SCRIPT);
}

export function renderMessagePage(language: SurveyLanguage, title: string, message: string): string {
	return layout(
		language,
		title,
		`<div class="done" role="status"><h1>${escapeHtml(title)}</h1>${message ? `<p>${escapeHtml(message)}</p>` : ""}</div>`,
	);
}
