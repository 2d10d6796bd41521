// What an invitation email needs from the surveys module (through its services): the public slug, the languages,
// and the first question when a click can answer it (NPS 0–10, CSAT 1–5, CES 1–7).
import type { Db } from "../../../platform/db";
import { invalid } from "../../../platform/errors";
import { SCORE_SCALES } from "../../surveys/contract";
import { getCurrentVersion, getSurveyInOrg } from "../../surveys/service/load";
import { textIn } from "../../surveys/service/public-view";
import type { EmailLanguage, EmbeddedQuestion } from "./invitation-email";

export type SurveyForEmail = {
	id: string;
	slug: string;
	status: string;
	audience: "customer" | "employee";
	languages: EmailLanguage[];
	defaultLanguage: EmailLanguage;
	/** The embeddable first question per language, null when the first question is not a standard score. */
	firstQuestion: Record<EmailLanguage, EmbeddedQuestion> | null;
};

export async function getSurveyForEmail(db: Db, organizationId: string, surveyId: string): Promise<SurveyForEmail> {
	const survey = await getSurveyInOrg(db, organizationId, surveyId);
	const version = await getCurrentVersion(db, survey);
	const first = version.content.questions[0];
	let firstQuestion: SurveyForEmail["firstQuestion"] = null;
	if (first && (first.type === "nps" || first.type === "csat" || first.type === "ces")) {
		const scale = SCORE_SCALES[first.type];
		const inLanguage = (language: EmailLanguage): EmbeddedQuestion => ({
			text: textIn(first.text, language) ?? "",
			min: scale.min,
			max: scale.max,
			lowLabel: textIn(first.labels?.low, language),
			highLabel: textIn(first.labels?.high, language),
		});
		firstQuestion = { de: inLanguage("de"), en: inLanguage("en") };
	}
	return {
		id: survey.id,
		slug: survey.slug,
		status: survey.status,
		audience: survey.audience,
		languages: survey.languages,
		defaultLanguage: survey.defaultLanguage,
		firstQuestion,
	};
}

/** Campaigns go out only for live surveys (a draft has no public page; a closed one takes no answers). */
export async function getLiveSurveyForEmail(db: Db, organizationId: string, surveyId: string): Promise<SurveyForEmail> {
	const survey = await getSurveyForEmail(db, organizationId, surveyId);
	if (survey.status !== "live") throw invalid("surveyId: publish the survey before inviting people to it");
	return survey;
}
