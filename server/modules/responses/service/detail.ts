// One response with the questions as its respondent saw them (its own version, its own language).
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { notFound } from "../../../platform/errors";
import type { Question, SurveyContent, SurveyLanguage } from "../../surveys/contract";
import { scaleOf } from "../../surveys/contract";
import { findSurveysByIds, findSurveyVersionsByIds } from "../../surveys/service/load";
import { textIn } from "../../surveys/service/public-view";
import type { AnsweredQuestionView, ResponseDetailView } from "../contract";
import { responses } from "../schema";
import { toResponseView } from "./explore";

/** An answer for people: "8 / 10", option labels, "Row: 4 / 5; …"; null when not answered. */
export function displayAnswer(question: Question, value: unknown, language: SurveyLanguage): string | null {
	if (value === undefined || value === null) return null;
	const label = (list: { id: string; text: Partial<Record<SurveyLanguage, string>> }[], id: unknown) => {
		const found = list.find((o) => o.id === id);
		return found ? (textIn(found.text, language) ?? found.id) : String(id);
	};
	switch (question.type) {
		case "nps":
		case "csat":
		case "ces":
		case "rating":
			return `${String(value)} / ${scaleOf(question)?.max ?? ""}`;
		case "single_choice":
			return label(question.options, value);
		case "multiple_choice":
			return Array.isArray(value) ? value.map((id) => label(question.options, id)).join(", ") : String(value);
		case "open_text":
			return String(value);
		case "matrix":
			return Object.entries(value as Record<string, unknown>)
				.map(([row, point]) => `${label(question.rows, row)}: ${String(point)} / ${question.scale}`)
				.join("; ");
	}
}

export function answeredQuestions(
	content: SurveyContent,
	answers: Record<string, unknown>,
	language: SurveyLanguage,
): AnsweredQuestionView[] {
	return content.questions.map((question) => ({
		questionId: question.id,
		type: question.type,
		text: textIn(question.text, language) ?? question.id,
		answer: answers[question.id] ?? null,
		display: displayAnswer(question, answers[question.id], language),
	}));
}

/** A customer response of the organization (employee responses are only shown aggregated: 404 here). */
export async function getResponse(ctx: Ctx, id: string): Promise<ResponseDetailView> {
	const [row] = await ctx.db
		.select()
		.from(responses)
		.where(and(eq(responses.organizationId, ctx.organizationId), eq(responses.id, id)));
	if (row?.audience !== "customer") throw notFound("Response");
	const version = (await findSurveyVersionsByIds(ctx.db, ctx.organizationId, [row.surveyVersionId])).get(
		row.surveyVersionId,
	);
	const survey = (await findSurveysByIds(ctx.db, ctx.organizationId, [row.surveyId])).get(row.surveyId);
	if (!version || !survey) throw notFound("Response");
	return {
		...toResponseView(row),
		surveyName: survey.name,
		surveyVersion: version.version,
		answers: row.answers,
		questions: answeredQuestions(version.content, row.answers, row.language),
		sentimentScores: row.sentimentScores,
		themes: row.themes,
		analysisError: row.analysisError,
		startedAt: row.startedAt?.toISOString() ?? null,
		visitorId: row.visitorId,
		sessionId: row.sessionId,
	};
}
