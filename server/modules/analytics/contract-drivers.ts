// Key driver analysis payloads (pure zod; the web app imports them).
import { z } from "zod";
import { Day, MAX_RANGE_DAYS } from "./contract";

export const DRIVER_KINDS = ["themes", "touchpoints"] as const;
export const DriverKind = z.enum(DRIVER_KINDS);
export type DriverKind = z.infer<typeof DriverKind>;
/** The period analysed when none is given: the last 90 days. */
export const DEFAULT_DRIVER_DAYS = 90;

const daysBetween = (from: string, to: string) =>
	(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000 + 1;
const periodChecks = <T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T) =>
	schema
		.refine((q) => (q.from === undefined) === (q.to === undefined), {
			message: "give both from and to, or neither",
			path: ["from"],
		})
		.refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
		.refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= MAX_RANGE_DAYS, {
			message: `a range may span at most ${MAX_RANGE_DAYS} days`,
			path: ["from"],
		});

export const DriversQuery = periodChecks(
	z.object({ kind: DriverKind.default("themes"), from: Day.optional(), to: Day.optional() }).strict(),
);
export type DriversQuery = z.infer<typeof DriversQuery>;

export const RecomputeDriversInput = periodChecks(
	z
		.object({
			/** Both kinds when omitted. */
			kind: DriverKind.optional(),
			from: Day.optional(),
			to: Day.optional(),
		})
		.strict(),
);
export type RecomputeDriversInput = z.infer<typeof RecomputeDriversInput>;

const Labels = z.object({ de: z.string(), en: z.string() });

export const DriverView = z.object({
	/** Theme key or touchpoint id. */
	key: z.string(),
	label: Labels,
	/** Johnson's raw relative weight: the part of R² this driver accounts for. */
	importance: z.number(),
	/** importance / R² in percent (the drivers' shares add up to 100). */
	importanceShare: z.number(),
	/** Shapley/LMG share of R² in percent, where computed (≤ 12 predictors). */
	shapleyShare: z.number().nullable(),
	/** Themes: of the importance, the part from negative mentions (percent); null for touchpoints. */
	negativeShare: z.number().nullable(),
	/** Themes: NPS (−100…100) of the responses mentioning the theme. Touchpoints: mean score rescaled to 0–100. */
	performance: z.number(),
	/** Themes: responses mentioning the theme; touchpoints: customers who rated it. */
	n: z.number().int(),
	/** Sign of the driver's correlation with the outcome. */
	direction: z.enum(["positive", "negative"]),
});
export type DriverView = z.infer<typeof DriverView>;

export const DriverAnalysis = z.object({
	drivers: z.array(DriverView),
	/** What is explained: the NPS rating 0–10 (themes) or a touchpoint's NPS rating (touchpoints). */
	outcome: z.object({ touchpointId: z.string().nullable(), label: Labels.nullable() }),
	/** Drivers left out for too few observations. */
	skipped: z.number().int(),
	/** Responses sampled when the period had more than the cap. */
	isSampled: z.boolean(),
	minimumN: z.number().int(),
	/**
	 * The performance of the whole sample on the drivers' scale (themes: the NPS of all analysed responses;
	 * touchpoints: the mean rating over all touchpoints): the matrix splits strong from weak here, not at a median.
	 */
	performanceBaseline: z.number().optional(),
});
export type DriverAnalysis = z.infer<typeof DriverAnalysis>;

export const DriverResultView = z.object({
	kind: DriverKind,
	from: Day,
	to: Day,
	status: z.enum(["missing", "computing", "ready", "failed"]),
	requestedAt: z.string().nullable(),
	computedAt: z.string().nullable(),
	n: z.number().int(),
	r2: z.number().nullable(),
	insufficientData: z.boolean(),
	analysis: DriverAnalysis.nullable(),
	error: z.string().nullable(),
});
export type DriverResultView = z.infer<typeof DriverResultView>;

export const RecomputeDriversView = z.object({
	requested: z.array(z.object({ kind: DriverKind, from: Day, to: Day })),
});
export type RecomputeDriversView = z.infer<typeof RecomputeDriversView>;
