// Keyset pagination: an opaque cursor naming the last row seen (sort key + id), a WHERE for the rows
// after it, and the cut of one extra row that tells whether there is a next page.
import { and, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Page } from "../../lib/api/pagination";
import { invalid } from "./errors";

export function encodeCursor(sortKey: string, id: string): string {
	return Buffer.from(JSON.stringify([sortKey, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
	if (!cursor) return undefined;
	try {
		const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
		if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
			return { sortKey: parsed[0], id: parsed[1] };
		}
	} catch {
		// reported below
	}
	throw invalid("cursor: not a cursor this API returned", { fields: [{ field: "cursor", message: "Invalid cursor" }] });
}

type SortKey = { column: AnyPgColumn; kind: "text" | "time" };

/** Rows strictly after the cursor in (sort, id) order. */
export function afterCursor(
	cursor: string | undefined,
	sort: SortKey,
	id: AnyPgColumn,
	order: "asc" | "desc",
): SQL | undefined {
	const after = decodeCursor(cursor);
	if (!after) return undefined;
	const key = sort.kind === "time" ? new Date(after.sortKey) : after.sortKey;
	if (key instanceof Date && Number.isNaN(key.getTime())) throw invalid("cursor: not a cursor this API returned");
	const beyond = order === "asc" ? gt : lt;
	return or(beyond(sort.column, key), and(eq(sort.column, key), beyond(id, after.id)));
}

/** Cuts the limit+1 rows fetched to a page and makes the next cursor from its last row. */
export function toPage<Row, View>(
	rows: Row[],
	limit: number,
	view: (row: Row) => View,
	keyOf: (row: Row) => [sortKey: string | Date, id: string],
): Page<View> {
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	if (rows.length <= limit || !last) return { items: page.map(view), nextCursor: null };
	const [sortKey, id] = keyOf(last);
	return {
		items: page.map(view),
		nextCursor: encodeCursor(sortKey instanceof Date ? sortKey.toISOString() : sortKey, id),
	};
}
