// The survey panel's calls to the public API: the survey definition and (partial) responses. A failed call is
// retried once (network errors, 429 and 5xx); requests of one response go out one after another.
import type { SubmitResponseInput } from "../../server/modules/responses/contract";
import type { PublicSurveyView, SurveyLanguage } from "../../server/modules/surveys/contract";
import type { WidgetHost } from "../triggers";
import type { Answers } from "./logic";

const RETRY_DELAY_MS = 800;

async function request(url: string, init?: RequestInit): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		let response: Response | undefined;
		try {
			response = await fetch(url, init);
			if (response.ok) return response;
		} catch (error) {
			if (attempt > 0) throw error;
		}
		const isRetryable = !response || response.status === 429 || response.status >= 500;
		if (attempt > 0 || !isRetryable) throw new Error(`HTTP ${response?.status}`);
		await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
	}
}

export async function fetchSurvey(
	host: WidgetHost,
	slug: string,
	language?: SurveyLanguage,
): Promise<PublicSurveyView> {
	const query = `siteKey=${encodeURIComponent(host.siteKey)}${language ? `&lang=${language}` : ""}`;
	return (await request(`${host.apiBase}/api/v1/public/surveys/${encodeURIComponent(slug)}?${query}`)).json();
}

/** A uuid v4 from getRandomValues (crypto.randomUUID needs a secure context, which plain-http shops are not). */
export function uuid(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Sends the answers of one response under one `responseId`: partial after each answer, then completed. */
export function responseSender(host: WidgetHost, survey: PublicSurveyView) {
	const responseId = uuid();
	const startedAt = new Date().toISOString();
	let queue: Promise<unknown> = Promise.resolve();
	return (answers: Answers, completed: boolean): Promise<unknown> => {
		const body: SubmitResponseInput = {
			siteKey: host.siteKey,
			surveySlug: survey.slug,
			responseId,
			language: survey.language,
			answers,
			completed,
			visitorId: host.visitorId() ?? undefined,
			sessionId: host.sessionId(),
			startedAt,
		};
		// text/plain keeps the request "simple" (no CORS preflight); the server reads it as JSON.
		const send = () =>
			request(`${host.apiBase}/api/v1/public/responses`, {
				method: "POST",
				headers: { "content-type": "text/plain" },
				body: JSON.stringify(body),
				keepalive: true,
			});
		const sent = queue.then(send, send);
		queue = sent.catch(() => {});
		return sent;
	};
}
