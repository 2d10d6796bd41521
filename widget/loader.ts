// Entry of /loupe.js: reads its own <script data-site> tag, replays commands queued before it loaded
// (`window.loupe = window.loupe || function () { (loupe.q = loupe.q || []).push(arguments) }`), starts the
// behaviour tracker and the survey triggers.
import { startTracker } from "./tracker/tracker";
import { startSurveyTriggers } from "./triggers";

type Loupe = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
const w = window as unknown as { loupe?: Loupe; __loupeStarted?: boolean };
const script = document.currentScript as HTMLScriptElement | null;

if (script && !w.__loupeStarted) {
	w.__loupeStarted = true;
	const queued = w.loupe?.q ?? [];
	const tracker = startTracker({
		siteKey: script.getAttribute("data-site") ?? "",
		apiBase: new URL(script.src).origin,
		searchParam: script.getAttribute("data-search-param") ?? "q",
	});
	w.loupe = (...args: unknown[]) => tracker.command(args);
	// Triggers listen first, so an event the page queued before this script loaded (an order confirmation's
	// inline loupe('event', 'order_completed')) can still open a survey.
	startSurveyTriggers(tracker.host);
	for (const args of queued) tracker.command(Array.from(args));
}
