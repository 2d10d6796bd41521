// Payloads of the survey API: surveys, their versioned questions (with skip logic), distributions, templates,
// and the public survey definition the widget renders. Pure zod: the web app and the widget import this file.
import { z } from "zod";

export const SURVEY_LANGUAGES = ["de", "en"] as const;
export const SurveyLanguage = z.enum(SURVEY_LANGUAGES);
export type SurveyLanguage = z.infer<typeof SurveyLanguage>;

export const SURVEY_KINDS = ["nps", "csat", "ces", "custom"] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const AUDIENCES = ["customer", "employee"] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

export const SURVEY_STATUSES = ["draft", "live", "closed"] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const QUESTION_TYPES = [
	"nps",
	"csat",
	"ces",
	"rating",
	"single_choice",
	"multiple_choice",
	"open_text",
	"matrix",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The fixed scales of the standard scores: NPS 0–10 (Reichheld 2003), CSAT 1–5, CES 1–7 (CES 2.0, 7 = very easy). */
export const SCORE_SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } } as const;
export type ScoreType = keyof typeof SCORE_SCALES;

/** Respondents of an employee survey stay anonymous: results only for groups of at least this many responses. */
export const EMPLOYEE_MIN_GROUP_SIZE = 5;

/** A stable key: lower-case letters, digits and `_`, starting with a letter (question ids, hidden fields). */
export const Key = z
	.string()
	.regex(/^[a-z][a-z0-9_]{0,39}$/, "Use 1–40 lower-case letters, digits or _, starting with a letter");
export const OptionId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Use 1–40 lower-case letters, digits, _ or -");

/** The public URL part: lower-case letters, digits and dashes. */
export const Slug = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$/, "Use 3–60 lower-case letters, digits or dashes");

/** A text per language; every language of the survey must be present (checked by `surveyContentIssues`). */
export const LocalizedText = (max: number) =>
	z
		.object({ de: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) })
		.partial()
		.strict();
export type LocalizedText = Partial<Record<SurveyLanguage, string>>;

const ScoreValue = z.union([z.number(), z.string().max(40)]);

/** Show the question only when an earlier question's answer matches (it stays hidden when that one is unanswered). */
export const ShowIf = z
	.object({
		questionId: Key,
		operator: z.enum(["lte", "gte", "eq", "in"]),
		value: z.union([ScoreValue, z.array(ScoreValue).min(1).max(50)]),
	})
	.strict();
export type ShowIf = z.infer<typeof ShowIf>;

const Option = z.object({ id: OptionId, text: LocalizedText(200) }).strict();
const ScaleLabels = z.object({ low: LocalizedText(80), high: LocalizedText(80) }).strict();

const base = {
	id: Key,
	required: z.boolean().default(false),
	text: LocalizedText(500),
	help: LocalizedText(500).optional(),
	showIf: ShowIf.optional(),
};

export const Question = z.discriminatedUnion("type", [
	z.object({ ...base, type: z.literal("nps"), labels: ScaleLabels.optional() }).strict(),
	z.object({ ...base, type: z.literal("csat"), labels: ScaleLabels.optional() }).strict(),
	z.object({ ...base, type: z.literal("ces"), labels: ScaleLabels.optional() }).strict(),
	z
		.object({
			...base,
			type: z.literal("rating"),
			scale: z.number().int().min(2).max(10),
			labels: ScaleLabels.optional(),
		})
		.strict(),
	z.object({ ...base, type: z.literal("single_choice"), options: z.array(Option).min(2).max(30) }).strict(),
	z
		.object({
			...base,
			type: z.literal("multiple_choice"),
			options: z.array(Option).min(2).max(30),
			maxSelected: z.number().int().min(1).max(30).optional(),
		})
		.strict(),
	z
		.object({
			...base,
			type: z.literal("open_text"),
			maxLength: z.number().int().min(1).max(5000).default(2000),
			placeholder: LocalizedText(200).optional(),
		})
		.strict(),
	z
		.object({
			...base,
			type: z.literal("matrix"),
			rows: z.array(Option).min(1).max(20),
			scale: z.number().int().min(2).max(10),
			labels: ScaleLabels.optional(),
		})
		.strict(),
]);
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

/** What a version holds: everything a respondent sees. */
export const SurveyContent = z
	.object({
		title: LocalizedText(200),
		intro: LocalizedText(1000).optional(),
		thankYou: LocalizedText(1000).optional(),
		questions: z.array(Question).min(1).max(50),
	})
	.strict();
export type SurveyContent = z.infer<typeof SurveyContent>;
export type SurveyContentInput = z.input<typeof SurveyContent>;

export type ContentIssue = { field: string; message: string };

const isNumericType = (type: QuestionType) => ["nps", "csat", "ces", "rating"].includes(type);

/** The numeric range of a scored question (nps/csat/ces/rating), for answers and skip-logic values. */
export function scaleOf(question: Question): { min: number; max: number } | undefined {
	if (question.type === "nps" || question.type === "csat" || question.type === "ces")
		return SCORE_SCALES[question.type];
	if (question.type === "rating") return { min: 1, max: question.scale };
	return undefined;
}

/**
 * Checks what the schema alone cannot: unique ids, every text in every language of the survey, skip logic
 * that points to an earlier, compatible question, and a question of the survey's own kind. Returns issues
 * with paths relative to the content (`questions.2.text.en`).
 */
export function surveyContentIssues(
	content: SurveyContent,
	languages: readonly SurveyLanguage[],
	kind: SurveyKind,
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const needText = (text: LocalizedText | undefined, field: string) => {
		if (!text) return;
		for (const language of languages) {
			if (!text[language]) issues.push({ field: `${field}.${language}`, message: `Translate into ${language}` });
		}
	};
	needText(content.title, "title");
	needText(content.intro, "intro");
	needText(content.thankYou, "thankYou");
	const seen = new Map<string, Question>();
	content.questions.forEach((question, index) => {
		const at = `questions.${index}`;
		if (seen.has(question.id)) issues.push({ field: `${at}.id`, message: `Question id ${question.id} is used twice` });
		needText(question.text, `${at}.text`);
		needText(question.help, `${at}.help`);
		if ("labels" in question && question.labels) {
			needText(question.labels.low, `${at}.labels.low`);
			needText(question.labels.high, `${at}.labels.high`);
		}
		if (question.type === "open_text") needText(question.placeholder, `${at}.placeholder`);
		const choices =
			question.type === "single_choice" || question.type === "multiple_choice"
				? question.options
				: question.type === "matrix"
					? question.rows
					: [];
		const choiceIds = new Set<string>();
		choices.forEach((choice, i) => {
			const where = `${at}.${question.type === "matrix" ? "rows" : "options"}.${i}`;
			if (choiceIds.has(choice.id)) issues.push({ field: `${where}.id`, message: `${choice.id} is used twice` });
			choiceIds.add(choice.id);
			needText(choice.text, `${where}.text`);
		});
		if (question.type === "multiple_choice" && question.maxSelected && question.maxSelected > question.options.length) {
			issues.push({ field: `${at}.maxSelected`, message: "At most the number of options" });
		}
		if (question.showIf) issues.push(...showIfIssues(question.showIf, seen, `${at}.showIf`));
		seen.set(question.id, question);
	});
	if (kind !== "custom" && !content.questions.some((q) => q.type === kind)) {
		issues.push({ field: "questions", message: `A ${kind.toUpperCase()} survey needs a question of type ${kind}` });
	}
	return issues;
}

function showIfIssues(showIf: ShowIf, earlier: Map<string, Question>, at: string): ContentIssue[] {
	const source = earlier.get(showIf.questionId);
	if (!source) return [{ field: `${at}.questionId`, message: "Refer to an earlier question" }];
	if (source.type === "open_text" || source.type === "matrix") {
		return [{ field: `${at}.questionId`, message: "Skip logic can use scored and choice questions only" }];
	}
	const values = Array.isArray(showIf.value) ? showIf.value : [showIf.value];
	if (showIf.operator === "in" ? !Array.isArray(showIf.value) : Array.isArray(showIf.value)) {
		return [{ field: `${at}.value`, message: showIf.operator === "in" ? "Give a list" : "Give one value" }];
	}
	const scale = scaleOf(source);
	if (isNumericType(source.type) && scale) {
		const isInRange = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= scale.min && v <= scale.max;
		if (!values.every(isInRange)) {
			return [{ field: `${at}.value`, message: `Use whole numbers from ${scale.min} to ${scale.max}` }];
		}
		return [];
	}
	if (showIf.operator === "lte" || showIf.operator === "gte") {
		return [{ field: `${at}.operator`, message: "lte and gte need a scored question" }];
	}
	const optionIds = new Set("options" in source ? source.options.map((o) => o.id) : []);
	if (!values.every((v) => typeof v === "string" && optionIds.has(v))) {
		return [{ field: `${at}.value`, message: "Use option ids of that question" }];
	}
	return [];
}

export const TEMPLATE_KEYS = [
	"post_purchase_nps",
	"checkout_ces",
	"hotline_csat",
	"branch_visit",
	"delivery",
	"employee_pulse",
] as const;
export const TemplateKey = z.enum(TEMPLATE_KEYS);
export type TemplateKey = z.infer<typeof TemplateKey>;

export const HiddenFields = z
	.array(Key)
	.max(20)
	.refine((keys) => new Set(keys).size === keys.length, "Each hidden field once");

const Name = z.string().trim().min(1, "Required").max(120);
const Languages = z
	.array(SurveyLanguage)
	.min(1)
	.max(SURVEY_LANGUAGES.length)
	.refine((l) => new Set(l).size === l.length, "Each language once");

/**
 * Create a survey, either from a template (`template` + `touchpointId`; everything else optional overrides)
 * or from scratch (`name`, `kind` and `content` required). Languages default to the template's or de + en;
 * the default language to the first one. The slug is generated from the name when left out.
 */
export const CreateSurveyInput = z
	.object({
		template: TemplateKey.optional(),
		touchpointId: z.uuid(),
		name: Name.optional(),
		kind: SurveyKind.optional(),
		audience: Audience.optional(),
		languages: Languages.optional(),
		defaultLanguage: SurveyLanguage.optional(),
		slug: Slug.optional(),
		hiddenFields: HiddenFields.optional(),
		content: SurveyContent.optional(),
	})
	.strict()
	.superRefine((input, ctx) => {
		if (input.template) return;
		for (const field of ["name", "kind", "content"] as const) {
			if (input[field] === undefined)
				ctx.addIssue({ code: "custom", path: [field], message: "Required without template" });
		}
	});
export type CreateSurveyInput = z.infer<typeof CreateSurveyInput>;

/** Edit a survey. New `content` of a live or closed survey becomes a new version; a draft is edited in place. */
export const UpdateSurveyInput = z
	.object({
		name: Name.optional(),
		touchpointId: z.uuid().optional(),
		languages: Languages.optional(),
		defaultLanguage: SurveyLanguage.optional(),
		slug: Slug.optional(),
		hiddenFields: HiddenFields.optional(),
		content: SurveyContent.optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateSurveyInput = z.infer<typeof UpdateSurveyInput>;

export const SurveyQuery = z.object({
	touchpointId: z.uuid().optional(),
	status: SurveyStatus.optional(),
	kind: SurveyKind.optional(),
	audience: Audience.optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	cursor: z.string().max(500).optional(),
});
export type SurveyQuery = z.infer<typeof SurveyQuery>;

export const SurveyVersionView = z.object({
	id: z.uuid(),
	version: z.number().int(),
	content: SurveyContent,
	createdAt: z.iso.datetime(),
});
export type SurveyVersionView = z.infer<typeof SurveyVersionView>;

export const SurveyView = z.object({
	id: z.uuid(),
	name: z.string(),
	kind: SurveyKind,
	audience: Audience,
	touchpointId: z.uuid(),
	slug: z.string(),
	status: SurveyStatus,
	languages: z.array(SurveyLanguage),
	defaultLanguage: SurveyLanguage,
	hiddenFields: z.array(z.string()),
	template: TemplateKey.nullable(),
	currentVersion: z.number().int(),
	/** The public page (link target); the QR code points here with `?src=qr`. */
	publicUrl: z.string(),
	/** Submissions recognised as spam (honeypot, too fast) and dropped without storing. */
	spamDroppedCount: z.number().int(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	publishedAt: z.iso.datetime().nullable(),
	closedAt: z.iso.datetime().nullable(),
});
export type SurveyView = z.infer<typeof SurveyView>;

export const SurveyDetailView = SurveyView.extend({ version: SurveyVersionView });
export type SurveyDetailView = z.infer<typeof SurveyDetailView>;

export const TemplateView = z.object({
	key: TemplateKey,
	kind: SurveyKind,
	audience: Audience,
	name: z.object({ de: z.string(), en: z.string() }),
	description: z.object({ de: z.string(), en: z.string() }),
	languages: z.array(SurveyLanguage),
	hiddenFields: z.array(z.string()),
	content: SurveyContent,
});
export type TemplateView = z.infer<typeof TemplateView>;

export const DISTRIBUTION_KINDS = ["link", "qr", "widget", "email"] as const;
export const DistributionKind = z.enum(DISTRIBUTION_KINDS);
export type DistributionKind = z.infer<typeof DistributionKind>;

/** When the widget shows the survey on a page of the site (the widget evaluates these in the browser). */
export const WidgetTrigger = z
	.object({
		/** Pages where the survey may show: paths ("/checkout/*") or full URLs; `*` matches anything. */
		urlPatterns: z
			.array(
				z
					.string()
					.trim()
					.min(1)
					.max(300)
					.regex(/^(\/|https?:\/\/)\S*$/, "Start with / or http(s):// and use no spaces"),
			)
			.min(1)
			.max(20),
		/** Show after this many seconds on the page (0 = at once). */
		timeOnPageSeconds: z.number().int().min(0).max(3600).default(0),
		/** Show once the visitor scrolled this far down (0 = no condition). */
		scrollDepthPercent: z.number().int().min(0).max(100).default(0),
		/** Show when the pointer leaves the window towards the top (desktop). */
		exitIntent: z.boolean().default(false),
		/** Show when the page sends this tracker event (e.g. `order_completed`). */
		customEvent: z
			.string()
			.regex(/^[a-zA-Z][a-zA-Z0-9_.:-]{0,63}$/, "Use letters, digits, _ . : -")
			.optional(),
		/** Share of eligible visitors who are asked, in percent. */
		samplingPercent: z.number().min(0.1).max(100).default(100),
		/** Do not ask the same visitor again within this many days (after showing or answering). */
		fatigueDays: z.number().int().min(0).max(365).default(30),
	})
	.strict();
export type WidgetTrigger = z.infer<typeof WidgetTrigger>;

const DistributionName = z.string().trim().min(1).max(120).optional();

export const CreateDistributionInput = z.discriminatedUnion("kind", [
	z.object({ kind: z.literal("link"), name: DistributionName }).strict(),
	z.object({ kind: z.literal("qr"), name: DistributionName }).strict(),
	z
		.object({
			kind: z.literal("widget"),
			name: DistributionName,
			siteId: z.uuid(),
			trigger: WidgetTrigger,
			position: z.enum(["bottom-right", "bottom-left", "center"]).default("bottom-right"),
		})
		.strict(),
	z
		.object({
			kind: z.literal("email"),
			name: DistributionName,
			/** Put the first question into the email body (a click on a score opens the page with it filled). */
			embedFirstQuestion: z.boolean().default(true),
		})
		.strict(),
]);
export type CreateDistributionInput = z.infer<typeof CreateDistributionInput>;

export const DistributionView = z.object({
	id: z.uuid(),
	surveyId: z.uuid(),
	kind: DistributionKind,
	name: z.string().nullable(),
	/** link: the public page; qr: the public page with `?src=qr` (also the QR image's target); else null. */
	url: z.string().nullable(),
	siteId: z.uuid().nullable(),
	trigger: WidgetTrigger.nullable(),
	position: z.string().nullable(),
	embedFirstQuestion: z.boolean().nullable(),
	createdAt: z.iso.datetime(),
});
export type DistributionView = z.infer<typeof DistributionView>;

/** A question as the widget renders it: texts in one language. */
export const PublicQuestionView = z.object({
	id: z.string(),
	type: z.enum(QUESTION_TYPES),
	required: z.boolean(),
	text: z.string(),
	help: z.string().nullable(),
	/** nps/csat/ces/rating/matrix: the scale's ends; choice questions and matrix rows: their options. */
	min: z.number().int().nullable(),
	max: z.number().int().nullable(),
	lowLabel: z.string().nullable(),
	highLabel: z.string().nullable(),
	options: z.array(z.object({ id: z.string(), label: z.string() })),
	rows: z.array(z.object({ id: z.string(), label: z.string() })),
	maxSelected: z.number().int().nullable(),
	maxLength: z.number().int().nullable(),
	placeholder: z.string().nullable(),
	showIf: ShowIf.nullable(),
});
export type PublicQuestionView = z.infer<typeof PublicQuestionView>;

/** GET /api/v1/public/surveys/{slug}: what the widget needs to render and submit one survey. */
export const PublicSurveyView = z.object({
	slug: z.string(),
	kind: SurveyKind,
	audience: Audience,
	language: SurveyLanguage,
	languages: z.array(SurveyLanguage),
	versionId: z.uuid(),
	title: z.string(),
	intro: z.string().nullable(),
	thankYou: z.string().nullable(),
	hiddenFields: z.array(z.string()),
	questions: z.array(PublicQuestionView),
});
export type PublicSurveyView = z.infer<typeof PublicSurveyView>;

export const PublicSurveyQuery = z.object({
	siteKey: z.string().min(1).max(100),
	lang: SurveyLanguage.optional(),
});

/** GET /api/v1/public/widget-surveys?siteKey=: the live widget surveys of a site with their triggers. */
export const WidgetSurveyView = z.object({
	distributionId: z.uuid(),
	surveySlug: z.string(),
	trigger: WidgetTrigger,
	position: z.string(),
});
export type WidgetSurveyView = z.infer<typeof WidgetSurveyView>;

/**
 * The group of a standard score: NPS 9–10 promoter, 7–8 passive, 0–6 detractor (Reichheld 2003);
 * CSAT 4–5 satisfied, 3 neutral, 1–2 dissatisfied (top-2-box); CES 5–7 easy, 4 neutral, 1–3 difficult.
 */
export const SCORE_GROUPS = [
	"promoter",
	"passive",
	"detractor",
	"satisfied",
	"neutral",
	"dissatisfied",
	"easy",
	"difficult",
] as const;
export const ScoreGroup = z.enum(SCORE_GROUPS);
export type ScoreGroup = z.infer<typeof ScoreGroup>;
export const ScoreType = z.enum(["nps", "csat", "ces"]);
