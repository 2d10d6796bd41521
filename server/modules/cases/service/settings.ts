// The organization's case settings: business calendar, SLA targets per priority, cost rate. Defaults apply until
// an admin saves their own (reading never writes).
import { eq } from "drizzle-orm";
import type { BusinessCalendar } from "../../../../lib/cases/business-hours";
import { addBusinessMinutes } from "../../../../lib/cases/business-hours";
import type { Ctx } from "../../../platform/context";
import type { Db, Tx } from "../../../platform/db";
import { recordAudit } from "../../admin/service/audit";
import { getOrganization } from "../../admin/service/organizations";
import {
	type BusinessHours,
	CASE_PRIORITIES,
	type CasePriority,
	type CaseSettingsView,
	type SlaPolicyView,
	type UpdateCaseSettingsInput,
} from "../contract";
import { caseSettings, slaPolicies } from "../schema";

const WEEKDAY: [string, string][] = [["08:00", "18:00"]];
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
	"1": WEEKDAY,
	"2": WEEKDAY,
	"3": WEEKDAY,
	"4": WEEKDAY,
	"5": WEEKDAY,
};

/** Business minutes per priority: first response, resolution. */
export const DEFAULT_SLA: Record<CasePriority, { firstResponseMinutes: number; resolutionMinutes: number }> = {
	urgent: { firstResponseMinutes: 60, resolutionMinutes: 480 },
	high: { firstResponseMinutes: 240, resolutionMinutes: 960 },
	normal: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
	low: { firstResponseMinutes: 960, resolutionMinutes: 4800 },
};

const DEFAULTS = {
	businessHours: DEFAULT_BUSINESS_HOURS,
	holidays: [] as string[],
	costPerHourCents: 4500,
	currency: "EUR",
	autoAcknowledge: true,
};

type SettingsValues = typeof DEFAULTS;

async function settingsValues(db: Db | Tx, organizationId: string): Promise<SettingsValues> {
	const [row] = await db.select().from(caseSettings).where(eq(caseSettings.organizationId, organizationId));
	return row
		? {
				businessHours: row.businessHours,
				holidays: row.holidays,
				costPerHourCents: row.costPerHourCents,
				currency: row.currency,
				autoAcknowledge: row.autoAcknowledge,
			}
		: DEFAULTS;
}

export async function getSlaPolicies(db: Db | Tx, organizationId: string): Promise<SlaPolicyView[]> {
	const rows = await db.select().from(slaPolicies).where(eq(slaPolicies.organizationId, organizationId));
	return CASE_PRIORITIES.map((priority) => {
		const row = rows.find((r) => r.priority === priority);
		return {
			priority,
			firstResponseMinutes: row?.firstResponseMinutes ?? DEFAULT_SLA[priority].firstResponseMinutes,
			resolutionMinutes: row?.resolutionMinutes ?? DEFAULT_SLA[priority].resolutionMinutes,
		};
	});
}

/** The organization's calendar in its time zone (organization settings). */
export async function calendarOf(db: Db | Tx, organizationId: string): Promise<BusinessCalendar> {
	// One query after the other: `db` may be a transaction, whose one connection takes one query at a time.
	const values = await settingsValues(db, organizationId);
	const organization = await getOrganization(db as Db, organizationId);
	return { timeZone: organization.timezone, hours: values.businessHours, holidays: values.holidays };
}

export type SlaClock = { calendar: BusinessCalendar; policies: SlaPolicyView[] };

export async function slaClockOf(db: Db | Tx, organizationId: string): Promise<SlaClock> {
	const calendar = await calendarOf(db, organizationId);
	return { calendar, policies: await getSlaPolicies(db, organizationId) };
}

/** Due times of a case opened at `from` with `priority`, in business minutes of the calendar. */
export function dueTimesFor(clock: SlaClock, priority: CasePriority, from: Date) {
	const policy = clock.policies.find((p) => p.priority === priority) ?? { ...DEFAULT_SLA[priority], priority };
	return {
		firstResponseDueAt: addBusinessMinutes(from, policy.firstResponseMinutes, clock.calendar),
		resolutionDueAt: addBusinessMinutes(from, policy.resolutionMinutes, clock.calendar),
	};
}

export async function getCaseSettings(ctx: Ctx): Promise<CaseSettingsView> {
	const [values, policies, organization] = await Promise.all([
		settingsValues(ctx.db, ctx.organizationId),
		getSlaPolicies(ctx.db, ctx.organizationId),
		getOrganization(ctx.db, ctx.organizationId),
	]);
	return { timezone: organization.timezone, ...values, slaPolicies: policies };
}

/** Saves settings; SLA changes apply to cases opened afterwards (due times of open cases stay as promised). */
export async function updateCaseSettings(ctx: Ctx, input: UpdateCaseSettingsInput): Promise<CaseSettingsView> {
	await ctx.db.transaction(async (tx) => {
		const { slaPolicies: policies, ...rest } = input;
		const current = await settingsValues(tx, ctx.organizationId);
		const next = { ...current, ...rest, updatedAt: ctx.now };
		await tx
			.insert(caseSettings)
			.values({ organizationId: ctx.organizationId, ...next })
			.onConflictDoUpdate({ target: caseSettings.organizationId, set: next });
		for (const policy of policies ?? []) {
			await tx
				.insert(slaPolicies)
				.values({ organizationId: ctx.organizationId, ...policy, updatedAt: ctx.now })
				.onConflictDoUpdate({
					target: [slaPolicies.organizationId, slaPolicies.priority],
					set: {
						firstResponseMinutes: policy.firstResponseMinutes,
						resolutionMinutes: policy.resolutionMinutes,
						updatedAt: ctx.now,
					},
				});
		}
		await recordAudit(tx, ctx, "cases.settings.updated", { type: "case_settings", id: null }, input);
	});
	return getCaseSettings(ctx);
}

/** For the demo and tests: stores defaults explicitly. */
export async function ensureSlaDefaults(db: Db | Tx, organizationId: string): Promise<void> {
	await db
		.insert(slaPolicies)
		.values(CASE_PRIORITIES.map((priority) => ({ organizationId, priority, ...DEFAULT_SLA[priority] })))
		.onConflictDoNothing();
	await db.insert(caseSettings).values({ organizationId, businessHours: DEFAULT_BUSINESS_HOURS }).onConflictDoNothing();
}
