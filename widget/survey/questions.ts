// One question of the survey as form controls: scales (nps, csat, ces, rating) and matrix rows as native radio
// groups (arrow keys move between values), choices as radios or checkboxes, open text as a textarea.
import type { PublicQuestionView } from "../../server/modules/surveys/contract";
import { h, nextId } from "./dom";
import type { PanelTexts } from "./i18n";
import type { AnswerValue } from "./logic";

type OnChange = (value: AnswerValue) => void;

function heading(question: PublicQuestionView, texts: PanelTexts) {
	return [
		question.text,
		question.required && h("span", { class: "req", "aria-hidden": "true" }, " *"),
		question.required && h("span", { class: "sr" }, ` (${texts.requiredMark})`),
	];
}

function scale(
	question: PublicQuestionView,
	name: string,
	value: number | undefined,
	onPick: (n: number) => void,
	hasEnds = true,
) {
	const min = question.min ?? 1;
	const max = question.max ?? 5;
	const buttons = [];
	for (let n = min; n <= max; n++) {
		const end = n === min ? question.lowLabel : n === max ? question.highLabel : null;
		buttons.push(
			h(
				"label",
				{},
				h("input", {
					type: "radio",
					name,
					value: n,
					checked: value === n,
					"aria-label": end ? `${n} – ${end}` : undefined,
					onchange: () => onPick(n),
				}),
				h("span", {}, String(n)),
			),
		);
	}
	const row: Node[] = [h("div", { class: "sc" }, ...buttons)];
	if (hasEnds && (question.lowLabel || question.highLabel)) {
		row.push(
			h(
				"div",
				{ class: "ends", "aria-hidden": "true" },
				h("span", {}, question.lowLabel ?? ""),
				h("span", {}, question.highLabel ?? ""),
			),
		);
	}
	return row;
}

function choices(question: PublicQuestionView, value: AnswerValue | undefined, onChange: OnChange) {
	const isMultiple = question.type === "multiple_choice";
	const picked = new Set(Array.isArray(value) ? value : typeof value === "string" ? [value] : []);
	const name = nextId("c");
	const inputs: HTMLInputElement[] = [];
	const limit = () => {
		const isFull = isMultiple && picked.size >= (question.maxSelected ?? Number.POSITIVE_INFINITY);
		for (const input of inputs) input.disabled = isFull && !input.checked;
	};
	const list = h(
		"div",
		{ class: "ch" },
		...question.options.map((option) => {
			const input = h("input", {
				type: isMultiple ? "checkbox" : "radio",
				name,
				value: option.id,
				checked: picked.has(option.id),
				onchange: () => {
					if (!isMultiple) picked.clear();
					if (input.checked) picked.add(option.id);
					else picked.delete(option.id);
					limit();
					onChange(isMultiple ? [...picked] : option.id);
				},
			});
			inputs.push(input);
			return h("label", {}, input, h("span", {}, option.label));
		}),
	);
	limit();
	return list;
}

/** The question's form controls with its text as legend or label; `onChange` gets every new value. */
export function renderQuestion(
	question: PublicQuestionView,
	value: AnswerValue | undefined,
	onChange: OnChange,
	texts: PanelTexts,
): HTMLElement {
	const helpId = question.help ? nextId("h") : undefined;
	const help = question.help && h("p", { class: "help", id: helpId }, question.help);
	if (question.type === "open_text") {
		const id = nextId("t");
		const text = h("textarea", {
			id,
			maxlength: question.maxLength ?? 2000,
			placeholder: question.placeholder ?? undefined,
			"aria-describedby": helpId,
			"aria-required": question.required,
			oninput: () => onChange(text.value),
		});
		text.value = typeof value === "string" ? value : "";
		return h("div", {}, h("label", { class: "q", for: id }, ...heading(question, texts)), help, text);
	}
	const group = h("fieldset", { "aria-describedby": helpId }, h("legend", {}, ...heading(question, texts)), help);
	if (question.type === "single_choice" || question.type === "multiple_choice")
		group.append(choices(question, value, onChange));
	else if (question.type === "matrix") {
		const rated: Record<string, number> = { ...(value as Record<string, number> | undefined) };
		// The scale's end labels once, under the first row: the rows share the scale.
		question.rows.forEach((row, index) => {
			const pick = (n: number) => {
				rated[row.id] = n;
				onChange({ ...rated });
			};
			const controls = scale(question, nextId("m"), rated[row.id], pick, index === 0);
			group.append(h("fieldset", { class: "row" }, h("legend", {}, row.label), ...controls));
		});
	} else group.append(...scale(question, nextId("s"), value as number | undefined, onChange));
	return group;
}
