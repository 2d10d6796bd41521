// Formatting of the cases area: relative due times with their tone, business durations, money and shares.
import type { CasePriority, CaseStatus, CaseView } from "../../../server/modules/cases/contract";

export const PRIORITY_COLORS: Record<CasePriority, string> = {
	low: "gray",
	normal: "blue",
	high: "orange",
	urgent: "red",
};

export const STATUS_COLORS: Record<CaseStatus, string> = {
	new: "grape",
	open: "blue",
	waiting: "yellow",
	resolved: "teal",
	closed: "gray",
};

const OPEN_STATUSES: readonly CaseStatus[] = ["new", "open", "waiting"];
export const isCaseOpen = (status: CaseStatus) => OPEN_STATUSES.includes(status);

/** The due time that matters now: the first response until it is given, then the resolution. */
export function nextDueAt(
	view: Pick<CaseView, "status" | "firstRespondedAt" | "firstResponseDueAt" | "resolutionDueAt">,
) {
	if (!isCaseOpen(view.status)) return null;
	if (!view.firstRespondedAt && view.firstResponseDueAt)
		return { kind: "firstResponse" as const, at: view.firstResponseDueAt };
	return view.resolutionDueAt ? { kind: "resolution" as const, at: view.resolutionDueAt } : null;
}

/** Red when past due, orange within the next four hours, otherwise neutral. */
export function dueTone(iso: string, now: number): "over" | "near" | "ok" {
	const left = new Date(iso).getTime() - now;
	if (left < 0) return "over";
	return left < 4 * 3_600_000 ? "near" : "ok";
}

export const DUE_COLORS = { over: "red", near: "orange", ok: "dimmed" } as const;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
	["day", 86_400_000],
	["hour", 3_600_000],
	["minute", 60_000],
];

/** "in 3 hours" / "vor 2 Tagen". */
export function relativeTime(iso: string, now: number, language: string): string {
	const diff = new Date(iso).getTime() - now;
	const format = new Intl.RelativeTimeFormat(language, { numeric: "auto", style: "short" });
	for (const [unit, ms] of UNITS) {
		if (Math.abs(diff) >= ms || unit === "minute") return format.format(Math.round(diff / ms), unit);
	}
	return format.format(0, "minute");
}

/** Minutes as "2 h 15 min" / "3 d 4 h" (durations of metrics and SLA targets). */
export function formatMinutes(minutes: number | null | undefined): string {
	if (minutes === null || minutes === undefined) return "—";
	const rounded = Math.round(minutes);
	if (rounded < 60) return `${rounded} min`;
	const hours = Math.floor(rounded / 60);
	if (hours < 48) return rounded % 60 ? `${hours} h ${rounded % 60} min` : `${hours} h`;
	const days = Math.floor(hours / 24);
	return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export const formatShare = (share: number | null | undefined, language: string) =>
	share === null || share === undefined
		? "—"
		: new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }).format(share);

export const formatMoney = (cents: number | null | undefined, currency: string, language: string) =>
	cents === null || cents === undefined
		? "—"
		: new Intl.NumberFormat(language, { style: "currency", currency }).format(cents / 100);
