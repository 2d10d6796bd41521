// Alert rules: what to watch (kind, touchpoints), how to compare (window vs previous window or baseline, minimum
// sample and change, FDR), whom to tell (in-app, members by email, a signed webhook). New organizations get defaults.
import { randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid, notFound } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import { findTouchpointNames } from "../../journey/service/load";
import type {
	AlertChannels,
	AlertRuleView,
	AlertRuleWithSecretView,
	CreateAlertRuleInput,
	UpdateAlertRuleInput,
} from "../contract-alerts";
import { alertRules, alertSettings } from "../schema-dashboards";

export type AlertRuleRow = typeof alertRules.$inferSelect;

export const toAlertRuleView = (row: AlertRuleRow): AlertRuleView => ({
	id: row.id,
	name: row.name,
	kind: row.kind,
	isEnabled: row.isEnabled,
	scope: row.scope,
	windowDays: row.windowDays,
	comparison: row.comparison,
	baselineDays: row.baselineDays,
	minSample: row.minSample,
	minChange: row.minChange,
	fdr: row.fdr,
	channels: row.channels,
	hasWebhookSecret: row.webhookSecret !== null,
	lastEvaluatedAt: row.lastEvaluatedAt?.toISOString() ?? null,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;
const NO_CHANNELS: AlertChannels = { inApp: true, emailUserIds: [], webhookUrl: null };

/**
 * The defaults: a lasting NPS drop (4 weeks against the 12 weeks before — a change that started two months ago still
 * shows), and short-term spikes of detractors and of negative themes (this week against the 4 weeks before).
 */
export const DEFAULT_ALERT_RULES: (Omit<CreateAlertRuleInput, "channels" | "name"> & {
	name: { de: string; en: string };
})[] = [
	{
		name: { de: "NPS-Rückgang", en: "NPS drop" },
		kind: "nps_drop",
		isEnabled: true,
		scope: { touchpointIds: [] },
		windowDays: 28,
		comparison: "baseline",
		baselineDays: 84,
		minSample: 30,
		minChange: 5,
		fdr: 0.05,
	},
	{
		name: { de: "Anstieg der Kritiker", en: "Detractor spike" },
		kind: "detractor_spike",
		isEnabled: true,
		scope: { touchpointIds: [] },
		windowDays: 7,
		comparison: "baseline",
		baselineDays: 28,
		minSample: 30,
		minChange: 10,
		fdr: 0.05,
	},
	{
		name: { de: "Negatives Thema nimmt zu", en: "Negative theme surge" },
		kind: "negative_theme_surge",
		isEnabled: true,
		scope: { touchpointIds: [] },
		windowDays: 7,
		comparison: "baseline",
		baselineDays: 28,
		minSample: 30,
		minChange: 10,
		fdr: 0.05,
	},
];

/** Creates the default rules once per organization (a user who deletes them all keeps none), named in its language. */
export async function ensureDefaultAlertRules(db: Db, organizationId: string, now: Date): Promise<void> {
	await db.transaction(async (tx) => {
		const { rows } = (await tx.execute(
			sql`select default_language from organizations where id = ${organizationId}`,
		)) as unknown as { rows: { default_language: string }[] };
		const language = rows[0]?.default_language === "en" ? "en" : "de";
		const [created] = await tx
			.insert(alertSettings)
			.values({ organizationId, defaultRulesCreatedAt: now })
			.onConflictDoNothing()
			.returning({ id: alertSettings.organizationId });
		if (!created) return;
		await tx.insert(alertRules).values(
			// A millisecond apart, so that they list in this order.
			DEFAULT_ALERT_RULES.map((rule, i) => ({
				...rule,
				name: rule.name[language],
				organizationId,
				channels: NO_CHANNELS,
				createdAt: new Date(now.getTime() + i),
				updatedAt: now,
			})),
		);
	});
}

export async function getAlertRuleInOrg(db: Db, organizationId: string, id: string): Promise<AlertRuleRow> {
	const [row] = await db
		.select()
		.from(alertRules)
		.where(and(eq(alertRules.organizationId, organizationId), eq(alertRules.id, id)));
	if (!row) throw notFound("Alert rule");
	return row;
}

export async function findAlertRules(ctx: Ctx): Promise<{ items: AlertRuleView[] }> {
	await ensureDefaultAlertRules(ctx.db, ctx.organizationId, ctx.now);
	const rows = await ctx.db
		.select()
		.from(alertRules)
		.where(eq(alertRules.organizationId, ctx.organizationId))
		.orderBy(asc(alertRules.createdAt), asc(alertRules.id))
		.limit(200);
	return { items: rows.map(toAlertRuleView) };
}

/** Touchpoints and email recipients must be the organization's own. */
async function assertReferences(ctx: Ctx, input: { scope?: { touchpointIds: string[] }; channels?: AlertChannels }) {
	const touchpointIds = input.scope?.touchpointIds ?? [];
	const names = await findTouchpointNames(ctx.db, ctx.organizationId, touchpointIds);
	const unknown = touchpointIds.find((id) => !names.has(id));
	if (unknown) throw invalid("scope.touchpointIds: a touchpoint id is not one of this organization's touchpoints");
	const userIds = [...new Set(input.channels?.emailUserIds ?? [])];
	if (userIds.length > 0) {
		const result = (await ctx.db.execute(
			sql`select user_id from memberships where organization_id = ${ctx.organizationId}
				and user_id in (${sql.join(
					userIds.map((id) => sql`${id}::uuid`),
					sql`, `,
				)})`,
		)) as unknown as { rows: { user_id: string }[] };
		const members = new Set(result.rows.map((r) => r.user_id));
		const stranger = userIds.find((id) => !members.has(id));
		if (stranger) throw invalid("channels.emailUserIds: a user id is not a member of this organization");
	}
}

export async function createAlertRule(ctx: Ctx, input: CreateAlertRuleInput): Promise<AlertRuleWithSecretView> {
	await assertReferences(ctx, input);
	const webhookSecret = input.channels.webhookUrl ? newWebhookSecret() : null;
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(alertRules)
			.values({ ...input, organizationId: ctx.organizationId, webhookSecret, createdAt: ctx.now, updatedAt: ctx.now })
			.returning();
		if (!row) throw new Error("alert rule not written");
		await recordAudit(
			tx,
			ctx,
			"alertRule.created",
			{ type: "alertRule", id: row.id },
			{ name: input.name, kind: input.kind },
		);
		return { ...toAlertRuleView(row), webhookSecret };
	});
}

export async function updateAlertRule(
	ctx: Ctx,
	id: string,
	input: UpdateAlertRuleInput,
): Promise<AlertRuleWithSecretView> {
	const existing = await getAlertRuleInOrg(ctx.db, ctx.organizationId, id);
	await assertReferences(ctx, input);
	const { rotateWebhookSecret, ...changes } = input;
	const webhookUrl = changes.channels ? changes.channels.webhookUrl : existing.channels.webhookUrl;
	// A webhook gets a secret when it first gets a URL, and a new one on request.
	const newSecret = webhookUrl && (rotateWebhookSecret || !existing.webhookSecret) ? newWebhookSecret() : null;
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(alertRules)
			.set({ ...changes, ...(newSecret ? { webhookSecret: newSecret } : {}), updatedAt: ctx.now })
			.where(and(eq(alertRules.organizationId, ctx.organizationId), eq(alertRules.id, id)))
			.returning();
		if (!row) throw notFound("Alert rule");
		await recordAudit(tx, ctx, "alertRule.updated", { type: "alertRule", id }, { fields: Object.keys(input) });
		return { ...toAlertRuleView(row), webhookSecret: newSecret };
	});
}

/** Deletes a rule; its alerts stay (without the rule) as history. */
export async function deleteAlertRule(ctx: Ctx, id: string): Promise<void> {
	const rule = await getAlertRuleInOrg(ctx.db, ctx.organizationId, id);
	await ctx.db.transaction(async (tx) => {
		await tx.delete(alertRules).where(and(eq(alertRules.organizationId, ctx.organizationId), eq(alertRules.id, id)));
		await recordAudit(tx, ctx, "alertRule.deleted", { type: "alertRule", id }, { name: rule.name });
	});
}
