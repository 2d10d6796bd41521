// A fixed-window rate limiter in process memory, per key (e.g. IP). Cheap first line of defence; limits
// that must hold across nodes (failed sign-ins) are counted in the database instead.
import { AppError } from "./errors";

export class RateLimiter {
	private readonly windows = new Map<string, { startedAt: number; count: number }>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
	) {}

	/** Counts one hit for `key`; throws rate_limited past the limit within the window. */
	hit(key: string, nowMs: number): void {
		const window = this.windows.get(key);
		if (!window || nowMs - window.startedAt >= this.windowMs) {
			if (this.windows.size > 50_000) this.sweep(nowMs);
			this.windows.set(key, { startedAt: nowMs, count: 1 });
			return;
		}
		window.count++;
		if (window.count > this.limit) {
			const retryInS = Math.ceil((window.startedAt + this.windowMs - nowMs) / 1000);
			throw new AppError("rate_limited", `Too many requests; try again in ${retryInS} s`);
		}
	}

	private sweep(nowMs: number) {
		for (const [key, window] of this.windows) if (nowMs - window.startedAt >= this.windowMs) this.windows.delete(key);
	}
}
