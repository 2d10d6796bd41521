// The behaviour tracker: page views (incl. SPA route changes), engaged time (visible and active), scroll depth,
// outbound and marked clicks, site searches, funnel steps, custom events and web vitals. Cookieless: only a
// tab session id in sessionStorage; `loupe('identify', id)` links events to a customer after consent.
import type { WidgetHost } from "../triggers";
import { randomId, tabSession } from "./ids";
import { createTransport, type OutgoingEvent } from "./transport";
import { watchVitals } from "./vitals";

type Options = { siteKey: string; apiBase: string; searchParam: string };
type Props = Record<string, unknown>;

const IDLE_MS = 15_000;
const RETURNING_KEY = "loupe_r";

export function startTracker(options: Options) {
	const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
	const isAutomated = nav.webdriver;
	const listeners: ((name: string, props?: Props) => void)[] = [];
	let customer: string | undefined;
	let returning: boolean | undefined;
	let session = tabSession(Date.now());
	const transport = createTransport(`${options.apiBase}/api/v1/public/events`, () => ({
		site: options.siteKey,
		session,
		customer,
		returning,
		privacy: nav.doNotTrack === "1" || nav.globalPrivacyControl === true || undefined,
	}));
	const readVitals = watchVitals();

	let pageUrl = location.href;
	let engagedMs = 0;
	let lastActive = Date.now();
	let scrollPercent = 0;
	let isFirstPage = true;
	let searchTimer = 0;

	function track(type: string, fields: Partial<OutgoingEvent> = {}) {
		if (isAutomated) return;
		const now = Date.now();
		session = tabSession(now);
		transport.push({ id: randomId(), type, at: now, url: pageUrl, ...fields });
	}

	const emit = (name: string, props?: Props) => {
		for (const listener of listeners) listener(name, props);
	};

	function activity() {
		const now = Date.now();
		if (document.visibilityState === "visible") engagedMs += Math.min(now - lastActive, IDLE_MS);
		lastActive = now;
	}

	function measureScroll() {
		const height = document.documentElement.scrollHeight;
		scrollPercent = Math.max(scrollPercent, Math.min(100, Math.round(((scrollY + innerHeight) / (height || 1)) * 100)));
	}

	function endPage() {
		activity();
		if (engagedMs > 0) track("engagement", { value: engagedMs, props: { scroll: scrollPercent } });
		if (isFirstPage) track("web_vital", { props: readVitals() as Props });
		engagedMs = 0;
		scrollPercent = 0;
		isFirstPage = false;
	}

	function search(query: string, resultCount?: number) {
		clearTimeout(searchTimer);
		track("search", { name: query, value: resultCount });
	}

	function startPage(referrer: string) {
		track("pageview", { referrer });
		measureScroll();
		emit("pageview");
		const query = new URL(pageUrl).searchParams.get(options.searchParam);
		if (query) {
			// The page may report its result count: loupe('search', q, n) or an element with data-loupe-results.
			searchTimer = window.setTimeout(() => {
				const count = document.querySelector("[data-loupe-results]")?.getAttribute("data-loupe-results");
				search(query, count ? Number(count) : undefined);
			}, 1000);
		}
	}

	function routeChanged() {
		if (location.href === pageUrl) return;
		endPage();
		const previous = pageUrl;
		pageUrl = location.href;
		startPage(previous);
	}

	for (const method of ["pushState", "replaceState"] as const) {
		const original = history[method];
		history[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
			original.apply(this, args);
			routeChanged();
		};
	}
	addEventListener("popstate", routeChanged);
	for (const type of ["mousedown", "keydown", "touchstart", "scroll", "mousemove"]) {
		addEventListener(type, activity, { passive: true, capture: true });
	}
	addEventListener("scroll", measureScroll, { passive: true });
	document.addEventListener("visibilitychange", () => {
		if (document.visibilityState === "hidden") {
			activity();
			transport.leave();
		} else lastActive = Date.now();
	});
	addEventListener("pagehide", () => {
		endPage();
		transport.leave();
	});
	document.addEventListener(
		"click",
		(event) => {
			const target = (event.target as Element | null)?.closest?.("a,[data-loupe-event]");
			if (!target) return;
			const marked = target.getAttribute("data-loupe-event");
			const href = (target as HTMLAnchorElement).href;
			if (marked) track("click", { name: marked });
			else if (href && new URL(href, pageUrl).host !== location.host)
				track("click", { name: "outbound", props: { url: href.split("?")[0] } });
		},
		true,
	);

	function command(args: unknown[]) {
		const [name, a, b] = args as [string, unknown, unknown];
		if (name === "event" || name === "step") {
			track(name === "event" ? "custom" : "step", { name: String(a), props: b as Props | undefined });
			emit(String(a), b as Props | undefined);
		} else if (name === "search") search(String(a), typeof b === "number" ? b : undefined);
		else if (name === "identify") {
			customer = a ? String(a) : undefined;
			try {
				returning = !!localStorage.getItem(RETURNING_KEY);
				if (customer) localStorage.setItem(RETURNING_KEY, "1");
			} catch {
				returning = undefined;
			}
		} else if (name === "pageview") routeChanged();
		else if (name === "flush") transport.flush();
	}

	const host: WidgetHost = {
		siteKey: options.siteKey,
		apiBase: options.apiBase,
		visitorId: () => customer ?? null,
		sessionId: () => session,
		onEvent: (listener) => listeners.push(listener),
		loadScript: (path) =>
			new Promise((resolve, reject) => {
				const script = document.createElement("script");
				script.src = options.apiBase + path;
				script.async = true;
				script.onload = () => resolve();
				script.onerror = reject;
				document.head.appendChild(script);
			}),
	};

	startPage(document.referrer);
	return { command, host };
}
