// The ingestion pipeline for a batch of behaviour events (Plausible's ingestion/event.ex as the model): lookups
// first, then small steps that accept, drop (with a counted reason) or refuse the batch, then one bulk write.
import { isbot } from "isbot";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { validationError } from "../../../platform/http";
import { RateLimiter } from "../../../platform/rate-limit";
import type { SiteRow } from "../../admin/service/sites";
import { getSiteByPublicKey, isOriginAllowed } from "../../admin/service/sites";
import { EVENT_FLAGS, EventBatchInput, type EventBatchView, type TrackedEvent } from "../contract";
import { classifySource, deviceOf, normaliseSearchQuery, parsePageUrl, referrerHost } from "./classify";
import { EventBuffer, type EventRow, eventKey } from "./event-buffer";
import { type IngestEnv, type TouchpointMapper, touchpointMapperOf } from "./touchpoint-map";
import { visitorHashOf } from "./visitor-hash";

export const MAX_PAST_MS = 24 * 3600_000;
export const MAX_FUTURE_MS = 5 * 60_000;
const MAX_ENGAGED_MS = 30 * 60_000;

export type IngestRequest = {
	body: unknown;
	ip: string;
	userAgent: string;
	origin: string | undefined;
	/** DNT: 1 or Sec-GPC: 1 was sent. */
	privacyHeader: boolean;
	now: Date;
};

const limiter = new RateLimiter(240, 60_000);
const buffers = new WeakMap<Db, EventBuffer>();
const siteCache = new WeakMap<Db, Map<string, { site: SiteRow | null; expiresAt: number }>>();

function bufferOf(db: Db, dbKind: "pglite" | "postgres"): EventBuffer {
	let buffer = buffers.get(db);
	if (!buffer) {
		buffer = new EventBuffer(db, dbKind === "pglite" ? 1 : 4);
		buffers.set(db, buffer);
	}
	return buffer;
}

/** Sites by public key, cached 30 s (unknown keys too, so a flood of bad keys costs no queries). */
async function siteOf(db: Db, publicKey: string, nowMs: number): Promise<SiteRow> {
	let cache = siteCache.get(db);
	if (!cache) {
		cache = new Map();
		siteCache.set(db, cache);
	}
	let entry = cache.get(publicKey);
	if (!entry || entry.expiresAt < nowMs) {
		const site = await getSiteByPublicKey(db, publicKey).catch((error) => {
			if (error instanceof AppError && error.code === "not_found") return null;
			throw error;
		});
		if (cache.size > 10_000) cache.clear();
		entry = { site, expiresAt: nowMs + 30_000 };
		cache.set(publicKey, entry);
	}
	if (!entry.site) throw new AppError("not_found", "Unknown site key");
	return entry.site;
}

/** Forgets cached sites (a settings change then applies at once instead of within 30 s). */
export function forgetCachedSites(db: Db): void {
	siteCache.delete(db);
}

/** The site a (possibly invalid) body names, for CORS answers; null when unknown. */
export async function siteForCors(db: Db, publicKey: string | undefined, nowMs: number): Promise<SiteRow | null> {
	if (!publicKey) return null;
	return siteOf(db, publicKey, nowMs).catch(() => null);
}

function parseBatch(body: unknown): EventBatchInput {
	const parsed = EventBatchInput.safeParse(body);
	if (!parsed.success) throw validationError(parsed.error.issues, "body");
	for (const [index, event] of parsed.data.events.entries()) {
		if (["step", "search", "click", "custom"].includes(event.type) && !event.name?.trim()) {
			throw new AppError("invalid", `events.${index}.name: required for ${event.type} events`);
		}
		if (!parsePageUrl(event.url)) throw new AppError("invalid", `events.${index}.url: not an http(s) URL`);
	}
	return parsed.data;
}

type Batch = Omit<EventBatchInput, "site"> & { site: SiteRow };

/** Clamps a browser time into [now − 24 h, now + 5 min]; outside it the server time is used and flagged. */
export function clampTime(atMs: number, nowMs: number): { at: Date; flags: number } {
	if (atMs > nowMs + MAX_FUTURE_MS) return { at: new Date(nowMs), flags: EVENT_FLAGS.clampedFuture };
	if (atMs < nowMs - MAX_PAST_MS) return { at: new Date(nowMs), flags: EVENT_FLAGS.clampedPast };
	return { at: new Date(atMs), flags: 0 };
}

function toRow(
	event: TrackedEvent,
	batch: Batch,
	common: { visitorHash: string; device: string; now: Date; mapTouchpoint: TouchpointMapper },
): EventRow {
	const page = parsePageUrl(event.url) as NonNullable<ReturnType<typeof parsePageUrl>>;
	const time = clampTime(event.at, common.now.getTime());
	let flags = time.flags;
	if (batch.customer) flags |= EVENT_FLAGS.identified;
	if (batch.returning) flags |= EVENT_FLAGS.returning;
	let name = event.name?.trim().slice(0, 200) ?? null;
	let value = event.value ?? null;
	let source: string | null = null;
	let referrer: string | null = null;
	if (event.type === "pageview") {
		source = classifySource(event.referrer, page.host, page.params);
		referrer = source === "internal" ? null : referrerHost(event.referrer);
	} else if (event.type === "search") {
		name = normaliseSearchQuery(name ?? "");
		value = value === null ? null : Math.max(0, Math.round(value));
		if (value === 0) flags |= EVENT_FLAGS.zeroResults;
	} else if (event.type === "engagement") {
		value = Math.min(MAX_ENGAGED_MS, Math.max(0, Math.round(value ?? 0)));
	}
	return {
		id: event.id,
		organizationId: batch.site.organizationId,
		siteId: batch.site.id,
		occurredAt: time.at,
		receivedAt: common.now,
		type: event.type,
		name,
		value,
		visitorHash: common.visitorHash,
		sessionId: batch.session,
		customerId: batch.customer ?? null,
		host: page.host,
		path: page.path,
		referrerHost: referrer,
		source,
		device: common.device,
		touchpointId: common.mapTouchpoint(page.origin, page.path),
		properties: event.props ?? null,
		flags,
	};
}

export async function ingestEventBatch(
	env: IngestEnv & { dbKind: "pglite" | "postgres" },
	request: IngestRequest,
): Promise<EventBatchView> {
	const input = parseBatch(request.body);
	const nowMs = request.now.getTime();
	const site = await siteOf(env.db, input.site, nowMs);
	if (!request.origin || !isOriginAllowed(site, request.origin)) {
		throw new AppError("forbidden", "This origin may not send events for this site");
	}
	limiter.hit(`${site.id}|${request.ip}`, nowMs);
	const total = input.events.length;
	if (!request.userAgent || isbot(request.userAgent)) {
		return { accepted: 0, duplicates: 0, dropped: total, reason: "bot", clamped: 0 };
	}
	if (site.respectPrivacySignals && (input.privacy || request.privacyHeader)) {
		return { accepted: 0, duplicates: 0, dropped: total, reason: "privacy", clamped: 0 };
	}
	const batch: Batch = { ...input, site };
	const common = {
		visitorHash: await visitorHashOf(env.db, {
			siteId: site.id,
			ip: request.ip,
			userAgent: request.userAgent,
			customerId: input.customer,
			now: request.now,
		}),
		device: deviceOf(request.userAgent),
		now: request.now,
		mapTouchpoint: await touchpointMapperOf(env, site.organizationId, nowMs),
	};
	const rows = input.events.map((event) => toRow(event, batch, common));
	const inserted = await bufferOf(env.db, env.dbKind).write(rows);
	const accepted = rows.filter((r) => inserted.has(eventKey(r.siteId, r.id))).length;
	const clamped = rows.filter((r) => r.flags & (EVENT_FLAGS.clampedPast | EVENT_FLAGS.clampedFuture)).length;
	return { accepted, duplicates: total - accepted, dropped: 0, clamped };
}
