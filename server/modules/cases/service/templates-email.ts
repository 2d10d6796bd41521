// The email of a reply to a customer: the agent's text as written, plus an HTML alternative of the same paragraphs
// (escaped, so nothing in a template or a value can inject markup), and the values of the template variables.
import { sql } from "drizzle-orm";
import type { ReplyValues } from "../../../../lib/cases/reply-template";
import type { Ctx } from "../../../platform/context";
import type { Db, Tx } from "../../../platform/db";
import type { CaseRow } from "./load";

export const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** A minimal HTML page of plain-text paragraphs. */
export function htmlOfText(text: string, language: "de" | "en", title: string): string {
	const paragraphs = text
		.split(/\n{2,}/)
		.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
		.join("");
	return (
		`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
		`<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#212529;max-width:600px">${paragraphs}</body></html>`
	);
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The variables' values for a case: names read from the organization, the acting user and the touchpoint. */
export async function replyValuesOf(db: Db | Tx, ctx: Pick<Ctx, "organizationId" | "actor">, row: CaseRow) {
	const userId = ctx.actor.type === "user" ? ctx.actor.userId : null;
	const [names] = rowsOf<{ organization: string | null; agent: string | null; touchpoint: string | null }>(
		await db.execute(sql`select
			(select o.name from organizations o where o.id = ${ctx.organizationId}) as organization,
			(select u.name from users u where u.id = ${userId}) as agent,
			(select t.name from touchpoints t where t.id = ${row.touchpointId} and t.organization_id = ${ctx.organizationId}) as touchpoint`),
	);
	const values: ReplyValues = {
		"customer.name": row.customerName,
		"customer.email": row.customerEmail,
		"case.number": String(row.number),
		"case.subject": row.subject,
		"touchpoint.name": names?.touchpoint ?? null,
		// Without a person (an API key), the organization signs.
		"agent.name": names?.agent ?? names?.organization ?? null,
		"organization.name": names?.organization ?? null,
	};
	return values;
}
