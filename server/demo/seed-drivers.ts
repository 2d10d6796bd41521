// Demo data for the touchpoint key driver analysis: links recent feedback of the demo's customer contacts across
// touchpoints (email responses become the contacts' responses), so customers exist who rated the post-purchase NPS
// ("would you recommend us") and delivery, hotline, returns or checkout. The links follow a known structure —
// delivery matters most, then the hotline, returns a little, checkout not at all — and the stored analyses are
// computed once so the page is ready at first sign-in. Deterministic (seeded PRNG, rows ordered), bulk statements.
import { sql } from "drizzle-orm";
import { computeAndStoreDrivers } from "../modules/analytics/service/drivers";
import type { Ctx } from "../platform/context";

const DAY_MS = 86_400_000;

/** mulberry32 (Tommy Ettinger, public domain): reproducible demo links. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * How strongly a customer's rating at the touchpoint follows their NPS (0: unrelated), how many rated it, and how
 * much lower than their NPS they rate it (delivery: the new carrier of the last two months disappoints).
 */
const LINKS = [
	{ touchpoint: "Lieferung", weight: 0.6, share: 0.8, shift: -0.3 },
	{ touchpoint: "Service-Hotline", weight: 0.4, share: 0.5, shift: 0 },
	{ touchpoint: "Retoure", weight: 0.2, share: 0.45, shift: 0 },
	{ touchpoint: "Online-Checkout", weight: 0, share: 0.5, shift: 0 },
] as const;

type Candidate = { id: string; submitted_at: string; score: number; score_type: string };

const rescaled = (c: Candidate) =>
	c.score_type === "nps" ? c.score / 10 : c.score_type === "csat" ? (c.score - 1) / 4 : (c.score - 1) / 6;

async function rows<T>(ctx: Ctx, query: ReturnType<typeof sql>): Promise<T[]> {
	return ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function recentResponses(ctx: Ctx, touchpoint: string, since: string, limit: number): Promise<Candidate[]> {
	return rows<Candidate>(
		ctx,
		sql`select r.id, r.submitted_at::text as submitted_at, r.score::int as score, r.score_type from responses r
			join touchpoints t on t.id = r.touchpoint_id
			where r.organization_id = ${ctx.organizationId} and t.name = ${touchpoint} and r.completed and r.score is not null
				and r.contact_id is null and r.submitted_at >= ${since}::timestamptz
			order by r.submitted_at desc, r.id limit ${limit}`,
	);
}

export async function seedDemoDrivers(ctx: Ctx, now: Date): Promise<number> {
	const random = prng(60_606);
	const since = new Date(now.getTime() - 80 * DAY_MS).toISOString();
	const customers = await rows<{ id: string }>(
		ctx,
		sql`select id from contacts where organization_id = ${ctx.organizationId} and external_id like 'K-%' order by external_id`,
	);
	const anchors = await recentResponses(ctx, "Produktqualität", since, customers.length);
	const links: { id: string; submitted_at: string; contact_id: string }[] = [];
	anchors.forEach((anchor, i) => {
		const contact = customers[i];
		if (contact) links.push({ id: anchor.id, submitted_at: anchor.submitted_at, contact_id: contact.id });
	});
	for (const link of LINKS) {
		const pool = await recentResponses(ctx, link.touchpoint, since, 3000);
		const used = new Set<string>();
		anchors.forEach((anchor, i) => {
			const contact = customers[i];
			if (!contact || random() >= link.share) return;
			// The customer's rating at this touchpoint: their NPS where the link is strong, chance where it is weak.
			const target = link.weight * rescaled(anchor) + (1 - link.weight) * random() + link.shift;
			let best: Candidate | undefined;
			for (const candidate of pool) {
				if (used.has(candidate.id)) continue;
				if (!best || Math.abs(rescaled(candidate) - target) < Math.abs(rescaled(best) - target)) best = candidate;
			}
			if (!best) return;
			used.add(best.id);
			links.push({ id: best.id, submitted_at: best.submitted_at, contact_id: contact.id });
		});
	}
	await ctx.db.execute(sql`update responses r set contact_id = x.contact_id
		from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as x(id uuid, submitted_at timestamptz, contact_id uuid)
		where r.id = x.id and r.submitted_at = x.submitted_at`);
	for (const kind of ["themes", "touchpoints"] as const)
		await computeAndStoreDrivers(ctx.db, ctx.organizationId, kind, {}, now);
	return links.length;
}
