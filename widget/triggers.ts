// Survey triggers (part of the always-loaded /loupe.js, so tiny): fetches the site's widget surveys once when
// the browser is idle, watches the page (URL, time, scroll depth, exit intent, custom events) and lazy-loads
// the survey UI (/loupe-survey.js) for the first survey that is due, sampled and not ruled out by fatigue.
// Exit intent, kept simple: the pointer leaves the window through the top edge (desktop), a scroll up by half
// a screen within 300 ms (touch screens), or the tab becomes hidden (the survey is there when they return).
import { readFatigue, updateFatigue } from "./survey/fatigue-store";
import type { WindowWithSurvey } from "./survey/open-options";
import { isDue, isRested, isSampled, type PageState, type WidgetSurvey } from "./survey/rules";

export type WidgetHost = {
	siteKey: string;
	apiBase: string;
	visitorId: () => string | null;
	sessionId: () => string;
	onEvent: (listener: (name: string, props?: Record<string, unknown>) => void) => void; // custom events and "pageview" on SPA navigation
	loadScript: (path: string) => Promise<void>;
};

export function startSurveyTriggers(host: WidgetHost): void {
	let surveys: WidgetSurvey[] = [];
	let page: PageState;
	let isShowing = false;
	let upFromY = 0;
	let upFromMs = 0;

	function check() {
		const now = Date.now();
		const record = !isShowing && surveys.length > 0 && readFatigue();
		if (!record) return;
		const survey = surveys.find(
			(s) =>
				isRested(record, s, now) &&
				isDue(s.trigger, page, location.origin, location.pathname, now) &&
				isSampled(host.visitorId() || record.seed, s.id, s.trigger.samplingPercent, now),
		);
		// Shown counts for fatigue at once, so that a reload or a second tab does not ask again.
		if (!survey || !updateFatigue((r) => (r.shownAt = now))) return;
		isShowing = true;
		host
			.loadScript("/loupe-survey.js")
			.then(() => (window as WindowWithSurvey).__loupeSurvey?.open(host, survey))
			.catch(() => {});
	}

	function exitIntent() {
		page.hasExitIntent = true;
		check();
	}

	function newPage() {
		page = { startMs: Date.now(), scrollPercent: 0, hasExitIntent: false, events: [] };
		onScroll();
		for (const s of surveys) setTimeout(check, s.trigger.timeOnPageSeconds * 1000 + 50);
	}

	function onScroll() {
		const now = Date.now();
		const percent = Math.min(
			100,
			Math.round(((scrollY + innerHeight) / (document.documentElement.scrollHeight || 1)) * 100),
		);
		if (scrollY > upFromY || now - upFromMs > 300) {
			upFromY = scrollY;
			upFromMs = now;
		} else if (upFromY - scrollY > innerHeight / 2 && matchMedia("(pointer:coarse)").matches) exitIntent();
		if (percent > page.scrollPercent) {
			page.scrollPercent = percent;
			check();
		}
	}

	host.onEvent((name) => {
		if (name === "pageview") newPage();
		else {
			page.events.push(name);
			check();
		}
	});
	newPage();
	addEventListener("scroll", onScroll, { passive: true });
	document.addEventListener("mouseout", (e) => {
		if (!e.relatedTarget && e.clientY <= 0) exitIntent();
	});
	document.addEventListener("visibilitychange", () => {
		if (document.hidden) exitIntent();
	});

	const whenIdle = (window as { requestIdleCallback?: (run: () => void) => void }).requestIdleCallback ?? setTimeout;
	whenIdle(() => {
		if (!readFatigue()) return;
		fetch(`${host.apiBase}/api/v1/public/widget-config?siteKey=${encodeURIComponent(host.siteKey)}`)
			.then((r) => (r.ok ? r.json() : { surveys: [] }))
			.then((config: { surveys: WidgetSurvey[] }) => {
				surveys = config.surveys;
				for (const s of surveys) setTimeout(check, s.trigger.timeOnPageSeconds * 1000 - Date.now() + page.startMs + 50);
				check();
			})
			.catch(() => {});
	});
}
