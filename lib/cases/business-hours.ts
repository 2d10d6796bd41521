// Business-hours arithmetic for SLA due times: add business minutes to an instant and measure the business
// minutes between two instants, in an organization's time zone (via Intl, so DST days are as long as they are),
// with weekly opening hours and holidays. Pure: no clock, no I/O.

export type Weekday = "1" | "2" | "3" | "4" | "5" | "6" | "7";

export type BusinessCalendar = {
	/** IANA time zone, e.g. "Europe/Berlin". */
	timeZone: string;
	/** Weekday 1 (Monday) … 7 (Sunday) → opening ranges ["08:00","18:00"] in local time ("24:00" = midnight after). */
	hours: Partial<Record<Weekday, readonly (readonly [string, string])[]>>;
	/** Local dates (YYYY-MM-DD) on which the organization is closed. */
	holidays: readonly string[];
};

const MINUTE_MS = 60_000;
// A calendar open at least one day a week reaches any amount within this many days per 10,000 open minutes.
const MAX_DAYS = 20_000;

type LocalDate = { y: number; m: number; d: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat("en-US", {
			timeZone,
			hourCycle: "h23",
			year: "numeric",
			month: "numeric",
			day: "numeric",
			hour: "numeric",
			minute: "numeric",
			second: "numeric",
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(ms: number, timeZone: string) {
	const fields: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
		if (part.type !== "literal") fields[part.type] = Number(part.value);
	}
	return {
		y: fields.year ?? 1970,
		m: fields.month ?? 1,
		d: fields.day ?? 1,
		h: fields.hour ?? 0,
		min: fields.minute ?? 0,
		s: fields.second ?? 0,
	};
}

/** Offset of local time from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
	const w = wallClock(ms, timeZone);
	const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a local wall time. Two passes settle the offset on DST days; a wall time skipped by a spring-
 * forward jump maps to the instant one offset later (02:30 → 03:30), an ambiguous autumn one to its first instant.
 */
function zonedToUtc(date: LocalDate, minutesOfDay: number, timeZone: string): number {
	const guess = Date.UTC(date.y, date.m - 1, date.d) + minutesOfDay * MINUTE_MS;
	const first = guess - offsetAt(guess, timeZone);
	const second = guess - offsetAt(first, timeZone);
	return Math.min(first, second);
}

const nextDay = ({ y, m, d }: LocalDate): LocalDate => {
	const t = new Date(Date.UTC(y, m - 1, d + 1));
	return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

const isoDate = ({ y, m, d }: LocalDate) =>
	`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function weekdayOf({ y, m, d }: LocalDate): Weekday {
	const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
	return String(day === 0 ? 7 : day) as Weekday;
}

const minutesOf = (clock: string) => {
	const [h, m] = clock.split(":");
	return Number(h) * 60 + Number(m);
};

// Intl lookups dominate the cost; a day's intervals depend only on zone, date and ranges, so they are memoised.
const intervalMemo = new Map<string, [number, number][]>();
const MEMO_LIMIT = 20_000;

/** The day's opening intervals as [startMs, endMs) instants, in order. */
function openIntervals(date: LocalDate, calendar: BusinessCalendar, holidays: Set<string>): [number, number][] {
	const day = isoDate(date);
	if (holidays.has(day)) return [];
	const ranges = calendar.hours[weekdayOf(date)] ?? [];
	if (ranges.length === 0) return [];
	const key = `${calendar.timeZone}|${day}|${ranges.map(([a, b]) => `${a}-${b}`).join(",")}`;
	const known = intervalMemo.get(key);
	if (known) return known;
	const intervals = computeIntervals(date, calendar.timeZone, ranges);
	if (intervalMemo.size >= MEMO_LIMIT) intervalMemo.clear();
	intervalMemo.set(key, intervals);
	return intervals;
}

function computeIntervals(
	date: LocalDate,
	timeZone: string,
	ranges: readonly (readonly [string, string])[],
): [number, number][] {
	return ranges
		.map(([from, to]): [number, number] => [
			zonedToUtc(date, minutesOf(from), timeZone),
			zonedToUtc(date, minutesOf(to), timeZone),
		])
		.filter(([a, b]) => b > a)
		.sort((x, y) => x[0] - y[0]);
}

function localDateOf(ms: number, timeZone: string): LocalDate {
	const w = wallClock(ms, timeZone);
	return { y: w.y, m: w.m, d: w.d };
}

function assertOpenSomeday(calendar: BusinessCalendar) {
	const open = Object.values(calendar.hours).some((ranges) =>
		(ranges ?? []).some(([a, b]) => minutesOf(b) > minutesOf(a)),
	);
	if (!open) throw new Error("The business calendar has no opening hours");
}

/**
 * The instant `minutes` business minutes after `start`: time only counts while open. Zero minutes returns `start`
 * itself; for more, the result lies within opening hours (possibly exactly at a closing time).
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
	if (!(minutes > 0)) return new Date(start.getTime());
	assertOpenSomeday(calendar);
	const holidays = new Set(calendar.holidays);
	let remaining = minutes * MINUTE_MS;
	const cursor = start.getTime();
	let day = localDateOf(cursor, calendar.timeZone);
	for (let i = 0; i < MAX_DAYS; i++) {
		for (const [a, b] of openIntervals(day, calendar, holidays)) {
			const from = Math.max(a, cursor);
			if (from >= b) continue;
			const available = b - from;
			if (remaining <= available) return new Date(from + remaining);
			remaining -= available;
		}
		day = nextDay(day);
	}
	throw new Error("The business calendar is open too rarely to reach this due time");
}

/** Business minutes between two instants (0 when `to` is not after `from`); fractional minutes are kept. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
	const start = from.getTime();
	const end = to.getTime();
	if (!(end > start)) return 0;
	const holidays = new Set(calendar.holidays);
	let total = 0;
	let day = localDateOf(start, calendar.timeZone);
	const last = isoDate(localDateOf(end, calendar.timeZone));
	for (let i = 0; i < MAX_DAYS * 10; i++) {
		for (const [a, b] of openIntervals(day, calendar, holidays)) {
			const overlap = Math.min(b, end) - Math.max(a, start);
			if (overlap > 0) total += overlap;
		}
		if (isoDate(day) >= last) break;
		day = nextDay(day);
	}
	return total / MINUTE_MS;
}

/** Whether an instant lies within opening hours (closing time included). */
export function isWithinBusinessHours(at: Date, calendar: BusinessCalendar): boolean {
	const ms = at.getTime();
	const holidays = new Set(calendar.holidays);
	// A range ending at 24:00 closes on the next local date: look at the day of the instant just before, too.
	return [localDateOf(ms, calendar.timeZone), localDateOf(ms - 1, calendar.timeZone)].some((day) =>
		openIntervals(day, calendar, holidays).some(([a, b]) => ms >= a && ms <= b),
	);
}
