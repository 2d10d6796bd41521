// Payloads of the text analytics API: taxonomy, corrections, emerging topics, re-analysis, retraining.
import { z } from "zod";

export const SentimentLabel = z.enum(["negative", "neutral", "positive"]);
export type SentimentLabel = z.infer<typeof SentimentLabel>;
export const IntentLabel = z.enum(["complaint", "praise", "question", "suggestion"]);
export type IntentLabel = z.infer<typeof IntentLabel>;
export const TargetKind = z.enum(["response", "mention"]);
export type TargetKind = z.infer<typeof TargetKind>;

/** What the pipeline stores on a response or mention. */
export const AnalysisView = z.object({
	language: z.string(),
	sentiment: SentimentLabel,
	scores: z.object({ negative: z.number(), neutral: z.number(), positive: z.number() }),
	intents: z.array(IntentLabel),
	themes: z.array(z.object({ theme: z.string(), confidence: z.number(), sentiment: SentimentLabel })),
	redacted: z.string().optional(),
	truncated: z.boolean().optional(),
	corrected: z.boolean().optional(),
});
export type AnalysisView = z.infer<typeof AnalysisView>;

const Keyword = z.string().trim().min(2).max(60);
const ThemeKey = z
	.string()
	.trim()
	.min(2)
	.max(40)
	.regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lowercase letters, digits, - and _");

export const ThemeView = z.object({
	id: z.uuid(),
	key: z.string(),
	label: z.object({ de: z.string(), en: z.string() }),
	keywords: z.object({ de: z.array(z.string()), en: z.array(z.string()) }),
	isActive: z.boolean(),
	updatedAt: z.iso.datetime(),
});
export type ThemeView = z.infer<typeof ThemeView>;

export const CreateThemeInput = z
	.object({
		key: ThemeKey,
		label: z.object({ de: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }).strict(),
		keywords: z
			.object({ de: z.array(Keyword).max(100).default([]), en: z.array(Keyword).max(100).default([]) })
			.strict()
			.refine((k) => k.de.length + k.en.length > 0, "Give at least one keyword"),
	})
	.strict();
export type CreateThemeInput = z.infer<typeof CreateThemeInput>;

export const UpdateThemeInput = z
	.object({
		label: z
			.object({ de: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) })
			.strict()
			.optional(),
		keywords: z
			.object({ de: z.array(Keyword).max(100), en: z.array(Keyword).max(100) })
			.strict()
			.optional(),
		isActive: z.boolean().optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Send at least one field");
export type UpdateThemeInput = z.infer<typeof UpdateThemeInput>;

export const CorrectionInput = z
	.object({
		targetKind: TargetKind,
		targetId: z.uuid(),
		sentiment: SentimentLabel.optional(),
		intents: z.array(IntentLabel).max(4).optional(),
		themes: z.array(ThemeKey).max(20).optional(),
	})
	.strict()
	.refine((v) => v.sentiment || v.intents || v.themes, "Correct at least one of sentiment, intents, themes");
export type CorrectionInput = z.infer<typeof CorrectionInput>;

export const EmergingQuery = z.object({
	/** End of the current week (exclusive); now when left out. */
	until: z.iso.datetime().optional(),
	baselineWeeks: z.coerce.number().int().min(1).max(12).default(4),
	language: z.enum(["de", "en"]).optional(),
});
export type EmergingQuery = z.infer<typeof EmergingQuery>;

export const EmergingTopicView = z.object({
	term: z.string(),
	count: z.number().int(),
	baselineCount: z.number().int(),
	expected: z.number(),
	lift: z.number(),
	g2: z.number(),
	pValue: z.number(),
	/** A theme of the taxonomy already has this term among its keywords. */
	isTheme: z.boolean(),
});
export const EmergingTopicsView = z.object({
	from: z.iso.datetime(),
	until: z.iso.datetime(),
	documents: z.number().int(),
	baselineDocuments: z.number().int(),
	topics: z.array(EmergingTopicView),
});
export type EmergingTopicsView = z.infer<typeof EmergingTopicsView>;

export const ReanalysisView = z.object({
	id: z.uuid(),
	status: z.enum(["running", "done", "failed"]),
	reason: z.string(),
	total: z.number().int(),
	processed: z.number().int(),
	error: z.string().nullable(),
	createdAt: z.iso.datetime(),
	finishedAt: z.iso.datetime().nullable(),
});
export type ReanalysisView = z.infer<typeof ReanalysisView>;

export const StartReanalysisInput = z.object({ reason: z.string().trim().min(1).max(200).default("manual") }).strict();

export const ModelView = z.object({
	id: z.uuid(),
	language: z.string(),
	status: z.enum(["training", "active", "rejected", "retired", "failed"]),
	examples: z.number().int(),
	metrics: z
		.object({
			heldOut: z.number().int(),
			before: z.object({ accuracy: z.number(), macroF1: z.number() }),
			after: z.object({ accuracy: z.number(), macroF1: z.number() }),
		})
		.nullable(),
	error: z.string().nullable(),
	createdAt: z.iso.datetime(),
	finishedAt: z.iso.datetime().nullable(),
});
export type ModelView = z.infer<typeof ModelView>;

export const TrainModelInput = z.object({ language: z.enum(["de", "en"]) }).strict();

export const TextSettingsView = z.object({ redactPii: z.boolean() });
export const UpdateTextSettingsInput = z.object({ redactPii: z.boolean() }).strict();

export const ThemeTrendQuery = z
	.object({
		from: z.iso.datetime({ offset: true }).optional(),
		to: z.iso.datetime({ offset: true }).optional(),
		interval: z.enum(["week", "month"]).default("week"),
	})
	.refine((v) => !v.from || !v.to || new Date(v.from) < new Date(v.to), {
		message: "from must be before to",
		path: ["to"],
	});
export type ThemeTrendQuery = z.infer<typeof ThemeTrendQuery>;

export const ThemeTrendView = z.object({
	from: z.iso.datetime(),
	to: z.iso.datetime(),
	interval: z.enum(["week", "month"]),
	themes: z.array(
		z.object({
			theme: z.string(),
			total: z.number().int(),
			periods: z.array(z.object({ start: z.string(), count: z.number().int(), negative: z.number().int() })),
		}),
	),
});
export type ThemeTrendView = z.infer<typeof ThemeTrendView>;
