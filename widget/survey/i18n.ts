// The panel's own words in German and English (the survey's texts come translated from the server).
import type { SurveyLanguage } from "../../server/modules/surveys/contract";

export type PanelTexts = {
	next: string;
	back: string;
	submit: string;
	close: string;
	done: string;
	sending: string;
	required: string;
	requiredMark: string;
	tooMany: (max: number) => string;
	sendFailed: string;
	thanks: string;
	progress: (position: number, total: number) => string;
};

export const PANEL_TEXTS: Record<SurveyLanguage, PanelTexts> = {
	de: {
		next: "Weiter",
		back: "Zurück",
		submit: "Absenden",
		close: "Umfrage schließen",
		done: "Schließen",
		sending: "Wird gesendet …",
		required: "Bitte beantworten Sie diese Frage.",
		requiredMark: "Pflichtfrage",
		tooMany: (max) => `Bitte wählen Sie höchstens ${max} aus.`,
		sendFailed: "Ihre Antworten konnten gerade nicht gesendet werden. Bitte versuchen Sie es gleich noch einmal.",
		thanks: "Vielen Dank für Ihr Feedback!",
		progress: (position, total) => `Frage ${position} von ${total}`,
	},
	en: {
		next: "Next",
		back: "Back",
		submit: "Send",
		close: "Close survey",
		done: "Close",
		sending: "Sending …",
		required: "Please answer this question.",
		requiredMark: "required",
		tooMany: (max) => `Please choose at most ${max}.`,
		sendFailed: "We could not send your answers just now. Please try again in a moment.",
		thanks: "Thank you for your feedback!",
		progress: (position, total) => `Question ${position} of ${total}`,
	},
};
