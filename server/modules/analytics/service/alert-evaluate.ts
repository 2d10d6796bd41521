// Evaluates an organization's alert rules on the rollups: per touchpoint (and theme) a two-period test, Benjamini–
// Hochberg across the rule's tests, then one alert per condition while it holds (a partial unique index on the
// condition key of uncleared alerts), cleared — and resolved — when the condition no longer holds.
import { and, eq, isNull } from "drizzle-orm";
import { benjaminiHochberg } from "../../../../lib/stats/multiple";
import { emptySummary, type KpiSummary } from "../../../../lib/stats/summary";
import { twoProportionTest } from "../../../../lib/stats/tests";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import type { Jobs } from "../../../platform/jobs/jobs";
import type { LiveBus } from "../../../platform/live/bus";
import type { Logger } from "../../../platform/logging";
import { findTouchpointNames } from "../../journey/service/load";
import { loadTaxonomy } from "../../text/service/taxonomy";
import type { AlertEvidence, AlertKind, EvaluationView } from "../contract-alerts";
import type { DashboardMetric } from "../contract-dashboards";
import { alertRules, alerts } from "../schema-dashboards";
import { notifyAlertFired } from "./alert-notify";
import { type AlertRuleRow, ensureDefaultAlertRules } from "./alert-rules";
import { summariesByTouchpoint } from "./kpis";
import { metricOf, metricTest, round } from "./metric-values";
import { themeCounts } from "./themes";

/** `live` is absent where no browser can listen (the demo seed). */
export type AlertEnv = { db: Db; jobs: Jobs; live?: LiveBus; log: Logger; publicUrl: string };

const DAY_MS = 86_400_000;
type Window = { from: Date; to: Date };

/** The rule's window (the last `windowDays` days, today included) and the one it is compared with. */
export function windowsOf(rule: Pick<AlertRuleRow, "windowDays" | "comparison" | "baselineDays">, now: Date) {
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
	const before = rule.comparison === "previous" ? rule.windowDays : rule.baselineDays;
	return {
		current: { from: at(rule.windowDays - 1), to: now },
		comparison: { from: at(rule.windowDays + before - 1), to: at(rule.windowDays) },
	};
}

const METRIC: Partial<Record<AlertKind, { metric: DashboardMetric; worse: -1 | 1; n: (s: KpiSummary) => number }>> = {
	nps_drop: { metric: "nps", worse: -1, n: (s) => s.npsN },
	csat_drop: { metric: "csat", worse: -1, n: (s) => s.csatN },
	ces_drop: { metric: "ces", worse: -1, n: (s) => s.cesN },
	detractor_spike: { metric: "detractorShare", worse: 1, n: (s) => s.npsN },
	complaint_spike: { metric: "complaintRate", worse: 1, n: (s) => s.responses },
};

type Candidate = {
	touchpointId: string | null;
	theme: string | null;
	metric: string;
	current: number | null;
	previous: number | null;
	difference: number;
	ci95: [number, number] | null;
	currentN: number;
	previousN: number;
	pValue: number;
};

async function touchpointCandidates(ctx: Ctx, rule: AlertRuleRow, windows: { current: Window; comparison: Window }) {
	const spec = METRIC[rule.kind];
	if (!spec) return [];
	const scope = rule.scope.touchpointIds.length > 0 ? { touchpointIds: rule.scope.touchpointIds } : {};
	const [now, before] = await Promise.all([
		summariesByTouchpoint(ctx, { ...windows.current, ...scope }),
		summariesByTouchpoint(ctx, { ...windows.comparison, ...scope }),
	]);
	const candidates: Candidate[] = [];
	for (const [touchpointId, current] of now) {
		const previous = before.get(touchpointId) ?? emptySummary();
		if (spec.n(current) < rule.minSample || spec.n(previous) < rule.minSample) continue;
		const test = metricTest(current, previous, spec.metric);
		if (!test) continue;
		candidates.push({
			touchpointId,
			theme: null,
			metric: spec.metric,
			current: metricOf(current, spec.metric)?.value ?? null,
			previous: metricOf(previous, spec.metric)?.value ?? null,
			difference: test.difference,
			ci95: test.ci95,
			currentN: spec.n(current),
			previousN: spec.n(previous),
			pValue: test.pValue,
		});
	}
	return candidates;
}

/** Share of a theme's negative mentions among all theme mentions of the touchpoint, window against comparison. */
async function themeCandidates(ctx: Ctx, rule: AlertRuleRow, windows: { current: Window; comparison: Window }) {
	const scope = rule.scope.touchpointIds.length > 0 ? { touchpointIds: rule.scope.touchpointIds } : {};
	const [now, before] = await Promise.all([
		themeCounts(ctx, { ...windows.current, ...scope }),
		themeCounts(ctx, { ...windows.comparison, ...scope }),
	]);
	const totals = (rows: typeof now) => {
		const byTouchpoint = new Map<string | null, number>();
		for (const r of rows) byTouchpoint.set(r.touchpointId, (byTouchpoint.get(r.touchpointId) ?? 0) + r.count);
		return byTouchpoint;
	};
	const nowTotals = totals(now);
	const beforeTotals = totals(before);
	const beforeNegative = new Map<string, number>();
	for (const r of before)
		beforeNegative.set(
			`${r.touchpointId}|${r.theme}`,
			(beforeNegative.get(`${r.touchpointId}|${r.theme}`) ?? 0) + r.negative,
		);
	const seen = new Set<string>();
	const candidates: Candidate[] = [];
	for (const r of now) {
		const key = `${r.touchpointId}|${r.theme}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const negative = now.filter((x) => `${x.touchpointId}|${x.theme}` === key).reduce((sum, x) => sum + x.negative, 0);
		const n = nowTotals.get(r.touchpointId) ?? 0;
		const previousN = beforeTotals.get(r.touchpointId) ?? 0;
		if (n < rule.minSample || previousN < rule.minSample) continue;
		const previousNegative = beforeNegative.get(key) ?? 0;
		const test = twoProportionTest({ count: negative, n }, { count: previousNegative, n: previousN });
		if (!test) continue;
		candidates.push({
			touchpointId: r.touchpointId,
			theme: r.theme,
			metric: "negativeThemeShare",
			current: (100 * negative) / n,
			previous: (100 * previousNegative) / previousN,
			difference: test.difference,
			ci95: test.ci95,
			currentN: n,
			previousN,
			pValue: test.pValue,
		});
	}
	return candidates;
}

/** Evaluates one organization's enabled rules at `now`; returns how many alerts fired and cleared. */
export async function evaluateAlerts(env: AlertEnv, organizationId: string, now: Date): Promise<EvaluationView> {
	await ensureDefaultAlertRules(env.db, organizationId, now);
	const ctx: Ctx = {
		db: env.db,
		jobs: env.jobs,
		log: env.log,
		now,
		organizationId,
		actor: { type: "job", name: "analytics.alerts" },
	};
	const rules = await env.db
		.select()
		.from(alertRules)
		.where(and(eq(alertRules.organizationId, organizationId), eq(alertRules.isEnabled, true)));
	const result: EvaluationView = { evaluatedRules: 0, fired: 0, cleared: 0 };
	const fired: { id: string; kind: AlertKind }[] = [];
	for (const rule of rules) {
		const windows = windowsOf(rule, now);
		const candidates =
			rule.kind === "negative_theme_surge"
				? await themeCandidates(ctx, rule, windows)
				: await touchpointCandidates(ctx, rule, windows);
		const { adjusted, rejected } = benjaminiHochberg(
			candidates.map((c) => c.pValue),
			rule.fdr,
		);
		const worse = rule.kind === "nps_drop" || rule.kind === "csat_drop" || rule.kind === "ces_drop" ? -1 : 1;
		const hits = candidates
			.map((c, i) => ({ ...c, qValue: adjusted[i] ?? 1, isRejected: rejected[i] ?? false }))
			.filter((c) => c.isRejected && Math.sign(c.difference) === worse && Math.abs(c.difference) >= rule.minChange);
		const names = await findTouchpointNames(
			env.db,
			organizationId,
			hits.flatMap((h) => (h.touchpointId ? [h.touchpointId] : [])),
		);
		const labels = hits.some((h) => h.theme)
			? new Map((await loadTaxonomy(env.db, organizationId)).themes.map((t) => [t.id, t.label]))
			: new Map<string, { de: string; en: string }>();
		const activeKeys = new Set<string>();
		for (const hit of hits) {
			const conditionKey = `${rule.id}:${hit.touchpointId ?? "-"}:${hit.theme ?? "-"}`;
			activeKeys.add(conditionKey);
			const evidence: AlertEvidence = {
				metric: hit.metric,
				current: hit.current === null ? null : round(hit.current, 2),
				previous: hit.previous === null ? null : round(hit.previous, 2),
				difference: round(hit.difference, 2),
				ci95: hit.ci95 ? [round(hit.ci95[0], 2), round(hit.ci95[1], 2)] : null,
				currentN: hit.currentN,
				previousN: hit.previousN,
				window: {
					from: windows.current.from.toISOString().slice(0, 10),
					to: windows.current.to.toISOString().slice(0, 10),
				},
				comparisonWindow: {
					from: windows.comparison.from.toISOString().slice(0, 10),
					to: windows.comparison.to.toISOString().slice(0, 10),
				},
				touchpointName: hit.touchpointId ? (names.get(hit.touchpointId) ?? null) : null,
				themeLabel: hit.theme ? (labels.get(hit.theme) ?? { de: hit.theme, en: hit.theme }) : null,
			};
			const id = await recordCondition(env, rule, { ...hit, conditionKey, evidence }, now);
			if (id) fired.push({ id, kind: rule.kind });
		}
		result.cleared += await clearVanished(env.db, rule, activeKeys, now);
		await env.db.update(alertRules).set({ lastEvaluatedAt: now }).where(eq(alertRules.id, rule.id));
		result.evaluatedRules++;
	}
	result.fired = fired.length;
	// Live events after the commits: a browser that refetches on them must see the rows.
	for (const alert of fired) {
		await env.live
			?.publish({ type: "alert.fired", organizationId, data: { id: alert.id, kind: alert.kind } })
			.catch((error) => env.log.warn({ err: error }, "alert live event not published"));
	}
	return result;
}

/** Inserts the alert of a new condition (and notifies) or refreshes the evidence of one still holding; the new id or null. */
async function recordCondition(
	env: AlertEnv,
	rule: AlertRuleRow,
	hit: {
		touchpointId: string | null;
		theme: string | null;
		conditionKey: string;
		evidence: AlertEvidence;
		pValue: number;
		qValue: number;
	},
	now: Date,
): Promise<string | null> {
	return env.db.transaction(async (tx) => {
		const [inserted] = await tx
			.insert(alerts)
			.values({
				organizationId: rule.organizationId,
				ruleId: rule.id,
				kind: rule.kind,
				conditionKey: hit.conditionKey,
				touchpointId: hit.touchpointId,
				theme: hit.theme,
				evidence: hit.evidence,
				pValue: hit.pValue,
				qValue: hit.qValue,
				firstSeenAt: now,
				lastSeenAt: now,
				createdAt: now,
			})
			.onConflictDoNothing({ target: [alerts.organizationId, alerts.conditionKey], where: isNull(alerts.clearedAt) })
			.returning();
		if (!inserted) {
			await tx
				.update(alerts)
				.set({ evidence: hit.evidence, pValue: hit.pValue, qValue: hit.qValue, lastSeenAt: now })
				.where(
					and(
						eq(alerts.organizationId, rule.organizationId),
						eq(alerts.conditionKey, hit.conditionKey),
						isNull(alerts.clearedAt),
					),
				);
			return null;
		}
		await notifyAlertFired(tx, env, rule, inserted);
		return inserted.id;
	});
}

/** Conditions of the rule that no longer hold are cleared (a later recurrence alerts again) and resolved. */
async function clearVanished(db: Db, rule: AlertRuleRow, activeKeys: Set<string>, now: Date): Promise<number> {
	const active = await db
		.select({ id: alerts.id, conditionKey: alerts.conditionKey, status: alerts.status })
		.from(alerts)
		.where(and(eq(alerts.organizationId, rule.organizationId), eq(alerts.ruleId, rule.id), isNull(alerts.clearedAt)));
	let cleared = 0;
	for (const alert of active) {
		if (activeKeys.has(alert.conditionKey)) continue;
		await db
			.update(alerts)
			.set({
				clearedAt: now,
				...(alert.status === "resolved"
					? {}
					: { status: "resolved" as const, statusChangedAt: now, statusChangedBy: null }),
			})
			.where(eq(alerts.id, alert.id));
		cleared++;
	}
	return cleared;
}
