// Payloads of alerts: rules (what to watch, how to compare, whom to tell), fired alerts with their evidence.
import { z } from "zod";

export const ALERT_KINDS = [
	"nps_drop",
	"csat_drop",
	"ces_drop",
	"detractor_spike",
	"complaint_spike",
	"negative_theme_surge",
] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;
export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export const AlertStatus = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const AlertRuleScope = z.object({ touchpointIds: z.array(z.uuid()).max(100).default([]) }).strict();
export type AlertRuleScope = z.infer<typeof AlertRuleScope>;

export const AlertChannels = z
	.object({
		inApp: z.boolean().default(true),
		/** Members (user ids) who get an email in their language. */
		emailUserIds: z.array(z.uuid()).max(50).default([]),
		webhookUrl: z
			.url({ protocol: /^https?$/ })
			.max(2000)
			.nullable()
			.default(null),
	})
	.strict();
export type AlertChannels = z.infer<typeof AlertChannels>;

const Interval = z.tuple([z.number(), z.number()]);
const Window = z.object({ from: z.string(), to: z.string() });

export const AlertEvidence = z.object({
	metric: z.string(),
	current: z.number().nullable(),
	previous: z.number().nullable(),
	difference: z.number(),
	ci95: Interval.nullable(),
	currentN: z.number(),
	previousN: z.number(),
	window: Window,
	comparisonWindow: Window,
	touchpointName: z.string().nullable(),
	themeLabel: z.object({ de: z.string(), en: z.string() }).nullable(),
});
export type AlertEvidence = z.infer<typeof AlertEvidence>;

const ruleFields = {
	name: z.string().trim().min(1).max(120),
	kind: AlertKind,
	isEnabled: z.boolean(),
	scope: AlertRuleScope,
	windowDays: z.number().int().min(1).max(180),
	comparison: z.enum(["previous", "baseline"]),
	baselineDays: z.number().int().min(7).max(365),
	minSample: z.number().int().min(10).max(100_000),
	minChange: z.number().min(0).max(100),
	fdr: z.number().gt(0).max(0.2),
	channels: AlertChannels,
};

export const CreateAlertRuleInput = z
	.object({
		...ruleFields,
		isEnabled: ruleFields.isEnabled.default(true),
		scope: AlertRuleScope.default({ touchpointIds: [] }),
		windowDays: ruleFields.windowDays.default(28),
		comparison: ruleFields.comparison.default("baseline"),
		baselineDays: ruleFields.baselineDays.default(84),
		minSample: ruleFields.minSample.default(30),
		minChange: ruleFields.minChange.default(5),
		fdr: ruleFields.fdr.default(0.05),
		channels: AlertChannels.default({ inApp: true, emailUserIds: [], webhookUrl: null }),
	})
	.strict();
export type CreateAlertRuleInput = z.infer<typeof CreateAlertRuleInput>;

export const UpdateAlertRuleInput = z
	.object({
		name: ruleFields.name.optional(),
		isEnabled: ruleFields.isEnabled.optional(),
		scope: AlertRuleScope.optional(),
		windowDays: ruleFields.windowDays.optional(),
		comparison: ruleFields.comparison.optional(),
		baselineDays: ruleFields.baselineDays.optional(),
		minSample: ruleFields.minSample.optional(),
		minChange: ruleFields.minChange.optional(),
		fdr: ruleFields.fdr.optional(),
		channels: AlertChannels.optional(),
		/** A new webhook signing secret (shown once in the answer). */
		rotateWebhookSecret: z.literal(true).optional(),
	})
	.strict()
	.refine((v) => Object.keys(v).length > 0, "Change at least one field");
export type UpdateAlertRuleInput = z.infer<typeof UpdateAlertRuleInput>;

export const AlertRuleView = z.object({
	id: z.uuid(),
	...ruleFields,
	hasWebhookSecret: z.boolean(),
	lastEvaluatedAt: z.string().nullable(),
	createdAt: z.string(),
	updatedAt: z.string(),
});
export type AlertRuleView = z.infer<typeof AlertRuleView>;
/** On creation and rotation only: the webhook secret, to verify signatures with. */
export const AlertRuleWithSecretView = AlertRuleView.extend({ webhookSecret: z.string().nullable() });
export type AlertRuleWithSecretView = z.infer<typeof AlertRuleWithSecretView>;

export const AlertDeliveryView = z.object({
	channel: z.enum(["email", "webhook"]),
	target: z.string(),
	status: z.enum(["pending", "delivered", "failed"]),
	attempts: z.number(),
	lastStatusCode: z.number().nullable(),
	lastError: z.string().nullable(),
	deliveredAt: z.string().nullable(),
});
export type AlertDeliveryView = z.infer<typeof AlertDeliveryView>;

export const AlertView = z.object({
	id: z.uuid(),
	ruleId: z.uuid().nullable(),
	ruleName: z.string().nullable(),
	kind: AlertKind,
	touchpointId: z.uuid().nullable(),
	theme: z.string().nullable(),
	evidence: AlertEvidence,
	pValue: z.number(),
	qValue: z.number(),
	status: AlertStatus,
	statusChangedAt: z.string().nullable(),
	firstSeenAt: z.string(),
	lastSeenAt: z.string(),
	clearedAt: z.string().nullable(),
	deliveries: z.array(AlertDeliveryView),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertQuery = z.object({
	status: z.enum(["open", "acknowledged", "resolved", "active"]).optional(),
	cursor: z.string().max(500).optional(),
	limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AlertQuery = z.infer<typeof AlertQuery>;

export const UpdateAlertInput = z.object({ status: z.enum(["acknowledged", "resolved", "open"]) }).strict();
export type UpdateAlertInput = z.infer<typeof UpdateAlertInput>;

export const EvaluationView = z.object({ evaluatedRules: z.number(), fired: z.number(), cleared: z.number() });
export type EvaluationView = z.infer<typeof EvaluationView>;
