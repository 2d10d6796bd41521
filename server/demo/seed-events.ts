// Demo behaviour: ~55,000 shop sessions (≈ 550,000 events) over the last 12 months, generated in one SQL
// statement from generate_series with deterministic pseudo-random numbers (hashint8), consistent with the
// demo's feedback: the checkout is slow (p75 LCP ≈ 4 s), some shop searches find nothing, and delivery
// tracking gets busier in the last two months. The rollup job then computes the year's rollups.
import { sql } from "drizzle-orm";
import { getSiteByPublicKey } from "../modules/admin/service/sites";
import { ensureEventPartitions } from "../modules/events/ingest/event-buffer";
import { kickRollup } from "../modules/events/rollup/schedule";
import { funnels } from "../modules/events/schema";
import { compileTouchpointPatterns, matchTouchpoint } from "../modules/events/url-patterns";
import { findTouchpoints } from "../modules/journey/service/touchpoints";
import type { Ctx } from "../platform/context";
import { DEMO_SITE_KEY } from "./seed-demo";

export const DEMO_SESSIONS = 58_000;
const DAYS = 365;
const SHOP = "https://nordstern-wohnen.example";

const PRODUCTS = [
	"sofa-lund",
	"sofa-bergen",
	"boxspringbett-nova",
	"esstisch-fjord",
	"stuhl-ella",
	"teppich-aura",
	"lampe-luna",
	"regal-oslo",
	"kissen-mila",
	"bettwaesche-linnea",
	"gartenlounge-sylt",
	"kommode-hedda",
];
const QUERIES = [
	"sofa",
	"boxspringbett",
	"esstisch",
	"teppich",
	"lampe",
	"kissen",
	"regal",
	"gartenmöbel",
	"bettwäsche",
	"stuhl",
	"sofa cord grün",
	"boxspringbett 200x220",
	"lieferstatus",
	"gutschein einlösen",
];
/** Queries the demo shop's search cannot answer (index positions in QUERIES). */
const ZERO_RESULT_FROM = 10;

/** Every path the generator can produce (for mapping to touchpoints with the same code as ingestion). */
function demoPaths(): string[] {
	return [
		"/",
		"/suche",
		"/warenkorb",
		"/checkout/adresse",
		"/checkout/zahlung",
		"/checkout/bestaetigung",
		"/sendungsverfolgung",
		"/kontakt",
		"/hilfe/chat",
		"/retoure",
		"/konto/bestellungen",
		"/abo",
		"/community/wohnideen",
		"/magazin/wohnideen",
		"/magazin/pflege",
		"/newsletter",
		...PRODUCTS.map((p) => `/produkte/${p}`),
	];
}

const arrayLiteral = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

/** `sessions` and `firstSession` let the benchmark add larger volumes with the same generator. */
export async function seedDemoEvents(
	ctx: Ctx,
	options: { sessions?: number; firstSession?: number; withDemoFunnel?: boolean } = {},
): Promise<void> {
	const firstSession = options.firstSession ?? 1;
	const lastSession = firstSession + (options.sessions ?? DEMO_SESSIONS) - 1;
	const startedMs = Date.now();
	const site = await getSiteByPublicKey(ctx.db, DEMO_SITE_KEY);
	const touchpoints = (await findTouchpoints(ctx, { limit: 200 })).items;
	const patterns = compileTouchpointPatterns(touchpoints);
	const paths = demoPaths();
	const touchpointOfPath = paths.map((p) => matchTouchpoint(patterns, SHOP, p));
	const now = ctx.now;
	await ensureEventPartitions(
		ctx.db,
		new Date(now.getTime() - (DAYS + 2) * 86400_000),
		new Date(now.getTime() + 40 * 86400_000),
	);
	// r(k): a deterministic number in [0, 1) for session i and draw k.
	const r = (k: number) => `((hashint8(s.i * 64 + ${k})::bigint & 2147483647) / 2147483648.0)`;
	const rp = (k: number) => `((hashint8(p.i * 4096 + p.j * 64 + ${k})::bigint & 2147483647) / 2147483648.0)`;
	const products = arrayLiteral(PRODUCTS.map((p) => `/produkte/${p}`));
	await ctx.db.execute(
		sql.raw(`
		insert into events (id, organization_id, site_id, occurred_at, received_at, type, name, value, visitor_hash,
			session_id, customer_id, host, path, referrer_host, source, device, touchpoint_id, properties, flags)
		with map as (
			select * from unnest(${arrayLiteral(paths)}::text[], ${arrayLiteral(touchpointOfPath.map((t) => t ?? ""))}::text[]) as m(path, touchpoint)
		), s as (
			select i,
				-- later days slightly busier (the shop grows); the age of the session in days
				floor(${DAYS} * power(${r(1)}, 1.15))::int as age_days,
				${r(2)} as rd, ${r(3)} as rs, ${r(4)} as ri, ${r(5)} as rn, ${r(6)} as rq, ${r(7)} as rt
			from generate_series(${firstSession}, ${lastSession}) as s(i)
		), sessions as (
			select i, rn, rq,
				'${now.toISOString()}'::timestamptz - make_interval(days => age_days) - make_interval(secs => 600 + rt * 80000) as started_at,
				case when rd < 0.55 then 'mobile' when rd < 0.63 then 'tablet' else 'desktop' end as device,
				case when rs < 0.34 then 'search' when rs < 0.52 then 'direct' when rs < 0.63 then 'social'
					when rs < 0.75 then 'email' when rs < 0.9 then 'ads' else 'referral' end as source,
				-- intent; delivery questions double in the last two months
				case when ri < 0.30 then 'browse' when ri < 0.50 then 'search' when ri < 0.70 then 'purchase'
					when ri < (case when age_days < 60 then 0.90 else 0.80 end) then 'delivery'
					when ri < 0.92 then 'service' when ri < 0.97 then 'account' else 'magazine' end as intent
			from s
		), plans as (
			select se.*, case intent
				when 'browse' then array['/', (${products})[1 + (i % 12)], (${products})[1 + ((i * 7) % 12)], (${products})[1 + ((i * 5) % 12)]]
				when 'search' then array['/', '/suche', (${products})[1 + (i % 12)], (${products})[1 + ((i * 3) % 12)]]
				when 'purchase' then array[(${products})[1 + (i % 12)], '/warenkorb', '/checkout/adresse', '/checkout/zahlung', '/checkout/bestaetigung']
				when 'delivery' then array['/sendungsverfolgung', '/sendungsverfolgung', '/kontakt', '/hilfe/chat']
				when 'service' then array['/hilfe/chat', '/kontakt', '/retoure']
				when 'account' then array['/konto/bestellungen', '/abo', '/newsletter']
				else array['/magazin/wohnideen', '/community/wohnideen', '/magazin/pflege'] end as plan,
				case intent
					when 'purchase' then case when rn < 0.18 then 2 when rn < 0.42 then 3 when rn < 0.62 then 4 else 5 end
					when 'browse' then 1 + floor(rn * 4)::int
					when 'search' then 2 + floor(rn * 3)::int
					else 1 + floor(rn * 3)::int end as page_count
			from sessions se
		), p as (
			select pl.i, pl.device, pl.source, pl.intent, pl.rq, j, pl.plan[j + 1] as path,
				pl.started_at + make_interval(secs => j * 45 + (hashint8(pl.i * 4096 + j) & 31)) as at, j = 0 as is_entry
			from plans pl, generate_series(0, pl.page_count - 1) as j
		), pages as (
			select p.*, ${rp(1)} as r1, ${rp(2)} as r2, ${rp(3)} as r3,
				p.path like '/checkout/%' or p.path = '/warenkorb' as is_checkout
			from p
		), generated as (
			select 'd' || i || '_' || j || '_pv' as id, at, 'pageview' as type, null::text as name, null::float8 as value,
				path, case when is_entry then source end as source,
				case when is_entry then case source when 'search' then 'www.google.de' when 'social' then 'www.instagram.com'
					when 'referral' then 'www.wohnblog.example' end end as referrer_host,
				null::jsonb as properties, 0 as flags, i, device
			from pages
			union all
			select 'd' || i || '_' || j || '_en', at + interval '40 seconds', 'engagement', null, round(3000 + r1 * 60000), path,
				null, null, jsonb_build_object('scroll', round(20 + r2 * 80)), 0, i, device
			from pages
			union all
			-- LCP: log-normal-ish around 1.8 s, checkout around 3.3 s (p75 ≈ 4 s)
			select 'd' || i || '_' || j || '_wv', at + interval '41 seconds', 'web_vital', null, null, path, null, null,
				jsonb_build_object(
					'lcp', round((case when is_checkout then 3300 else 1700 end) * exp((r1 - 0.5) * 1.1)),
					'inp', round((case when is_checkout then 260 else 110 end) * exp((r2 - 0.5) * 1.2)),
					'cls', round((0.04 * exp((r3 - 0.5) * 2))::numeric, 3),
					'ttfb', round((case when is_checkout then 900 else 380 end) * exp((r2 - 0.4) * 0.8)),
					'load', round((case when is_checkout then 4200 else 2300 end) * exp((r1 - 0.5) * 1.0))),
				0, i, device
			from pages
			union all
			select 'd' || i || '_' || j || '_se', at + interval '1 second', 'search',
				q.query, case when q.k > ${ZERO_RESULT_FROM} then 0 else 4 + (i % 40) end, path, null, null, null,
				case when q.k > ${ZERO_RESULT_FROM} then 4 else 0 end, i, device
			from pages, lateral (select (${arrayLiteral(QUERIES)})[1 + floor(rq * ${QUERIES.length})::int] as query,
				1 + floor(rq * ${QUERIES.length})::int as k) q
			where path = '/suche'
			union all
			select 'd' || i || '_' || j || '_st', at + interval '2 seconds', 'step',
				case path when '/warenkorb' then 'cart' when '/checkout/adresse' then 'address'
					when '/checkout/zahlung' then 'payment' else 'completed' end,
				null, path, null, null, null, 0, i, device
			from pages where is_checkout
		)
		select g.id, '${ctx.organizationId}'::uuid, '${site.id}'::uuid, g.at, g.at, g.type, g.name, g.value,
			'v' || (g.i - g.i % 3 * (g.i % 2)), 'demo' || lpad(g.i::text, 7, '0'), null, 'nordstern-wohnen.example',
			g.path, g.referrer_host, g.source, g.device, nullif(map.touchpoint, '')::uuid, g.properties, g.flags
		from generated g join map using (path)
		on conflict do nothing`),
	);
	const insertedMs = Date.now();
	if (options.withDemoFunnel === false) return;
	// The funnel is written directly (createFunnel would also queue its history job, which the rollup below does).
	await ctx.db.insert(funnels).values({
		organizationId: ctx.organizationId,
		name: "Checkout",
		steps: [
			{ label: "Warenkorb", kind: "step", value: "cart" },
			{ label: "Adresse", kind: "step", value: "address" },
			{ label: "Zahlung", kind: "step", value: "payment" },
			{ label: "Bestellt", kind: "step", value: "completed" },
		],
		createdAt: now,
		updatedAt: now,
	});
	// The year's rollups are computed by the rollup job in the background (newest month first), so that the
	// server is ready at once; the job starts from an empty watermark and finds every seeded day.
	kickRollup(ctx.jobs, ctx.log, 1);
	ctx.log.info({ insertMs: insertedMs - startedMs }, "demo behaviour seeded");
}
