// Random ids for events and tab sessions (no stable visitor id ever lives in the browser).

export function randomId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	let id = "";
	for (const byte of bytes) id += (byte % 36).toString(36);
	return id;
}

const SESSION_KEY = "loupe_s";
const IDLE_MS = 30 * 60_000;

/** The tab's session id from sessionStorage (no cookie); a new one after 30 minutes without events. */
export function tabSession(now: number): string {
	let id = "";
	try {
		const [stored, last] = (sessionStorage.getItem(SESSION_KEY) ?? "").split(".");
		if (stored && now - Number(last) < IDLE_MS) id = stored;
		id ||= randomId();
		sessionStorage.setItem(SESSION_KEY, `${id}.${now}`);
	} catch {
		id = randomId();
	}
	return id;
}
