// GET /api/v1/stream: server-sent events of the signed-in organization (new responses, analyses, cases, alerts).
import { streamSSE } from "hono/streaming";
import { createRouter, requireAuth } from "../http";

const HEARTBEAT_MS = 25_000;

export const liveRoutes = createRouter().get("/api/v1/stream", (c) => {
	const auth = requireAuth(c);
	const { live } = c.get("services");
	return streamSSE(c, async (stream) => {
		const queue: string[] = [];
		let wake: (() => void) | undefined;
		const unsubscribe = live.subscribe(auth.organizationId, (event) => {
			queue.push(JSON.stringify({ type: event.type, data: event.data }));
			wake?.();
		});
		stream.onAbort(unsubscribe);
		await stream.writeSSE({ event: "ready", data: "{}" });
		while (!stream.aborted) {
			const next = queue.shift();
			if (next) {
				const { type } = JSON.parse(next) as { type: string };
				await stream.writeSSE({ event: type, data: next });
				continue;
			}
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, HEARTBEAT_MS);
				wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			wake = undefined;
			if (queue.length === 0 && !stream.aborted) await stream.writeSSE({ event: "heartbeat", data: "{}" });
		}
		unsubscribe();
	});
});
