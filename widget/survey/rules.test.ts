// The trigger rules of /loupe.js as pure functions: URL patterns (the same language as the server's touchpoint
// patterns), sampling per visitor and day, the fatigue rule and the combined "is due" check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileUrlPattern, matchTouchpoint } from "../../server/modules/events/url-patterns";
import type { WidgetConfigView } from "../../server/modules/surveys/widget-config";
import {
	type FatigueRecord,
	isDue,
	isRested,
	isSampled,
	matchesUrlPattern,
	type PageState,
	type TriggerSettings,
	type WidgetSurvey,
} from "./rules";

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2025, 5, 3, 12, 0, 0);
const trigger = (over: Partial<TriggerSettings> = {}): TriggerSettings => ({
	urlPatterns: ["/*"],
	timeOnPageSeconds: 0,
	scrollDepthPercent: 0,
	exitIntent: false,
	samplingPercent: 100,
	fatigueDays: 30,
	...over,
});
const survey = (over: Partial<TriggerSettings> = {}): WidgetSurvey => ({
	id: "d1",
	slug: "nps",
	position: "bottom-right",
	trigger: trigger(over),
});
const page = (over: Partial<PageState> = {}): PageState => ({
	startMs: NOW,
	scrollPercent: 0,
	hasExitIntent: false,
	events: [],
	...over,
});

// The widget config endpoint's payload must fit what the triggers read (checked by the compiler).
const _configFits: (view: WidgetConfigView) => WidgetSurvey[] = (view) => view.surveys;

describe("URL patterns", () => {
	const segment = fc.stringMatching(/^[a-z0-9.+?()$^|[\]\\{}-]{0,6}$/);
	const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join("/")}`);
	const pattern = fc
		.array(fc.oneof(segment, fc.constant("*"), fc.constant("/")), { minLength: 1, maxLength: 6 })
		.map((parts) => `/${parts.join("")}`);

	it("agrees with the server's touchpoint patterns for any path pattern and path", () => {
		fc.assert(
			fc.property(pattern, path, (p, url) => {
				const server = matchTouchpoint([compileUrlPattern("t", p)], "https://shop.example", url) === "t";
				expect(matchesUrlPattern(p, "https://shop.example", url)).toBe(server);
			}),
		);
	});

	it("matches a literal path exactly (special characters are literal) and `*` anything", () => {
		fc.assert(
			fc.property(path, path, (a, b) => {
				expect(matchesUrlPattern(a, "https://x.example", a)).toBe(true);
				expect(matchesUrlPattern(a, "https://x.example", b)).toBe(a === b);
				expect(matchesUrlPattern("/*", "https://x.example", b)).toBe(true);
				expect(matchesUrlPattern(`${a}/*`, "https://x.example", `${a}/${b}`)).toBe(true);
			}),
		);
	});

	it("matches full-URL patterns against scheme, host and path, ignoring case", () => {
		expect(matchesUrlPattern("https://shop.example/checkout/*", "https://SHOP.example", "/checkout/done")).toBe(true);
		expect(matchesUrlPattern("https://shop.example/checkout/*", "https://other.example", "/checkout/done")).toBe(false);
		expect(matchesUrlPattern("https://*.shop.example/*", "https://de.shop.example", "/")).toBe(true);
		expect(matchesUrlPattern("/checkout", "https://shop.example", "/checkout/")).toBe(false);
	});
});

describe("sampling", () => {
	it("is deterministic per visitor, survey and UTC day, and monotone in the percentage", () => {
		fc.assert(
			fc.property(
				fc.string(),
				fc.uuid(),
				fc.double({ min: 0.1, max: 100, noNaN: true }),
				fc.double({ min: 0.1, max: 100, noNaN: true }),
				fc.integer({ min: 0, max: DAY_MS - 1 }),
				fc.integer({ min: 0, max: DAY_MS - 1 }),
				(seed, id, p, q, a, b) => {
					const dayStart = Math.floor(NOW / DAY_MS) * DAY_MS;
					expect(isSampled(seed, id, p, dayStart + a)).toBe(isSampled(seed, id, p, dayStart + b));
					if (isSampled(seed, id, Math.min(p, q), NOW)) expect(isSampled(seed, id, Math.max(p, q), NOW)).toBe(true);
					expect(isSampled(seed, id, 100, NOW)).toBe(true);
				},
			),
		);
	});

	it("asks about the configured share of visitors, and a fresh draw each day", () => {
		const seeds = Array.from({ length: 10_000 }, (_, i) => `visitor-${i}`);
		for (const percent of [1, 10, 30, 75]) {
			const share = seeds.filter((s) => isSampled(s, "dist-1", percent, NOW)).length / seeds.length;
			expect(Math.abs(share - percent / 100)).toBeLessThan(0.01 + percent / 1000);
		}
		const today = seeds.filter((s) => isSampled(s, "dist-1", 50, NOW));
		const tomorrow = today.filter((s) => isSampled(s, "dist-1", 50, NOW + DAY_MS));
		expect(tomorrow.length / today.length).toBeGreaterThan(0.4);
		expect(tomorrow.length / today.length).toBeLessThan(0.6);
	});
});

describe("fatigue", () => {
	const record = (over: Partial<FatigueRecord> = {}): FatigueRecord => ({
		shownAt: 0,
		answered: [],
		seed: "s",
		...over,
	});

	it("waits fatigueDays after any survey was shown, and never asks again after an answer", () => {
		expect(isRested(record(), survey(), NOW)).toBe(true);
		expect(isRested(record({ shownAt: NOW - 29 * DAY_MS }), survey({ fatigueDays: 30 }), NOW)).toBe(false);
		expect(isRested(record({ shownAt: NOW - 30 * DAY_MS }), survey({ fatigueDays: 30 }), NOW)).toBe(true);
		expect(isRested(record({ shownAt: NOW - 1000 }), survey({ fatigueDays: 0 }), NOW)).toBe(true);
		expect(isRested(record({ answered: ["nps"] }), survey({ fatigueDays: 0 }), NOW + 1000 * DAY_MS)).toBe(false);
		expect(isRested(record({ answered: ["other"] }), survey(), NOW)).toBe(true);
	});

	it("holds for any times: rested exactly when the gap reaches fatigueDays", () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 365 }), fc.integer({ min: 0, max: 400 * DAY_MS }), (days, gapMs) => {
				expect(isRested(record({ shownAt: NOW - gapMs }), survey({ fatigueDays: days }), NOW)).toBe(
					gapMs >= days * DAY_MS,
				);
			}),
		);
	});
});

describe("is due", () => {
	const due = (t: Partial<TriggerSettings>, p: Partial<PageState>, path = "/bestellung/danke", nowMs = NOW) =>
		isDue(trigger(t), page(p), "https://shop.example", path, nowMs);

	it("needs the page to match one of the URL patterns", () => {
		expect(due({ urlPatterns: ["/konto/*", "/bestellung/*"] }, {})).toBe(true);
		expect(due({ urlPatterns: ["/konto/*"] }, {})).toBe(false);
	});

	it("waits for the time on page and the scroll depth", () => {
		expect(due({ timeOnPageSeconds: 20 }, {}, "/x", NOW + 19_999)).toBe(false);
		expect(due({ timeOnPageSeconds: 20 }, {}, "/x", NOW + 20_000)).toBe(true);
		expect(due({ scrollDepthPercent: 60 }, { scrollPercent: 59 })).toBe(false);
		expect(due({ scrollDepthPercent: 60 }, { scrollPercent: 60 })).toBe(true);
	});

	it("waits for exit intent and the custom event when set, and needs all conditions together", () => {
		expect(due({ exitIntent: true }, {})).toBe(false);
		expect(due({ exitIntent: true }, { hasExitIntent: true })).toBe(true);
		expect(due({ customEvent: "order_completed" }, { events: ["add_to_cart"] })).toBe(false);
		expect(due({ customEvent: "order_completed" }, { events: ["order_completed"] })).toBe(true);
		expect(due({ customEvent: "order_completed", scrollDepthPercent: 50 }, { events: ["order_completed"] })).toBe(
			false,
		);
	});
});
