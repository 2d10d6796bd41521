// Ready-made surveys for the common moments of a retail journey, in German and English. Question wording
// follows the standard items (NPS: Reichheld 2003; CES 2.0: "made it easy"; CSAT: overall satisfaction, 1–5).
import type { Audience, SurveyContent, SurveyKind, TemplateKey, TemplateView } from "./contract";

type Template = {
	kind: SurveyKind;
	audience: Audience;
	name: { de: string; en: string };
	description: { de: string; en: string };
	hiddenFields: string[];
	content: SurveyContent;
};

const npsLabels = {
	low: { de: "Sehr unwahrscheinlich", en: "Very unlikely" },
	high: { de: "Sehr wahrscheinlich", en: "Very likely" },
};
const csatLabels = {
	low: { de: "Sehr unzufrieden", en: "Very dissatisfied" },
	high: { de: "Sehr zufrieden", en: "Very satisfied" },
};
const agreeLabels = {
	low: { de: "Stimme gar nicht zu", en: "Strongly disagree" },
	high: { de: "Stimme voll zu", en: "Strongly agree" },
};
const thankYou = { de: "Vielen Dank für Ihr Feedback!", en: "Thank you for your feedback!" };

const reasonQuestion = (id: string, de: string, en: string) => ({
	id,
	type: "open_text" as const,
	required: false,
	maxLength: 2000,
	text: { de, en },
});

const option = (id: string, de: string, en: string) => ({ id, text: { de, en } });

const TEMPLATES: Record<TemplateKey, Template> = {
	post_purchase_nps: {
		kind: "nps",
		audience: "customer",
		name: { de: "Weiterempfehlung nach dem Kauf", en: "Post-purchase NPS" },
		description: {
			de: "Net Promoter Score einige Tage nach dem Kauf, mit Grund und Verbesserungswünschen.",
			en: "Net Promoter Score a few days after the purchase, with the reason and what to improve.",
		},
		hiddenFields: ["order_id", "channel"],
		content: {
			title: { de: "Wie war Ihr Einkauf?", en: "How was your purchase?" },
			thankYou,
			questions: [
				{
					id: "nps",
					type: "nps",
					required: true,
					labels: npsLabels,
					text: {
						de: "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen?",
						en: "How likely are you to recommend us to a friend or colleague?",
					},
				},
				reasonQuestion(
					"reason",
					"Was ist der wichtigste Grund für Ihre Bewertung?",
					"What is the main reason for your score?",
				),
				{
					id: "improve",
					type: "multiple_choice",
					required: false,
					showIf: { questionId: "nps", operator: "lte", value: 8 },
					text: { de: "Was sollten wir verbessern?", en: "What should we improve?" },
					options: [
						option("prices", "Preise", "Prices"),
						option("selection", "Sortiment", "Product range"),
						option("website", "Website & App", "Website & app"),
						option("delivery", "Lieferung", "Delivery"),
						option("service", "Kundenservice", "Customer service"),
						option("quality", "Produktqualität", "Product quality"),
					],
				},
			],
		},
	},
	checkout_ces: {
		kind: "ces",
		audience: "customer",
		name: { de: "Aufwand im Checkout", en: "Checkout effort (CES)" },
		description: {
			de: "Customer Effort Score direkt nach der Bestellung: Wie einfach war der Bestellvorgang?",
			en: "Customer Effort Score right after ordering: how easy was the checkout?",
		},
		hiddenFields: ["order_id", "channel"],
		content: {
			title: { de: "Kurze Frage zu Ihrer Bestellung", en: "A quick question about your order" },
			thankYou,
			questions: [
				{
					id: "ces",
					type: "ces",
					required: true,
					labels: {
						low: { de: "Sehr schwierig", en: "Very difficult" },
						high: { de: "Sehr einfach", en: "Very easy" },
					},
					text: {
						de: "Es wurde mir leicht gemacht, meine Bestellung abzuschließen. Wie sehr stimmen Sie zu?",
						en: "The company made it easy for me to complete my order. How much do you agree?",
					},
				},
				{
					id: "obstacle",
					type: "single_choice",
					required: false,
					showIf: { questionId: "ces", operator: "lte", value: 4 },
					text: { de: "Was war am schwierigsten?", en: "What was the hardest part?" },
					options: [
						option("payment", "Bezahlung", "Payment"),
						option("shipping", "Versandoptionen", "Shipping options"),
						option("account", "Kundenkonto / Anmeldung", "Account / sign-in"),
						option("errors", "Fehlermeldungen", "Error messages"),
						option("slow", "Langsame Seiten", "Slow pages"),
						option("other", "Etwas anderes", "Something else"),
					],
				},
				reasonQuestion(
					"comment",
					"Was können wir am Bestellvorgang verbessern?",
					"What could we improve about checkout?",
				),
			],
		},
	},
	hotline_csat: {
		kind: "csat",
		audience: "customer",
		name: { de: "Zufriedenheit mit der Hotline", en: "Hotline satisfaction (CSAT)" },
		description: {
			de: "Customer Satisfaction Score nach einem Anruf beim Kundenservice, mit Lösung und Wartezeit.",
			en: "Customer Satisfaction Score after a call to customer service, with resolution and waiting time.",
		},
		hiddenFields: ["case_id", "agent_team"],
		content: {
			title: { de: "Ihr Anruf bei unserem Kundenservice", en: "Your call to our customer service" },
			thankYou,
			questions: [
				{
					id: "csat",
					type: "csat",
					required: true,
					labels: csatLabels,
					text: {
						de: "Wie zufrieden sind Sie insgesamt mit Ihrem Anruf?",
						en: "Overall, how satisfied are you with your call?",
					},
				},
				{
					id: "resolved",
					type: "single_choice",
					required: false,
					text: { de: "Wurde Ihr Anliegen gelöst?", en: "Was your issue resolved?" },
					options: [option("yes", "Ja", "Yes"), option("partly", "Teilweise", "Partly"), option("no", "Nein", "No")],
				},
				{
					id: "wait",
					type: "rating",
					required: false,
					scale: 5,
					labels: {
						low: { de: "Viel zu lang", en: "Far too long" },
						high: { de: "Sehr kurz", en: "Very short" },
					},
					text: { de: "Wie bewerten Sie die Wartezeit?", en: "How do you rate the waiting time?" },
				},
				reasonQuestion("comment", "Was hätten wir besser machen können?", "What could we have done better?"),
			],
		},
	},
	branch_visit: {
		kind: "csat",
		audience: "customer",
		name: { de: "Besuch in der Filiale", en: "Branch visit" },
		description: {
			de: "Zufriedenheit mit dem Filialbesuch und Bewertung von Beratung, Freundlichkeit und Verfügbarkeit (QR-Code an der Kasse).",
			en: "Satisfaction with the branch visit and ratings of advice, friendliness and availability (QR code at the till).",
		},
		hiddenFields: ["branch"],
		content: {
			title: { de: "Ihr Besuch bei uns", en: "Your visit" },
			thankYou,
			questions: [
				{
					id: "csat",
					type: "csat",
					required: true,
					labels: csatLabels,
					text: {
						de: "Wie zufrieden waren Sie mit Ihrem Besuch in unserer Filiale?",
						en: "How satisfied were you with your visit to our store?",
					},
				},
				{
					id: "aspects",
					type: "matrix",
					required: false,
					scale: 5,
					labels: { low: { de: "Schlecht", en: "Poor" }, high: { de: "Sehr gut", en: "Very good" } },
					text: { de: "Wie bewerten Sie …", en: "How do you rate …" },
					rows: [
						option("advice", "die Beratung", "the advice"),
						option("friendliness", "die Freundlichkeit", "the friendliness"),
						option("availability", "die Verfügbarkeit der Ware", "product availability"),
						option("waiting", "die Wartezeit an der Kasse", "the wait at the till"),
					],
				},
				reasonQuestion("comment", "Möchten Sie uns noch etwas sagen?", "Anything else you would like to tell us?"),
			],
		},
	},
	delivery: {
		kind: "nps",
		audience: "customer",
		name: { de: "Lieferung", en: "Delivery" },
		description: {
			de: "Nach der Zustellung: Weiterempfehlung, Pünktlichkeit und Probleme mit der Lieferung.",
			en: "After delivery: likelihood to recommend, punctuality and problems with the delivery.",
		},
		hiddenFields: ["order_id", "carrier"],
		content: {
			title: { de: "Wie lief Ihre Lieferung?", en: "How did your delivery go?" },
			thankYou,
			questions: [
				{
					id: "nps",
					type: "nps",
					required: true,
					labels: npsLabels,
					text: {
						de: "Wie wahrscheinlich ist es, dass Sie uns nach dieser Lieferung weiterempfehlen?",
						en: "After this delivery, how likely are you to recommend us?",
					},
				},
				{
					id: "on_time",
					type: "single_choice",
					required: false,
					text: { de: "Kam Ihre Lieferung pünktlich an?", en: "Did your delivery arrive on time?" },
					options: [
						option("on_time", "Pünktlich", "On time"),
						option("late", "Etwas verspätet", "A little late"),
						option("very_late", "Stark verspätet", "Very late"),
					],
				},
				{
					id: "problems",
					type: "multiple_choice",
					required: false,
					showIf: { questionId: "nps", operator: "lte", value: 8 },
					text: { de: "Gab es Probleme?", en: "Were there any problems?" },
					options: [
						option("damaged", "Ware beschädigt", "Goods damaged"),
						option("incomplete", "Unvollständig", "Incomplete"),
						option("no_notice", "Keine Ankündigung", "No notification"),
						option("driver", "Zusteller unfreundlich", "Unfriendly driver"),
						option("tracking", "Sendungsverfolgung falsch", "Tracking was wrong"),
					],
				},
				reasonQuestion(
					"comment",
					"Was sollten wir an der Lieferung verbessern?",
					"What should we improve about delivery?",
				),
			],
		},
	},
	employee_pulse: {
		kind: "nps",
		audience: "employee",
		name: { de: "Mitarbeiter-Puls", en: "Employee pulse" },
		description: {
			de: "Anonyme Kurzbefragung der Mitarbeitenden (eNPS); Ergebnisse nur für Gruppen ab 5 Antworten.",
			en: "Anonymous short employee survey (eNPS); results only for groups of 5 or more.",
		},
		hiddenFields: ["department"],
		content: {
			title: { de: "Wie geht es Ihnen bei uns?", en: "How are you doing?" },
			intro: {
				de: "Diese Befragung ist anonym. Ergebnisse sehen wir nur für Gruppen ab fünf Personen.",
				en: "This survey is anonymous. We only see results for groups of five or more.",
			},
			thankYou: { de: "Danke, dass Sie mitgemacht haben!", en: "Thank you for taking part!" },
			questions: [
				{
					id: "enps",
					type: "nps",
					required: true,
					labels: npsLabels,
					text: {
						de: "Wie wahrscheinlich ist es, dass Sie uns als Arbeitgeber weiterempfehlen?",
						en: "How likely are you to recommend us as an employer?",
					},
				},
				{
					id: "statements",
					type: "matrix",
					required: false,
					scale: 5,
					labels: agreeLabels,
					text: { de: "Wie sehr stimmen Sie zu?", en: "How much do you agree?" },
					rows: [
						option("workload", "Meine Arbeitsbelastung ist angemessen.", "My workload is reasonable."),
						option("team", "Ich arbeite gern mit meinem Team.", "I enjoy working with my team."),
						option("manager", "Meine Führungskraft unterstützt mich.", "My manager supports me."),
						option("tools", "Ich habe die Werkzeuge, die ich brauche.", "I have the tools I need."),
					],
				},
				reasonQuestion("comment", "Was würde Ihren Arbeitsalltag verbessern?", "What would improve your working day?"),
			],
		},
	},
};

export function templateOf(key: TemplateKey): Template {
	return TEMPLATES[key];
}

export function listTemplates(): TemplateView[] {
	return (Object.entries(TEMPLATES) as [TemplateKey, Template][]).map(([key, t]) => ({
		key,
		kind: t.kind,
		audience: t.audience,
		name: t.name,
		description: t.description,
		languages: ["de", "en"],
		hiddenFields: t.hiddenFields,
		content: t.content,
	}));
}
