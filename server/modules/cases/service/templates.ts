// Reply templates per organization (DE/EN): checked on save (unknown variables are refused), and a German and
// an English default made the first time an organization has none.
import { and, asc, eq, sql } from "drizzle-orm";
import { unknownVariables } from "../../../../lib/cases/reply-template";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { invalid, notFound } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import {
	type CreateReplyTemplateInput,
	REPLY_VARIABLES,
	type ReplyTemplateList,
	type ReplyTemplateView,
	type UpdateReplyTemplateInput,
} from "../contract-loop";
import { caseReplyTemplates } from "../schema-loop";

type TemplateRow = typeof caseReplyTemplates.$inferSelect;

/** An organization keeps at most this many templates (the list is never paginated). */
const MAX_TEMPLATES = 200;

export const DEFAULT_TEMPLATES = [
	{
		name: "Antwort",
		language: "de",
		subject: "Ihr Feedback zu {{ touchpoint.name | unserem Service }} (Fall #{{ case.number }})",
		body:
			"Guten Tag {{ customer.name | liebe Kundin, lieber Kunde }},\n\n" +
			"vielen Dank für Ihre Rückmeldung. Es tut uns leid, dass Sie nicht zufrieden waren. " +
			"Wir haben uns Ihr Anliegen angesehen und melden uns mit einer Lösung.\n\n" +
			"Antworten Sie einfach auf diese E-Mail, wenn Sie uns noch etwas mitteilen möchten.\n\n" +
			"Mit freundlichen Grüßen\n{{ agent.name }}\n{{ organization.name }}",
	},
	{
		name: "Reply",
		language: "en",
		subject: "Your feedback on {{ touchpoint.name | our service }} (case #{{ case.number }})",
		body:
			"Hello {{ customer.name | there }},\n\n" +
			"thank you for your feedback. We are sorry that you were not satisfied. " +
			"We have looked into it and will get back to you with a solution.\n\n" +
			"Simply reply to this email if there is anything else you would like to tell us.\n\n" +
			"Kind regards\n{{ agent.name }}\n{{ organization.name }}",
	},
] as const;

const toView = (row: TemplateRow): ReplyTemplateView => ({
	id: row.id,
	name: row.name,
	language: row.language,
	subject: row.subject,
	body: row.body,
	createdAt: row.createdAt.toISOString(),
	updatedAt: row.updatedAt.toISOString(),
});

/** Refuses placeholders that name no variable, listing them per field. */
function assertKnownVariables(fields: { subject?: string | undefined; body?: string | undefined }) {
	const issues = Object.entries(fields).flatMap(([field, text]) =>
		text === undefined
			? []
			: unknownVariables(text).map((name) => ({ field, message: `Unknown variable {{${name}}}` })),
	);
	const first = issues[0];
	if (first) {
		throw invalid(`${first.field}: ${first.message}; known: ${REPLY_VARIABLES.join(", ")}`, { fields: issues });
	}
}

async function ensureDefaultTemplates(db: Db, organizationId: string, now: Date): Promise<void> {
	const [existing] = await db
		.select({ id: caseReplyTemplates.id })
		.from(caseReplyTemplates)
		.where(eq(caseReplyTemplates.organizationId, organizationId))
		.limit(1);
	if (existing) return;
	await db
		.insert(caseReplyTemplates)
		.values(DEFAULT_TEMPLATES.map((t) => ({ ...t, organizationId, createdAt: now, updatedAt: now })))
		.onConflictDoNothing();
}

export async function findReplyTemplates(ctx: Ctx): Promise<ReplyTemplateList> {
	await ensureDefaultTemplates(ctx.db, ctx.organizationId, ctx.now);
	const rows = await ctx.db
		.select()
		.from(caseReplyTemplates)
		.where(eq(caseReplyTemplates.organizationId, ctx.organizationId))
		.orderBy(asc(caseReplyTemplates.language), asc(sql`lower(${caseReplyTemplates.name})`))
		.limit(MAX_TEMPLATES);
	return { items: rows.map(toView), variables: [...REPLY_VARIABLES] };
}

export async function getReplyTemplateInOrg(db: Db, organizationId: string, id: string): Promise<TemplateRow> {
	const [row] = await db
		.select()
		.from(caseReplyTemplates)
		.where(and(eq(caseReplyTemplates.organizationId, organizationId), eq(caseReplyTemplates.id, id)));
	if (!row) throw notFound("Reply template");
	return row;
}

export async function createReplyTemplate(ctx: Ctx, input: CreateReplyTemplateInput): Promise<ReplyTemplateView> {
	assertKnownVariables(input);
	return ctx.db.transaction(async (tx) => {
		const [{ count } = { count: 0 }] = await tx
			.select({ count: sql<number>`count(*)`.mapWith(Number) })
			.from(caseReplyTemplates)
			.where(eq(caseReplyTemplates.organizationId, ctx.organizationId));
		if (count >= MAX_TEMPLATES) throw invalid(`At most ${MAX_TEMPLATES} reply templates`);
		const [row] = await tx
			.insert(caseReplyTemplates)
			.values({ ...input, organizationId: ctx.organizationId, createdAt: ctx.now, updatedAt: ctx.now })
			.returning();
		if (!row) throw new Error("reply template not written");
		await recordAudit(
			tx,
			ctx,
			"cases.reply_template_created",
			{ type: "caseReplyTemplate", id: row.id },
			{
				name: input.name,
				language: input.language,
			},
		);
		return toView(row);
	});
}

export async function updateReplyTemplate(
	ctx: Ctx,
	id: string,
	input: UpdateReplyTemplateInput,
): Promise<ReplyTemplateView> {
	assertKnownVariables(input);
	return ctx.db.transaction(async (tx) => {
		await getReplyTemplateInOrg(tx, ctx.organizationId, id);
		const [row] = await tx
			.update(caseReplyTemplates)
			.set({ ...input, updatedAt: ctx.now })
			.where(and(eq(caseReplyTemplates.organizationId, ctx.organizationId), eq(caseReplyTemplates.id, id)))
			.returning();
		if (!row) throw notFound("Reply template");
		await recordAudit(tx, ctx, "cases.reply_template_updated", { type: "caseReplyTemplate", id }, input);
		return toView(row);
	});
}

export async function deleteReplyTemplate(ctx: Ctx, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.delete(caseReplyTemplates)
			.where(and(eq(caseReplyTemplates.organizationId, ctx.organizationId), eq(caseReplyTemplates.id, id)))
			.returning({ id: caseReplyTemplates.id });
		if (!row) throw notFound("Reply template");
		await recordAudit(tx, ctx, "cases.reply_template_deleted", { type: "caseReplyTemplate", id });
	});
}
