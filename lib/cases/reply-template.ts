// A tiny, safe template language for replies to customers: `{{ name }}` or `{{ name | fallback }}` is replaced by
// a known variable's value; nothing else is evaluated, so a template can never run code or read other data.

export const REPLY_VARIABLES = [
	"customer.name",
	"customer.email",
	"case.number",
	"case.subject",
	"touchpoint.name",
	"agent.name",
	"organization.name",
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Partial<Record<ReplyVariable, string | null>>;

const KNOWN = new Set<string>(REPLY_VARIABLES);
// `{{`, a dotted name, an optional `| fallback` without braces, `}}`.
const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;

export const isReplyVariable = (name: string): name is ReplyVariable => KNOWN.has(name);

/** The names a template uses that are not variables (empty: the template is valid). */
export function unknownVariables(template: string): string[] {
	const unknown = new Set<string>();
	for (const match of template.matchAll(PLACEHOLDER)) {
		const name = match[1] ?? "";
		if (!KNOWN.has(name)) unknown.add(name);
	}
	return [...unknown];
}

/** Replaces every placeholder; a variable without a value becomes its fallback or the empty string. */
export function renderReplyTemplate(template: string, values: ReplyValues): string {
	return template.replace(PLACEHOLDER, (whole, rawName: string, fallback: string | undefined) => {
		if (!isReplyVariable(rawName)) return whole;
		const value = values[rawName];
		return value !== undefined && value !== null && value !== "" ? value : (fallback ?? "");
	});
}
