// The invitation and reminder email in the contact's language: the intro, the survey's first question as a row
// of score links when it is NPS/CSAT/CES (one click answers it), the survey link and the unsubscribe link.
// Plain text plus an HTML alternative; no tracking pixels.

export type EmailLanguage = "de" | "en";

export type EmbeddedQuestion = {
	text: string;
	min: number;
	max: number;
	lowLabel: string | null;
	highLabel: string | null;
};

export type InvitationEmailInput = {
	language: EmailLanguage;
	subject: string;
	intro: string;
	organizationName: string;
	/** Employee surveys say why differently in the footer. */
	isEmployeeSurvey: boolean;
	/** The personalised survey link without a score: `/s/<slug>?t=<token>&lang=<l>`. */
	surveyUrl: string;
	unsubscribeUrl: string;
	question: EmbeddedQuestion | null;
	isReminder: boolean;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const WORDS = {
	de: {
		reminder: "Erinnerung",
		reminderLine: "Wir würden uns sehr über Ihre Antwort freuen – es dauert nur eine Minute.",
		clickScore: "Klicken Sie auf Ihre Bewertung:",
		open: "Zur Umfrage",
		openText: "Oder öffnen Sie die Umfrage:",
		why: (org: string, isEmployee: boolean) =>
			`Sie erhalten diese E-Mail, weil Sie ${isEmployee ? "bei" : "Kundin oder Kunde von"} ${org} sind.`,
		unsubscribe: "Keine Umfragen mehr erhalten",
	},
	en: {
		reminder: "Reminder",
		reminderLine: "We would really appreciate your answer – it only takes a minute.",
		clickScore: "Click your rating:",
		open: "Open the survey",
		openText: "Or open the survey:",
		why: (org: string, isEmployee: boolean) =>
			`You receive this email as ${isEmployee ? "an employee" : "a customer"} of ${org}.`,
		unsubscribe: "Stop receiving surveys",
	},
} as const;

export const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The link of one score: the survey link with the first question answered (`q1`). */
export const scoreUrl = (surveyUrl: string, score: number) => {
	const url = new URL(surveyUrl);
	url.searchParams.set("q1", String(score));
	return url.toString();
};

function scoresOf(question: EmbeddedQuestion): number[] {
	return Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
}

function renderText(input: InvitationEmailInput): string {
	const words = WORDS[input.language];
	const lines: string[] = [];
	if (input.isReminder) lines.push(words.reminderLine, "");
	lines.push(input.intro, "");
	if (input.question) {
		const q = input.question;
		lines.push(q.text);
		const scale = [q.lowLabel && `${q.min} = ${q.lowLabel}`, q.highLabel && `${q.max} = ${q.highLabel}`].filter(
			Boolean,
		);
		if (scale.length > 0) lines.push(`(${scale.join(", ")})`);
		lines.push(words.clickScore);
		for (const score of scoresOf(q)) lines.push(`  ${String(score).padStart(2)}: ${scoreUrl(input.surveyUrl, score)}`);
		lines.push("", words.openText, input.surveyUrl);
	} else {
		lines.push(`${words.open}: ${input.surveyUrl}`);
	}
	lines.push(
		"",
		"--",
		words.why(input.organizationName, input.isEmployeeSurvey),
		`${words.unsubscribe}: ${input.unsubscribeUrl}`,
	);
	return lines.join("\n");
}

function renderHtml(input: InvitationEmailInput): string {
	const words = WORDS[input.language];
	const paragraphs = (text: string) =>
		text
			.split(/\n{2,}/)
			.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
			.join("");
	const parts: string[] = [];
	if (input.isReminder) parts.push(paragraphs(words.reminderLine));
	parts.push(paragraphs(input.intro));
	if (input.question) {
		const q = input.question;
		const cells = scoresOf(q)
			.map(
				(score) =>
					`<td style="padding:2px"><a href="${escapeHtml(scoreUrl(input.surveyUrl, score))}" ` +
					`style="display:inline-block;min-width:28px;padding:8px 4px;border:1px solid #868e96;border-radius:4px;` +
					`text-align:center;color:#212529;text-decoration:none;font-weight:600">${score}</a></td>`,
			)
			.join("");
		parts.push(`<p style="margin:0 0 8px;font-weight:600">${escapeHtml(q.text)}</p>`);
		parts.push(`<table role="presentation" cellspacing="0" cellpadding="0"><tr>${cells}</tr></table>`);
		if (q.lowLabel || q.highLabel) {
			parts.push(
				`<p style="margin:4px 0 16px;color:#495057;font-size:13px">${escapeHtml(
					[q.lowLabel && `${q.min} = ${q.lowLabel}`, q.highLabel && `${q.max} = ${q.highLabel}`]
						.filter(Boolean)
						.join(" · "),
				)}</p>`,
			);
		}
	}
	parts.push(
		`<p style="margin:16px 0"><a href="${escapeHtml(input.surveyUrl)}" style="color:#1971c2">${escapeHtml(words.open)}</a></p>`,
	);
	parts.push(
		`<p style="margin:24px 0 0;color:#868e96;font-size:12px">${escapeHtml(words.why(input.organizationName, input.isEmployeeSurvey))} ` +
			`<a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#868e96">${escapeHtml(words.unsubscribe)}</a></p>`,
	);
	return (
		`<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>` +
		`<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#212529;max-width:600px">${parts.join("")}</body></html>`
	);
}

export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
	const words = WORDS[input.language];
	return {
		subject: input.isReminder ? `${words.reminder}: ${input.subject}` : input.subject,
		text: renderText(input),
		html: renderHtml(input),
	};
}
