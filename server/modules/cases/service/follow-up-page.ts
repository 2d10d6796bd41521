// The small public page behind a follow-up link, in the customer's language: the question (two buttons), or the
// recorded answer with an optional 1–5 rating. Forms post back to the same signed address.
import type { FollowUpPage } from "./follow-up";
import { escapeHtml } from "./templates-email";

const TEXTS = {
	de: {
		title: "Wurde Ihr Anliegen gelöst?",
		yes: "Ja, gelöst",
		no: "Nein, noch nicht",
		solved: (org: string) => `Danke! Schön, dass Ihr Anliegen gelöst ist. Ihr Team von ${org}`,
		notSolved: "Danke für Ihre Rückmeldung. Wir haben Ihren Fall wieder geöffnet und melden uns bei Ihnen.",
		rate: "Wie zufrieden waren Sie mit unserer Hilfe? (1 = gar nicht, 5 = sehr)",
		rated: (n: number) => `Danke für Ihre Bewertung: ${n} von 5.`,
		invalid: "Dieser Link ist ungültig.",
	},
	en: {
		title: "Was your issue solved?",
		yes: "Yes, solved",
		no: "No, not yet",
		solved: (org: string) => `Thank you! We are glad your issue is solved. Your team at ${org}`,
		notSolved: "Thank you for telling us. We have reopened your case and will get back to you.",
		rate: "How satisfied were you with our help? (1 = not at all, 5 = very)",
		rated: (n: number) => `Thank you for your rating: ${n} out of 5.`,
		invalid: "This link is not valid.",
	},
} as const;

const button = (name: string, value: string, label: string, color: string) =>
	`<button type="submit" name="${name}" value="${value}" style="font-size:16px;margin:0 8px 8px 0;padding:10px 18px;` +
	`border-radius:6px;border:0;background:${color};color:#fff;cursor:pointer">${escapeHtml(label)}</button>`;

export function renderFollowUpPage(page: FollowUpPage): string {
	const language = page.state === "invalid" ? "en" : page.language;
	const t = TEXTS[language];
	let body: string;
	if (page.state === "invalid") {
		body = `<p>${TEXTS.de.invalid}</p><p>${TEXTS.en.invalid}</p>`;
	} else if (page.state === "question" || page.isSolved === null) {
		body = `<form method="post">${button("solved", "yes", t.yes, "#2f9e44")}${button("solved", "no", t.no, "#e03131")}</form>`;
	} else {
		const answer = page.isSolved ? t.solved(page.organizationName) : t.notSolved;
		const rating =
			page.satisfaction !== null
				? `<p>${escapeHtml(t.rated(page.satisfaction))}</p>`
				: `<p>${escapeHtml(t.rate)}</p><form method="post">${[1, 2, 3, 4, 5]
						.map((n) => button("satisfaction", String(n), String(n), "#1971c2"))
						.join("")}</form>`;
		body = `<p>${escapeHtml(answer)}</p>${rating}`;
	}
	return (
		`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" ` +
		`content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t.title}</title></head>` +
		`<body style="font-family:system-ui,Arial,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;color:#212529">` +
		`<h1 style="font-size:22px">${t.title}</h1>${body}</body></html>`
	);
}
