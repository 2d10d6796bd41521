// GET/POST /s/:slug — the public survey page (link and QR target): server-rendered, a plain form post, the
// same ingestion pipeline as the API (idempotent by the responseId rendered into the form).
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError, toAppError } from "../../../platform/errors";
import type { AppEnv } from "../../../platform/http";
import { openInvitationLink } from "../../outreach/service/redeem";
import { ingestResponse } from "../../responses/service/ingest";
import { type PublicQuestionView, SURVEY_LANGUAGES, type SurveyLanguage } from "../contract";
import { limitClient } from "../public-http";
import { findSurveyBySlug, type PublishedSurvey } from "../service/public-lookup";
import { chooseLanguage, toPublicSurveyView } from "../service/public-view";
import { renderMessagePage, renderSurveyPage, type SurveyPageModel, uiText } from "./render";

/** Even a prefilled form (score clicked in the email) takes a person longer than this to send; scripts are faster. */
const PAGE_MIN_FILL_MS = 1200;
const SOURCES = ["link", "qr", "email"] as const;
type Source = (typeof SOURCES)[number];

const noStore = { "cache-control": "no-store" };

function fallbackLanguage(c: Context<AppEnv>): SurveyLanguage {
	return chooseLanguage(
		{ languages: [...SURVEY_LANGUAGES], defaultLanguage: "de" },
		c.req.query("lang"),
		c.req.header("accept-language"),
	);
}

/** Errors as pages: unknown survey 404, closed 410, too many requests 429, anything else 500. */
function errorPage(c: Context<AppEnv>, error: unknown, language: SurveyLanguage): Response {
	const appError = toAppError(error);
	const ui = uiText(language);
	if (appError.code === "internal") c.get("services").log.error({ err: error, path: c.req.path }, "survey page failed");
	const [status, title, message] =
		appError.code === "not_found"
			? ([404, ui.notFoundTitle, ui.notFound] as const)
			: appError.code === "invalid"
				? ([400, ui.errorTitle, ui.error] as const)
				: appError.code === "conflict"
					? ([410, ui.closedTitle, ui.closed] as const)
					: appError.code === "rate_limited"
						? ([429, ui.busyTitle, ui.busy] as const)
						: ([500, ui.errorTitle, ui.error] as const);
	return c.html(renderMessagePage(language, title, message), status, noStore);
}

function liveOrThrow(found: PublishedSurvey | null): PublishedSurvey {
	if (!found || found.survey.status === "draft") throw new AppError("not_found", "Survey not found");
	if (found.survey.status === "closed") throw new AppError("conflict", "This survey is closed");
	return found;
}

/** The first question's value from `?q1=` (email embeds the first question: a click on a score lands here). */
function prefillOf(question: PublicQuestionView | undefined, raw: string | undefined): Record<string, unknown> {
	if (!question || raw === undefined) return {};
	if (question.min !== null && question.max !== null && question.type !== "matrix") {
		const value = Number(raw);
		return /^\d+$/.test(raw) && value >= question.min && value <= question.max ? { [question.id]: value } : {};
	}
	if (question.type === "single_choice" && question.options.some((o) => o.id === raw)) return { [question.id]: raw };
	return {};
}

function languageLinks(c: Context<AppEnv>, languages: SurveyLanguage[]) {
	return languages.map((language) => {
		const url = new URL(c.req.url);
		url.searchParams.set("lang", language);
		return { language, href: `${url.pathname}${url.search}` };
	});
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
const asNumber = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);

/** The form's fields as an answer set of the survey's questions. */
function answersFromForm(form: Record<string, unknown>, questions: PublicQuestionView[]): Record<string, unknown> {
	const answers: Record<string, unknown> = {};
	const byId = new Map(questions.map((q) => [q.id, q]));
	for (const [name, value] of Object.entries(form)) {
		if (!name.startsWith("a.")) continue;
		const [id = "", row] = name.slice(2).split(".");
		const question = byId.get(id);
		const values = asList(value);
		if (question?.type === "matrix" && row) {
			answers[id] = { ...(answers[id] as object | undefined), [row]: asNumber(values[0] ?? "") };
		} else if (question?.type === "multiple_choice") {
			answers[id] = values;
		} else if (question && question.min !== null && question.type !== "matrix") {
			answers[id] = asNumber(values[0] ?? "");
		} else {
			answers[id] = values[0] ?? "";
		}
	}
	return answers;
}

export const publicPageRoutes = new Hono<AppEnv>();

publicPageRoutes.use(
	"/s/:slug",
	bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text("The form is larger than 64 KB", 413) }),
);

publicPageRoutes.get("/s/:slug", async (c) => {
	let language = fallbackLanguage(c);
	try {
		limitClient(c, "pagePerIp");
		const { db, clock } = c.get("services");
		const published = liveOrThrow(await findSurveyBySlug(db, c.req.param("slug"), clock().getTime()));
		const { survey } = published;
		language = chooseLanguage(survey, c.req.query("lang"), c.req.header("accept-language"));
		const view = toPublicSurveyView(published, language);
		// An email invitation's link (`?t=`): records the click; an answered invitation is not asked again.
		let invitationToken = c.req.query("t")?.slice(0, 500);
		if (invitationToken) {
			const link = await openInvitationLink(db, invitationToken, clock());
			if (link.state === "answered" && link.surveyId === survey.id) {
				return c.html(renderMessagePage(language, uiText(language).thanks, uiText(language).answered), 200, noStore);
			}
			if (link.state !== "open" || link.surveyId !== survey.id) invitationToken = undefined;
		}
		const src = invitationToken ? "email" : c.req.query("src");
		const hiddenFields = Object.fromEntries(
			survey.hiddenFields.flatMap((key) => {
				const value = c.req.query(key);
				return value === undefined ? [] : [[key, value.slice(0, 500)]];
			}),
		);
		const model: SurveyPageModel = {
			survey: view,
			action: `/s/${survey.slug}`,
			responseId: randomUUID(),
			startedAt: clock().toISOString(),
			source: SOURCES.includes(src as Source) ? (src as Source) : "link",
			hiddenFields,
			invitationToken,
			values: prefillOf(view.questions[0], c.req.query("q1")),
			errors: {},
			languageLinks: languageLinks(c, survey.languages),
		};
		return c.html(renderSurveyPage(model), 200, noStore);
	} catch (error) {
		return errorPage(c, error, language);
	}
});

publicPageRoutes.post("/s/:slug", async (c) => {
	let language = fallbackLanguage(c);
	try {
		limitClient(c, "pagePerIp");
		const { db, jobs, log, live, clock } = c.get("services");
		const now = clock();
		const published = liveOrThrow(await findSurveyBySlug(db, c.req.param("slug"), now.getTime()));
		const form = await c.req.parseBody({ all: true });
		const field = (name: string) => asList(form[name])[0];
		const requested = field("lang");
		language = published.survey.languages.find((l) => l === requested) ?? published.survey.defaultLanguage;
		const view = toPublicSurveyView(published, language);
		const answers = answersFromForm(form, view.questions);
		const hiddenFields = Object.fromEntries(
			published.survey.hiddenFields.flatMap((key) => {
				const value = field(`h.${key}`);
				return value === undefined ? [] : [[key, value.slice(0, 500)]];
			}),
		);
		const src = field("src");
		const source: Source = SOURCES.includes(src as Source) ? (src as Source) : "link";
		const responseId = field("responseId") ?? "";
		const startedAt = field("startedAt");
		const input = {
			surveySlug: published.survey.slug,
			responseId: /^[0-9a-f-]{36}$/i.test(responseId) ? responseId : randomUUID(),
			language,
			answers,
			hiddenFields,
			completed: true,
			startedAt: startedAt && !Number.isNaN(Date.parse(startedAt)) ? new Date(startedAt).toISOString() : undefined,
			honeypot: field("website"),
			invitationToken: field("t"),
		};
		try {
			await ingestResponse({ db, jobs, log, live, now }, { input, channel: source, minFillMs: PAGE_MIN_FILL_MS });
		} catch (error) {
			const fields = error instanceof AppError && error.code === "invalid" ? fieldErrors(error) : undefined;
			if (!fields) throw error;
			const model: SurveyPageModel = {
				survey: view,
				action: `/s/${published.survey.slug}`,
				responseId: input.responseId,
				startedAt: input.startedAt ?? now.toISOString(),
				source,
				hiddenFields,
				invitationToken: input.invitationToken,
				values: answers,
				errors: Object.fromEntries(
					Object.entries(fields).map(([id, code]) => [
						id,
						code === "required"
							? language === "de"
								? "Bitte beantworten Sie diese Frage."
								: "Please answer this question."
							: language === "de"
								? "Bitte prüfen Sie Ihre Antwort."
								: "Please check your answer.",
					]),
				),
				languageLinks: [],
			};
			return c.html(renderSurveyPage(model), 400, noStore);
		}
		const ui = uiText(language);
		return c.html(renderMessagePage(language, view.thankYou ?? ui.thanks, ""), 200, noStore);
	} catch (error) {
		return errorPage(c, error, language);
	}
});

/** Question id → issue code, from an `invalid` error's `answers.<id>` fields (undefined if others failed). */
function fieldErrors(error: AppError): Record<string, string> | undefined {
	const fields = (error.details as { fields?: { field: string; code: string }[] } | undefined)?.fields ?? [];
	const result: Record<string, string> = {};
	for (const { field, code } of fields) {
		const match = field.match(/^answers\.([^.]+)/);
		if (!match?.[1]) return undefined;
		result[match[1]] = code;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}
