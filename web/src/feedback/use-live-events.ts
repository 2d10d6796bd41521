// Subscribes to the organization's server-sent events (GET /api/v1/stream) for the lifetime of a component.
import { useEffect, useRef } from "react";

export type LiveMessage = { type: string; data: Record<string, unknown> };

/** Calls `onEvent` for each event of the given types; the browser reconnects by itself after a drop. */
export function useLiveEvents(types: readonly string[], onEvent: (message: LiveMessage) => void) {
	const handler = useRef(onEvent);
	handler.current = onEvent;
	const typeList = types.join(",");

	useEffect(() => {
		if (typeof EventSource === "undefined") return;
		const source = new EventSource("/api/v1/stream", { withCredentials: true });
		const listener = (event: MessageEvent<string>) => {
			try {
				const message = JSON.parse(event.data) as LiveMessage;
				handler.current({ type: message.type ?? event.type, data: message.data ?? {} });
			} catch {
				// a malformed event is skipped; the next refetch shows the truth
			}
		};
		const names = typeList.split(",");
		for (const name of names) source.addEventListener(name, listener);
		return () => {
			for (const name of names) source.removeEventListener(name, listener);
			source.close();
		};
	}, [typeList]);
}
