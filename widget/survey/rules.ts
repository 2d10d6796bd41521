// Pure rules of the survey triggers (bundled into the always-loaded /loupe.js, so kept tiny): which page a
// survey may show on, whether its moment has come, sampling per visitor and day, and the fatigue rule.

/** One widget survey of the site, as GET /api/v1/public/widget-config returns it. */
export type TriggerSettings = {
	urlPatterns: string[];
	timeOnPageSeconds: number;
	scrollDepthPercent: number;
	exitIntent: boolean;
	customEvent?: string;
	samplingPercent: number;
	fatigueDays: number;
};
export type WidgetSurvey = { id: string; slug: string; position: string; trigger: TriggerSettings };

/** What happened on the current page so far. */
export type PageState = { startMs: number; scrollPercent: number; hasExitIntent: boolean; events: string[] };

/** What this browser remembers (localStorage, never sent): last survey shown, answered surveys, sampling seed. */
export type FatigueRecord = { shownAt: number; answered: string[]; seed: string };

const DAY_MS = 86_400_000;

/**
 * The touchpoint pattern language of the server (server/modules/events/url-patterns.ts): `*` matches any
 * characters, the rest literally; a path pattern matches the page path, a full-URL pattern (case-insensitive)
 * matches scheme://host/path.
 */
export function matchesUrlPattern(pattern: string, origin: string, path: string): boolean {
	const isFullUrl = /^https?:\/\//i.test(pattern);
	const body = pattern
		.split("*")
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
		.join(".*");
	return new RegExp(`^${body}$`, isFullUrl ? "i" : "").test(isFullUrl ? origin + path : path);
}

/** FNV-1a 32-bit: a fast, well-spread string hash (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/). */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** Whether this visitor is in the sample today: the same answer all day, a fresh draw each UTC day. */
export function isSampled(seed: string, surveyId: string, samplingPercent: number, nowMs: number): boolean {
	return (hash32(`${seed}|${surveyId}|${Math.floor(nowMs / DAY_MS)}`) % 10_000) / 100 < samplingPercent;
}

/** Fatigue: never again after answering; otherwise not within `fatigueDays` of the last survey shown. */
export function isRested(record: FatigueRecord, survey: WidgetSurvey, nowMs: number): boolean {
	return !record.answered.includes(survey.slug) && nowMs - record.shownAt >= survey.trigger.fatigueDays * DAY_MS;
}

/** Whether every condition of the trigger holds on this page (all set conditions must hold together). */
export function isDue(trigger: TriggerSettings, page: PageState, origin: string, path: string, nowMs: number): boolean {
	return (
		trigger.urlPatterns.some((pattern) => matchesUrlPattern(pattern, origin, path)) &&
		nowMs - page.startMs >= trigger.timeOnPageSeconds * 1000 &&
		page.scrollPercent >= trigger.scrollDepthPercent &&
		(!trigger.exitIntent || page.hasExitIntent) &&
		(!trigger.customEvent || page.events.includes(trigger.customEvent))
	);
}
