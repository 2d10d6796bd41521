// Maps page URLs to touchpoints with the organization's compiled URL patterns, cached briefly per organization
// (edits to patterns apply within CACHE_MS) with a bounded memo of path → touchpoint.
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { findTouchpoints } from "../../journey/service/touchpoints";
import { type CompiledPattern, compileTouchpointPatterns, matchTouchpoint } from "../url-patterns";

const CACHE_MS = 30_000;
type Entry = { expiresAt: number; patterns: CompiledPattern[]; memo: Map<string, string | null> };
const cacheByDb = new WeakMap<Db, Map<string, Promise<Entry>>>();
export type IngestEnv = Pick<Ctx, "db" | "jobs" | "log">;

async function loadPatterns(env: IngestEnv, organizationId: string, nowMs: number): Promise<Entry> {
	const ctx: Ctx = { ...env, organizationId, actor: { type: "public" }, now: new Date(nowMs) };
	const all: { id: string; urlPatterns: string[] }[] = [];
	let cursor: string | undefined;
	do {
		const page = await findTouchpoints(ctx, { limit: 200, cursor });
		all.push(...page.items.filter((t) => t.urlPatterns.length > 0));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return { expiresAt: nowMs + CACHE_MS, patterns: compileTouchpointPatterns(all), memo: new Map() };
}

export type TouchpointMapper = (origin: string, path: string) => string | null;

export async function touchpointMapperOf(
	env: IngestEnv,
	organizationId: string,
	nowMs = Date.now(),
): Promise<TouchpointMapper> {
	let cache = cacheByDb.get(env.db);
	if (!cache) {
		cache = new Map();
		cacheByDb.set(env.db, cache);
	}
	let pending = cache.get(organizationId);
	const current = pending ? await pending.catch(() => undefined) : undefined;
	if (!current || current.expiresAt < nowMs) {
		pending = loadPatterns(env, organizationId, nowMs);
		cache.set(organizationId, pending);
	}
	const entry = await (pending as Promise<Entry>);
	return (origin, path) => {
		const key = `${origin}${path}`;
		const known = entry.memo.get(key);
		if (known !== undefined) return known;
		const touchpointId = matchTouchpoint(entry.patterns, origin, path);
		if (entry.memo.size > 5000) entry.memo.clear();
		entry.memo.set(key, touchpointId);
		return touchpointId;
	};
}

/** Forgets the cached patterns (tests and pattern edits that must apply at once). */
export function forgetTouchpointPatterns(db: Db): void {
	cacheByDb.delete(db);
}
