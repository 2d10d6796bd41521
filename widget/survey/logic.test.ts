// The panel's pure logic: skip logic agrees with the server's rule, progress, required answers, what is sent,
// the visitor's language, and the panel's words in every survey language.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shownQuestionIds } from "../../server/modules/surveys/answers";
import { SURVEY_LANGUAGES, type SurveyContent } from "../../server/modules/surveys/contract";
import { toPublicQuestion } from "../../server/modules/surveys/service/public-view";
import { PANEL_TEXTS } from "./i18n";
import {
	type Answers,
	answersToSend,
	isAnswered,
	isBlank,
	nextQuestion,
	pageLanguage,
	possibleQuestionCount,
	shownQuestions,
} from "./logic";

const t = (en: string) => ({ en, de: en });
const options = (...ids: string[]) => ids.map((id) => ({ id, text: t(id) }));
const content: SurveyContent = {
	title: t("Checkout"),
	questions: [
		{ id: "score", type: "nps", required: true, text: t("Recommend?") },
		{
			id: "why",
			type: "single_choice",
			required: true,
			text: t("Why?"),
			options: options("price", "speed", "other"),
			showIf: { questionId: "score", operator: "lte", value: 6 },
		},
		{
			id: "detail",
			type: "open_text",
			required: false,
			maxLength: 500,
			text: t("Tell us"),
			showIf: { questionId: "why", operator: "in", value: ["price", "other"] },
		},
		{
			id: "love",
			type: "multiple_choice",
			required: false,
			text: t("What did you like?"),
			options: options("range", "app", "staff"),
			showIf: { questionId: "score", operator: "gte", value: 9 },
		},
		{
			id: "staff",
			type: "rating",
			scale: 5,
			required: false,
			text: t("Staff"),
			showIf: { questionId: "love", operator: "eq", value: "staff" },
		},
		{ id: "ease", type: "csat", required: false, text: t("Satisfied?") },
		{ id: "grid", type: "matrix", scale: 5, required: true, text: t("Rate"), rows: options("price", "delivery") },
	],
};
const questions = content.questions.map((q) => toPublicQuestion(q, "en"));
const ids = (list: { id: string }[]) => list.map((q) => q.id);

const answersArb: fc.Arbitrary<Answers> = fc
	.record(
		{
			score: fc.integer({ min: 0, max: 10 }),
			why: fc.constantFrom("price", "speed", "other"),
			detail: fc.constantFrom("", "  ", "too expensive"),
			love: fc.subarray(["range", "app", "staff"]),
			staff: fc.integer({ min: 1, max: 5 }),
			ease: fc.integer({ min: 1, max: 5 }),
		},
		{ requiredKeys: [] },
	)
	.map((a) => a as Answers);

describe("skip logic", () => {
	it("shows exactly the questions the server accepts answers for", () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => !isBlank(v)));
				expect(new Set(ids(shownQuestions(questions, given)))).toEqual(shownQuestionIds(content, given));
				const sent = answersToSend(questions, answers);
				const shownByServer = shownQuestionIds(content, sent);
				expect(Object.keys(sent).every((id) => shownByServer.has(id))).toBe(true);
			}),
		);
	});

	it("walks the branches: detractors get the reason, promoters what they liked", () => {
		expect(ids(shownQuestions(questions, {}))).toEqual(["score", "ease", "grid"]);
		expect(nextQuestion(questions, { score: 3 }, "score")?.id).toBe("why");
		expect(nextQuestion(questions, { score: 3, why: "speed" }, "why")?.id).toBe("ease");
		expect(nextQuestion(questions, { score: 3, why: "price" }, "why")?.id).toBe("detail");
		expect(nextQuestion(questions, { score: 10 }, "score")?.id).toBe("love");
		expect(nextQuestion(questions, { score: 10, love: ["staff"] }, "love")?.id).toBe("staff");
		expect(nextQuestion(questions, { score: 8 }, "grid")).toBeUndefined();
	});

	it("drops answers behind a changed branch and blank answers, and trims text", () => {
		expect(answersToSend(questions, { score: 10, why: "price", detail: " Teuer ", love: [], ease: 4 })).toEqual({
			score: 10,
			ease: 4,
		});
		expect(answersToSend(questions, { score: 2, why: "price", detail: " Teuer " })).toEqual({
			score: 2,
			why: "price",
			detail: "Teuer",
		});
	});

	it("counts progress over the questions that may still show, so the total only shrinks", () => {
		expect(possibleQuestionCount(questions, {}, "score")).toBe(7);
		expect(possibleQuestionCount(questions, { score: 3 }, "why")).toBe(5);
		expect(possibleQuestionCount(questions, { score: 3, why: "speed" }, "ease")).toBe(4);
		expect(possibleQuestionCount(questions, { score: 10 }, "love")).toBe(5);
		expect(possibleQuestionCount(questions, { score: 10 }, "ease")).toBe(4);
		fc.assert(
			fc.property(answersArb, (answers) => {
				const shown = shownQuestions(questions, answers);
				for (const q of shown)
					expect(possibleQuestionCount(questions, answers, q.id)).toBeGreaterThanOrEqual(shown.length);
			}),
		);
	});
});

describe("answers", () => {
	it("needs every matrix row for a required matrix, and no blanks", () => {
		const grid = questions.find((q) => q.id === "grid");
		if (!grid) throw new Error("no grid");
		expect(isAnswered(grid, { price: 3 })).toBe(false);
		expect(isAnswered(grid, { price: 3, delivery: 1 })).toBe(true);
		const score = questions[0];
		if (!score) throw new Error("no score");
		expect(isAnswered(score, 0)).toBe(true);
		expect(isAnswered(score, undefined)).toBe(false);
		expect(isAnswered(score, "  ")).toBe(false);
		expect(isAnswered(score, [])).toBe(false);
	});
});

describe("language", () => {
	it("takes <html lang>, else the browser's, when Loupe has it", () => {
		expect(pageLanguage("de-AT", "en-US")).toBe("de");
		expect(pageLanguage("", "en-GB")).toBe("en");
		expect(pageLanguage("EN", "de")).toBe("en");
		expect(pageLanguage("fr", "de")).toBeUndefined();
	});

	it("has the panel's words in every survey language", () => {
		expect(Object.keys(PANEL_TEXTS).sort()).toEqual([...SURVEY_LANGUAGES].sort());
		for (const language of SURVEY_LANGUAGES)
			expect(Object.keys(PANEL_TEXTS[language]).sort()).toEqual(Object.keys(PANEL_TEXTS.en).sort());
	});
});
