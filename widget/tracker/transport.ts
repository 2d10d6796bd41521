// Sends events in batches: every few seconds or at 20 events with fetch keepalive, at page hide with
// sendBeacon. text/plain keeps the request "simple" (no CORS preflight). Failed batches wait in a small queue
// (also kept in sessionStorage for the next page) and are retried; a 4xx other than 429 is dropped.

export type OutgoingEvent = {
	id: string;
	type: string;
	at: number;
	url: string;
	name?: string;
	value?: number;
	referrer?: string;
	props?: Record<string, unknown>;
};

export type BatchMeta = () => {
	site: string;
	session: string;
	customer?: string;
	returning?: boolean;
	privacy?: boolean;
};

const QUEUE_KEY = "loupe_q";
const MAX_QUEUED = 200;
const MAX_BATCH = 100;

export function createTransport(endpoint: string, meta: BatchMeta) {
	let queue: OutgoingEvent[] = [];
	let timer = 0;
	let sending = false;
	let failures = 0;
	try {
		queue = JSON.parse(sessionStorage.getItem(QUEUE_KEY) ?? "[]");
		sessionStorage.removeItem(QUEUE_KEY);
	} catch {
		queue = [];
	}

	const body = (events: OutgoingEvent[]) => JSON.stringify({ ...meta(), events });

	function schedule(delayMs: number) {
		clearTimeout(timer);
		timer = window.setTimeout(flush, delayMs);
	}

	async function flush() {
		if (sending || queue.length === 0) return;
		sending = true;
		const batch = queue.slice(0, MAX_BATCH);
		let status = 0;
		try {
			status = (
				await fetch(endpoint, {
					method: "POST",
					body: body(batch),
					keepalive: true,
					headers: { "content-type": "text/plain" },
				})
			).status;
		} catch {
			status = 0;
		}
		sending = false;
		const isDone = status > 0 && status < 500 && status !== 429;
		if (isDone || ++failures > 5) {
			queue = queue.slice(batch.length);
			failures = 0;
		}
		if (queue.length > 0) schedule(isDone ? 0 : 2000 * 2 ** failures);
	}

	return {
		push(event: OutgoingEvent) {
			queue.push(event);
			if (queue.length > MAX_QUEUED) queue = queue.slice(-MAX_QUEUED);
			schedule(queue.length >= 20 ? 0 : 3000);
		},
		/** At page hide: everything not yet sent goes out by beacon, or waits in sessionStorage. */
		leave() {
			clearTimeout(timer);
			if (queue.length === 0 || sending) return;
			const batch = queue.splice(0, MAX_BATCH);
			if (!navigator.sendBeacon?.(endpoint, body(batch))) queue.unshift(...batch);
			try {
				if (queue.length > 0) sessionStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
			} catch {
				// storage full or blocked: the events are lost with the page
			}
		},
		flush,
	};
}
