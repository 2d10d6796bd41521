// Touchpoint URL patterns ("/checkout/*", "https://shop.example/hilfe*"): `*` matches any characters, the rest
// literally; a path pattern matches the page path, a full-URL pattern matches scheme://host/path.

export type CompiledPattern = { touchpointId: string; regex: RegExp; isFullUrl: boolean; literalLength: number };

export function compileUrlPattern(touchpointId: string, pattern: string): CompiledPattern {
	const isFullUrl = /^https?:\/\//i.test(pattern);
	const body = pattern
		.split("*")
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
		.join(".*");
	return {
		touchpointId,
		regex: new RegExp(`^${body}$`, isFullUrl ? "i" : ""),
		isFullUrl,
		literalLength: pattern.replaceAll("*", "").length,
	};
}

/** Compiles every touchpoint's patterns, most specific (longest literal part) first, so "/konto/retoure*" wins over "/konto/*". */
export function compileTouchpointPatterns(touchpoints: { id: string; urlPatterns: string[] }[]): CompiledPattern[] {
	return touchpoints
		.flatMap((t) => t.urlPatterns.map((p) => compileUrlPattern(t.id, p)))
		.sort((a, b) => b.literalLength - a.literalLength);
}

/** The touchpoint a page belongs to, or null. `origin` is "https://host" of the page. */
export function matchTouchpoint(patterns: CompiledPattern[], origin: string, path: string): string | null {
	for (const pattern of patterns) {
		if (pattern.regex.test(pattern.isFullUrl ? origin + path : path)) return pattern.touchpointId;
	}
	return null;
}

/** A pattern as a PostgreSQL regular expression (for SQL over raw events, e.g. URL funnel steps). */
export function urlPatternToSqlRegex(pattern: string): string {
	const body = pattern
		.split("*")
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
		.join(".*");
	return `^${body}$`;
}
