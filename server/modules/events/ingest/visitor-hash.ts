// The cookieless visitor id: a hash of a secret daily salt, the site, the IP address and the user agent,
// computed on the server (the browser never holds a stable id). Salts older than two days are deleted, so a
// hash can no longer be recomputed from an IP address (the approach Plausible documents for its visitor ids).
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";

const saltsByDb = new WeakMap<Db, Map<string, string>>();

async function saltOf(db: Db, day: string): Promise<string> {
	let cache = saltsByDb.get(db);
	if (!cache) {
		cache = new Map();
		saltsByDb.set(db, cache);
	}
	const cached = cache.get(day);
	if (cached) return cached;
	await db.execute(
		sql`insert into behaviour_salts (day, salt) values (${day}, ${randomBytes(32).toString("base64url")}) on conflict (day) do nothing`,
	);
	const result = (await db.execute(sql`select salt from behaviour_salts where day = ${day}`)) as unknown as {
		rows: { salt: string }[];
	};
	const salt = result.rows[0]?.salt;
	if (!salt) throw new Error("visitor salt missing");
	await db.execute(sql`delete from behaviour_salts where day < (${day}::date - 2)`);
	cache.clear();
	cache.set(day, salt);
	return salt;
}

const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

/** Anonymous: changes every UTC day. Identified (after consent): stable per site and customer id. */
export async function visitorHashOf(
	db: Db,
	input: { siteId: string; ip: string; userAgent: string; customerId?: string | undefined; now: Date },
): Promise<string> {
	if (input.customerId) return `c_${digest(`customer\u0000${input.siteId}\u0000${input.customerId}`)}`;
	const salt = await saltOf(db, input.now.toISOString().slice(0, 10));
	return digest(`${salt}\u0000${input.siteId}\u0000${input.ip}\u0000${input.userAgent}`);
}
