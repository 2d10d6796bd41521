// Entry of /loupe-survey.js, loaded by the triggers in /loupe.js when a survey is due: registers
// `window.__loupeSurvey.open(host, survey)`, which loads the survey in the visitor's language and shows it in a
// panel inside a shadow root, one question at a time. Each answer is sent as a partial response under one
// responseId, the last one with `completed: true`. Closing counts as dismissed (the triggers already recorded
// the survey as shown); a completed survey is never shown to this browser again.
import type { PublicSurveyView } from "../../server/modules/surveys/contract";
import type { WidgetHost } from "../triggers";
import { fetchSurvey, responseSender } from "./api";
import { h, nextId } from "./dom";
import { updateFatigue } from "./fatigue-store";
import { PANEL_TEXTS } from "./i18n";
import {
	type Answers,
	answersToSend,
	isAnswered,
	nextQuestion,
	pageLanguage,
	possibleQuestionCount,
	shownQuestions,
} from "./logic";
import type { WindowWithSurvey } from "./open-options";
import { renderQuestion } from "./questions";
import type { WidgetSurvey } from "./rules";
import { PANEL_CSS } from "./styles";

function showPanel(host: WidgetHost, config: WidgetSurvey, survey: PublicSurveyView) {
	const texts = PANEL_TEXTS[survey.language] ?? PANEL_TEXTS.en;
	const send = responseSender(host, survey);
	const questions = survey.questions;
	const answers: Answers = {};
	const history: string[] = [];
	let current = shownQuestions(questions, answers)[0];
	if (!current) return;
	const returnFocus = document.activeElement as HTMLElement | null;
	const theme = document.querySelector("script[data-site]")?.getAttribute("data-theme");

	const titleId = nextId("title");
	const fill = h("i");
	const position = h("div", { class: "pos" });
	const body = h("div");
	const error = h("p", { class: "err", "aria-live": "assertive" });
	const back = h("button", { type: "button", class: "b", onclick: goBack }, texts.back);
	const primary = h("button", { type: "submit", class: "b pr" });
	const footer = h("div", { class: "ft" }, back, primary);
	const close = h("button", { type: "button", class: "x", "aria-label": texts.close, onclick: dismiss }, "×");
	const panel = h(
		"div",
		{
			class: `p ${theme === "dark" || theme === "light" ? theme : "auto"}`,
			role: "dialog",
			"aria-modal": "true",
			"aria-labelledby": titleId,
			"data-position": config.position,
			tabindex: -1,
			onkeydown: trapKeys,
		},
		h("div", { class: "hd" }, h("h2", { id: titleId }, survey.title), close),
		h("div", { class: "bar", "aria-hidden": "true" }, fill),
		position,
		h("form", { novalidate: true, onsubmit: advance }, body, error, footer),
	);
	const root = h("div", { id: "loupe-survey" });
	const shadow = root.attachShadow({ mode: "open" });
	shadow.append(h("style", {}, PANEL_CSS), panel);

	function refresh() {
		if (!current) return;
		const at = shownQuestions(questions, answers).findIndex((q) => q.id === current?.id) + 1;
		const total = possibleQuestionCount(questions, answers, current.id);
		fill.style.width = `${(100 * (at - 1)) / total}%`;
		position.textContent = texts.progress(at, total);
		primary.textContent = nextQuestion(questions, answers, current.id) ? texts.next : texts.submit;
		back.hidden = history.length === 0;
	}

	function render() {
		if (!current) return;
		const question = current;
		error.textContent = "";
		body.replaceChildren(
			...(history.length === 0 && survey.intro ? [h("p", { class: "intro" }, survey.intro)] : []),
			renderQuestion(
				question,
				answers[question.id],
				(value) => {
					answers[question.id] = value;
					error.textContent = "";
					refresh();
				},
				texts,
			),
		);
		refresh();
	}

	function focusQuestion() {
		const inputs = [...body.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input,textarea")];
		(inputs.find((i) => (i as HTMLInputElement).checked) ?? inputs[0])?.focus();
	}

	function advance(event: Event) {
		event.preventDefault();
		if (!current || primary.disabled) return;
		if (current.required && !isAnswered(current, answers[current.id])) {
			error.textContent = texts.required;
			focusQuestion();
			return;
		}
		const following = nextQuestion(questions, answers, current.id);
		const sent = answersToSend(questions, answers);
		if (following) {
			if (Object.keys(sent).length > 0) send(sent, false).catch(() => {});
			history.push(current.id);
			current = following;
			render();
			focusQuestion();
			return;
		}
		primary.disabled = true;
		primary.textContent = texts.sending;
		send(sent, true).then(thank, () => {
			primary.disabled = false;
			primary.textContent = texts.submit;
			error.textContent = texts.sendFailed;
		});
	}

	function thank() {
		updateFatigue((record) => record.answered.push(survey.slug));
		fill.style.width = "100%";
		position.textContent = "";
		body.replaceChildren(h("div", { class: "ty", role: "status" }, survey.thankYou ?? texts.thanks));
		const done = h("button", { type: "button", class: "b pr", onclick: dismiss }, texts.done);
		footer.replaceChildren(done);
		done.focus();
	}

	function goBack() {
		const previous = questions.find((q) => q.id === history.pop());
		if (!previous) return;
		current = previous;
		render();
		focusQuestion();
	}

	function dismiss() {
		root.remove();
		returnFocus?.focus?.();
	}

	/** Esc closes; Tab and Shift+Tab wrap between the close button (first) and the last button (last). */
	function trapKeys(event: Event) {
		const key = event as KeyboardEvent;
		if (key.key === "Escape") dismiss();
		if (key.key !== "Tab") return;
		const buttons = [...shadow.querySelectorAll<HTMLButtonElement>("button")].filter((b) => !b.hidden && !b.disabled);
		const first = buttons[0];
		const last = buttons[buttons.length - 1];
		const active = shadow.activeElement;
		if (key.shiftKey && (active === first || active === panel)) last?.focus();
		else if (!key.shiftKey && active === last) first?.focus();
		else return;
		event.preventDefault();
	}

	render();
	document.body.append(root);
	panel.focus();
}

function open(host: WidgetHost, config: WidgetSurvey) {
	if (document.getElementById("loupe-survey")) return;
	fetchSurvey(host, config.slug, pageLanguage(document.documentElement.lang, navigator.language))
		.then((survey) => showPanel(host, config, survey))
		// A survey that cannot be loaded is simply not shown: the visitor never sees a broken panel.
		.catch(() => {});
}

(window as WindowWithSurvey).__loupeSurvey = { open };
