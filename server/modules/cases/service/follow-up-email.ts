// The "was your issue solved?" email in the customer's language: two one-click links (yes / no), each opening a
// page that records the answer and offers an optional 1–5 rating. Plain text plus an escaped HTML alternative.
import { escapeHtml } from "./templates-email";

export type FollowUpEmailInput = {
	language: "de" | "en";
	customerName: string | null;
	caseNumber: number;
	caseSubject: string;
	organizationName: string;
	/** The answer page without `solved`. */
	answerUrl: string;
};

const WORDS = {
	de: {
		subject: (n: number) => `Wurde Ihr Anliegen gelöst? (Fall #${n})`,
		greeting: (name: string | null) => (name ? `Guten Tag ${name},` : "Guten Tag,"),
		intro: (subject: string) => `wir haben Ihr Anliegen „${subject}“ als erledigt markiert.`,
		question: "Wurde Ihr Anliegen gelöst?",
		yes: "Ja, gelöst",
		no: "Nein, noch nicht",
		outro: "Ein Klick genügt. Wenn nicht, kümmern wir uns sofort wieder darum.",
		regards: (org: string) => `Mit freundlichen Grüßen\n${org}`,
	},
	en: {
		subject: (n: number) => `Was your issue solved? (case #${n})`,
		greeting: (name: string | null) => (name ? `Hello ${name},` : "Hello,"),
		intro: (subject: string) => `we have marked your request "${subject}" as resolved.`,
		question: "Was your issue solved?",
		yes: "Yes, solved",
		no: "No, not yet",
		outro: "One click is enough. If not, we will take care of it again right away.",
		regards: (org: string) => `Kind regards\n${org}`,
	},
} as const;

export const answerLink = (answerUrl: string, solved: "yes" | "no") => {
	const url = new URL(answerUrl);
	url.searchParams.set("solved", solved);
	return url.toString();
};

export function renderFollowUpEmail(input: FollowUpEmailInput) {
	const w = WORDS[input.language];
	const subject = w.subject(input.caseNumber);
	const yes = answerLink(input.answerUrl, "yes");
	const no = answerLink(input.answerUrl, "no");
	const text = [
		w.greeting(input.customerName),
		"",
		w.intro(input.caseSubject),
		"",
		w.question,
		`  ${w.yes}: ${yes}`,
		`  ${w.no}: ${no}`,
		"",
		w.outro,
		"",
		w.regards(input.organizationName),
	].join("\n");
	const button = (href: string, label: string, color: string) =>
		`<a href="${escapeHtml(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;` +
		`background:${color};color:#fff;text-decoration:none;font-weight:600">${escapeHtml(label)}</a>`;
	const html =
		`<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
		`<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#212529;max-width:600px">` +
		`<p>${escapeHtml(w.greeting(input.customerName))}</p><p>${escapeHtml(w.intro(input.caseSubject))}</p>` +
		`<p style="font-weight:600">${escapeHtml(w.question)}</p>` +
		`<p>${button(yes, w.yes, "#2f9e44")}${button(no, w.no, "#e03131")}</p>` +
		`<p style="color:#495057">${escapeHtml(w.outro)}</p>` +
		`<p>${escapeHtml(w.regards(input.organizationName)).replace(/\n/g, "<br>")}</p></body></html>`;
	return { subject, text, html };
}
