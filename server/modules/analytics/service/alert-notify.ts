// Telling people about a fired alert: emails to the rule's members in their language (through the mail outbox) and a
// webhook POST signed with HMAC-SHA256, delivered by a job with retries; each delivery's status is kept on a row.
import { createHmac } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { Logger } from "../../../platform/logging";
import { type EmailOutcome, queueEmail } from "../../../platform/mail/mailer";
import type { AlertEvidence, AlertKind } from "../contract-alerts";
import { alertDeliveries, alertRules, alerts } from "../schema-dashboards";
import type { AlertRuleRow } from "./alert-rules";

export const ALERT_WEBHOOK_JOB = "analytics.alert-webhook";
export const ALERT_EMAIL_OUTCOME_JOB = "analytics.alert-email-outcome";
const WEBHOOK_TIMEOUT_MS = 10_000;

type AlertRow = typeof alerts.$inferSelect;
type NotifyEnv = { jobs: Jobs; publicUrl: string };

const KIND_TEXT: Record<AlertKind, { de: string; en: string }> = {
	nps_drop: { de: "NPS gesunken", en: "NPS dropped" },
	csat_drop: { de: "CSAT gesunken", en: "CSAT dropped" },
	ces_drop: { de: "Kundenaufwand verschlechtert", en: "Customer effort got worse" },
	detractor_spike: { de: "Mehr Kritiker", en: "Detractor spike" },
	complaint_spike: { de: "Mehr Beschwerden", en: "Complaint spike" },
	negative_theme_surge: { de: "Negatives Thema nimmt zu", en: "Negative theme surge" },
};

const fmt = (v: number | null, lang: "de" | "en") =>
	v === null ? "–" : v.toLocaleString(lang === "de" ? "de-DE" : "en-GB", { maximumFractionDigits: 1 });

/** Subject and text of the alert email in German or English. */
export function alertEmail(kind: AlertKind, e: AlertEvidence, qValue: number, lang: "de" | "en", url: string) {
	const where =
		[e.touchpointName, e.themeLabel?.[lang]].filter(Boolean).join(" · ") || (lang === "de" ? "alle" : "all");
	const sign = e.difference > 0 ? "+" : "";
	const subject = `[Loupe] ${KIND_TEXT[kind][lang]}: ${where} (${sign}${fmt(e.difference, lang)})`;
	const lines =
		lang === "de"
			? [
					`${KIND_TEXT[kind].de} – ${where}`,
					"",
					`Aktuell (${e.window.from} bis ${e.window.to}): ${fmt(e.current, "de")} (n = ${e.currentN})`,
					`Vergleich (${e.comparisonWindow.from} bis ${e.comparisonWindow.to}): ${fmt(e.previous, "de")} (n = ${e.previousN})`,
					`Veränderung: ${sign}${fmt(e.difference, "de")}${e.ci95 ? `, 95-%-KI [${fmt(e.ci95[0], "de")}; ${fmt(e.ci95[1], "de")}]` : ""}`,
					`q-Wert (Benjamini-Hochberg): ${qValue.toExponential(2)}`,
					"",
					`Ansehen und bestätigen: ${url}`,
				]
			: [
					`${KIND_TEXT[kind].en} – ${where}`,
					"",
					`Current (${e.window.from} to ${e.window.to}): ${fmt(e.current, "en")} (n = ${e.currentN})`,
					`Comparison (${e.comparisonWindow.from} to ${e.comparisonWindow.to}): ${fmt(e.previous, "en")} (n = ${e.previousN})`,
					`Change: ${sign}${fmt(e.difference, "en")}${e.ci95 ? `, 95% CI [${fmt(e.ci95[0], "en")}, ${fmt(e.ci95[1], "en")}]` : ""}`,
					`q-value (Benjamini–Hochberg): ${qValue.toExponential(2)}`,
					"",
					`View and acknowledge: ${url}`,
				];
	return { subject, text: lines.join("\n") };
}

/** Queues every notification of a newly fired alert inside the transaction that inserted it. */
export async function notifyAlertFired(tx: Db, env: NotifyEnv, rule: AlertRuleRow, alert: AlertRow): Promise<void> {
	const url = `${env.publicUrl}/insights/alerts`;
	const userIds = rule.channels.emailUserIds;
	if (userIds.length > 0) {
		const recipients = (
			(await tx.execute(
				sql`select u.email, u.locale from memberships m join users u on u.id = m.user_id
					where m.organization_id = ${rule.organizationId} and m.user_id in (${sql.join(
						userIds.map((id) => sql`${id}::uuid`),
						sql`, `,
					)})`,
			)) as unknown as { rows: { email: string; locale: string }[] }
		).rows;
		for (const recipient of recipients) {
			const lang = recipient.locale === "en" ? "en" : "de";
			const email = alertEmail(alert.kind, alert.evidence, alert.qValue, lang, url);
			const emailId = await queueEmail(tx, env.jobs, {
				organizationId: rule.organizationId,
				to: recipient.email,
				...email,
				notifyJob: ALERT_EMAIL_OUTCOME_JOB,
			});
			await tx.insert(alertDeliveries).values({
				organizationId: rule.organizationId,
				alertId: alert.id,
				channel: "email",
				target: recipient.email,
				emailId,
			});
		}
	}
	if (rule.channels.webhookUrl) {
		const [delivery] = await tx
			.insert(alertDeliveries)
			.values({
				organizationId: rule.organizationId,
				alertId: alert.id,
				channel: "webhook",
				target: rule.channels.webhookUrl,
				payload: webhookPayload(rule, alert),
			})
			.returning({ id: alertDeliveries.id });
		if (delivery) await env.jobs.enqueue(tx, ALERT_WEBHOOK_JOB, { deliveryId: delivery.id });
	}
}

/** The webhook message of a fired alert: the evidence as it was when it fired (later evaluations refresh the row). */
function webhookPayload(rule: Pick<AlertRuleRow, "id" | "name">, alert: AlertRow): Record<string, unknown> {
	return {
		type: "alert.fired",
		alert: {
			id: alert.id,
			kind: alert.kind,
			rule: { id: rule.id, name: rule.name },
			touchpointId: alert.touchpointId,
			theme: alert.theme,
			evidence: alert.evidence,
			pValue: alert.pValue,
			qValue: alert.qValue,
			firstSeenAt: alert.firstSeenAt.toISOString(),
		},
	};
}

/** The signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (the timestamp stops replays). */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
	const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
	return `t=${unixSeconds},v1=${mac}`;
}

/** One delivery attempt; throws on failure so that the job system retries with backoff. */
export async function deliverWebhook(
	env: { db: Db; log: Logger },
	deliveryId: string,
	meta: { retryCount: number; retryLimit: number },
) {
	const [row] = await env.db
		.select({ delivery: alertDeliveries, alert: alerts, rule: alertRules })
		.from(alertDeliveries)
		.innerJoin(alerts, eq(alerts.id, alertDeliveries.alertId))
		.leftJoin(alertRules, eq(alertRules.id, alerts.ruleId))
		.where(eq(alertDeliveries.id, deliveryId));
	if (!row || row.delivery.status === "delivered" || !row.rule?.webhookSecret) return;
	const { alert, rule, delivery } = row;
	const body = JSON.stringify(delivery.payload ?? webhookPayload(rule, alert));
	let statusCode: number | null = null;
	let error: string | null = null;
	try {
		const response = await fetch(delivery.target, {
			method: "POST",
			headers: {
				"content-type": "application/json",
				"user-agent": "Loupe-Webhook/1",
				"x-loupe-event": "alert.fired",
				"x-loupe-delivery": delivery.id,
				"x-loupe-signature": webhookSignature(rule.webhookSecret ?? "", body, Math.floor(Date.now() / 1000)),
			},
			body,
			redirect: "manual",
			signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
		});
		statusCode = response.status;
		await response.body?.cancel().catch(() => {});
		if (!response.ok) error = `HTTP ${response.status}`;
	} catch (cause) {
		error = String((cause as Error).message ?? cause).slice(0, 300);
	}
	const isLast = meta.retryCount >= meta.retryLimit;
	await env.db
		.update(alertDeliveries)
		.set({
			attempts: sql`${alertDeliveries.attempts} + 1`,
			lastStatusCode: statusCode,
			lastError: error,
			status: error ? (isLast ? "failed" : "pending") : "delivered",
			deliveredAt: error ? null : new Date(),
			updatedAt: new Date(),
		})
		.where(eq(alertDeliveries.id, deliveryId));
	if (error && !isLast) throw new Error(`webhook delivery failed: ${error}`);
}

/** Mirrors the outcome of an alert email's delivery onto its delivery row. */
export async function recordEmailOutcome(db: Db, outcome: EmailOutcome): Promise<void> {
	await db
		.update(alertDeliveries)
		.set({
			status: outcome.status === "sent" ? "delivered" : outcome.isPermanent ? "failed" : "pending",
			attempts: sql`${alertDeliveries.attempts} + 1`,
			lastError: outcome.error,
			deliveredAt: outcome.status === "sent" ? new Date() : null,
			updatedAt: new Date(),
		})
		.where(and(eq(alertDeliveries.emailId, outcome.emailId), inArray(alertDeliveries.channel, ["email"])));
}
