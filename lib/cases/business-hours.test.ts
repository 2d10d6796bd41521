// Business-hours arithmetic: fixed examples around weekends, holidays and DST, and properties over random calendars.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	addBusinessMinutes,
	type BusinessCalendar,
	businessMinutesBetween,
	isWithinBusinessHours,
	type Weekday,
} from "./business-hours";

const berlin: BusinessCalendar = {
	timeZone: "Europe/Berlin",
	hours: {
		"1": [["08:00", "18:00"]],
		"2": [["08:00", "18:00"]],
		"3": [["08:00", "18:00"]],
		"4": [["08:00", "18:00"]],
		"5": [["08:00", "18:00"]],
	},
	holidays: ["2026-12-25"],
};

describe("business hours", () => {
	it("adds within a day and across the weekend", () => {
		// Friday 2026-11-27 17:00 Berlin (UTC+1) + 120 min → Monday 09:00 Berlin.
		const friday = new Date("2026-11-27T16:00:00Z");
		expect(addBusinessMinutes(friday, 60, berlin).toISOString()).toBe("2026-11-27T17:00:00.000Z");
		expect(addBusinessMinutes(friday, 120, berlin).toISOString()).toBe("2026-11-30T08:00:00.000Z");
		expect(businessMinutesBetween(friday, new Date("2026-11-30T08:00:00Z"), berlin)).toBe(120);
	});

	it("starts counting at the next opening and skips holidays", () => {
		const christmasEve = new Date("2026-12-24T20:00:00Z"); // Thursday evening; Friday 25th is a holiday
		expect(addBusinessMinutes(christmasEve, 30, berlin).toISOString()).toBe("2026-12-28T07:30:00.000Z");
	});

	it("keeps local opening hours across the DST switch", () => {
		// Friday 2026-03-27 17:00 CET (16:00Z) + 120 → Monday 2026-03-30 09:00 CEST (07:00Z).
		expect(addBusinessMinutes(new Date("2026-03-27T16:00:00Z"), 120, berlin).toISOString()).toBe(
			"2026-03-30T07:00:00.000Z",
		);
		// A night-shift calendar open on the Sunday the clocks jump: 00:00–24:00 lasts 23 hours that day.
		const sunday: BusinessCalendar = { timeZone: "Europe/Berlin", hours: { "7": [["00:00", "24:00"]] }, holidays: [] };
		const from = new Date("2026-03-28T23:00:00Z"); // Sunday 00:00 CET
		const to = new Date("2026-03-29T22:00:00Z"); // Monday 00:00 CEST
		expect(businessMinutesBetween(from, to, sunday)).toBe(23 * 60);
	});

	it("returns the start for zero minutes and 0 for an empty span", () => {
		const at = new Date("2026-11-28T12:00:00Z");
		expect(addBusinessMinutes(at, 0, berlin).getTime()).toBe(at.getTime());
		expect(businessMinutesBetween(at, at, berlin)).toBe(0);
	});
});

const clock = fc.integer({ min: 0, max: 24 * 4 }).map((q) => q * 15);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const range = fc
	.tuple(clock, clock)
	.filter(([a, b]) => a !== b)
	.map(([a, b]) => [hhmm(Math.min(a, b)), hhmm(Math.max(a, b))] as const);
const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
	.record({
		timeZone: fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"),
		days: fc.uniqueArray(fc.constantFrom<Weekday>("1", "2", "3", "4", "5", "6", "7"), { minLength: 1, maxLength: 7 }),
		range,
		holidays: fc.array(fc.date({ min: new Date("2026-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }), {
			maxLength: 5,
		}),
	})
	.map(({ timeZone, days, range, holidays }) => ({
		timeZone,
		hours: Object.fromEntries(days.map((d) => [d, [range]])),
		holidays: holidays.map((d) => d.toISOString().slice(0, 10)),
	}));
const instant = fc
	.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") })
	.map((ms) => new Date(Math.floor(ms / 1000) * 1000));
const minutes = fc.integer({ min: 1, max: 5000 });

describe("business hours properties", () => {
	it("measuring what was added returns the minutes", () => {
		fc.assert(
			fc.property(calendarArb, instant, minutes, (calendar, start, m) => {
				const due = addBusinessMinutes(start, m, calendar);
				expect(businessMinutesBetween(start, due, calendar)).toBeCloseTo(m, 6);
			}),
			{ numRuns: 200 },
		);
	});

	it("is monotone in the minutes and in the start", () => {
		fc.assert(
			fc.property(calendarArb, instant, minutes, minutes, (calendar, start, a, b) => {
				const [lo, hi] = a <= b ? [a, b] : [b, a];
				expect(addBusinessMinutes(start, lo, calendar).getTime()).toBeLessThanOrEqual(
					addBusinessMinutes(start, hi, calendar).getTime(),
				);
				const later = new Date(start.getTime() + hi * 1000);
				expect(addBusinessMinutes(start, lo, calendar).getTime()).toBeLessThanOrEqual(
					addBusinessMinutes(later, lo, calendar).getTime(),
				);
			}),
			{ numRuns: 200 },
		);
	});

	it("never puts a due time outside opening hours", () => {
		fc.assert(
			fc.property(calendarArb, instant, minutes, (calendar, start, m) => {
				expect(isWithinBusinessHours(addBusinessMinutes(start, m, calendar), calendar)).toBe(true);
			}),
			{ numRuns: 200 },
		);
	});
});
