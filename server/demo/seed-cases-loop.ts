// Demo conversation with customers on the demo's cases (run after the cases are seeded): the agents' email replies
// (delivered, one still retrying), some customers' answers, follow-ups on resolved cases (mostly "solved"), and
// the reply state of the feedback behind every case. Bulk SQL over the cases; deterministic by case number.
import { sql } from "drizzle-orm";
import type { Ctx } from "../platform/context";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function seedDemoCaseLoop(ctx: Pick<Ctx, "db" | "organizationId">, now: Date): Promise<number> {
	const org = ctx.organizationId;
	const at = now.toISOString();
	return ctx.db.transaction(async (tx) => {
		// Replies: one per answered case with an address, sent when the case was first answered.
		const [replies] = rowsOf<{ n: number }>(
			await tx.execute(sql`with src as (
				select c.id, c.number, c.customer_email, c.customer_name, c.subject, c.language, c.first_responded_at,
					c.assignee_id, gen_random_uuid() as email_id, gen_random_uuid() as message_id
				from cases c where c.organization_id = ${org} and c.first_responded_at is not null
					and c.customer_email is not null),
			emails as (
				insert into outbound_emails (id, organization_id, to_address, subject, text_body, status, attempts,
					last_error, sent_at, created_at, headers)
				select email_id, ${org}, customer_email, subject || ' (Fall #' || number || ')',
					case when language = 'en' then 'Hello ' || coalesce(customer_name, 'there') || ', thank you for your feedback. We are on it.'
					else 'Guten Tag ' || coalesce(customer_name, '') || ', vielen Dank für Ihre Rückmeldung. Wir kümmern uns darum.' end,
					case when number % 23 = 0 then 'failed' else 'sent' end,
					case when number % 23 = 0 then 2 else 1 end,
					case when number % 23 = 0 then 'connect ECONNREFUSED (mail server not reachable)' end,
					case when number % 23 = 0 then null else first_responded_at end,
					first_responded_at,
					jsonb_build_object('messageId', '<case-' || message_id || '@localhost>')
				from src returning id),
			messages as (
				insert into case_messages (id, organization_id, case_id, kind, author_id, body, subject, email_id, message_id,
					from_address, created_at)
				select message_id, ${org}, id, 'outbound', assignee_id,
					case when language = 'en' then 'Hello ' || coalesce(customer_name, 'there') || ', thank you for your feedback. We are on it.'
					else 'Guten Tag ' || coalesce(customer_name, '') || ', vielen Dank für Ihre Rückmeldung. Wir kümmern uns darum.' end,
					subject || ' (Fall #' || number || ')', email_id, '<case-' || message_id || '@localhost>', null, first_responded_at
				from src returning id)
			select count(*)::int as n from messages`),
		);
		// Some customers answered within a day (every third answered case that is not waiting on them).
		await tx.execute(sql`insert into case_messages (organization_id, case_id, kind, body, subject, message_id,
				from_address, created_at)
			select ${org}, c.id, 'inbound',
				case when c.language = 'en' then 'Thanks for getting back to me. Please let me know when it is sorted.'
				else 'Danke für die schnelle Antwort. Bitte geben Sie mir Bescheid, wenn es erledigt ist.' end,
				'Re: ' || c.subject, '<demo-reply-' || c.id || '@mail.example>', c.customer_email,
				least(c.first_responded_at + interval '5 hours', ${at}::timestamptz)
			from cases c where c.organization_id = ${org} and c.first_responded_at is not null
				and c.customer_email is not null and c.status <> 'waiting' and c.number % 3 = 0`);
		// Follow-ups of resolved cases: about three in four say solved; every fifth is not answered (yet).
		await tx.execute(sql`insert into case_follow_ups (organization_id, case_id, resolved_at, language, status, is_solved,
				satisfaction, answered_at, created_at)
			select ${org}, c.id, c.resolved_at, c.language,
				case when c.number % 5 = 0 then 'sent' else 'answered' end,
				case when c.number % 5 = 0 then null else c.number % 4 <> 1 end,
				case when c.number % 5 = 0 then null when c.number % 4 <> 1 then 4 + c.number % 2 else 1 + c.number % 2 end,
				case when c.number % 5 = 0 then null else least(c.resolved_at + interval '1 day', ${at}::timestamptz) end,
				least(c.resolved_at + interval '30 minutes', ${at}::timestamptz)
			from cases c where c.organization_id = ${org} and c.resolved_at is not null and c.customer_email is not null
			on conflict do nothing`);
		// A "not solved" answer reopened its case, which was then resolved again.
		await tx.execute(sql`update cases c set reopen_count = c.reopen_count + 1
			from case_follow_ups f where f.organization_id = ${org} and f.case_id = c.id and f.is_solved = false`);
		await tx.execute(sql`insert into case_events (organization_id, case_id, at, actor, kind, data)
			select ${org}, f.case_id, f.answered_at, 'public', 'follow_up_answered',
				jsonb_build_object('followUpId', f.id, 'isSolved', f.is_solved, 'satisfaction', f.satisfaction)
			from case_follow_ups f where f.organization_id = ${org} and f.status = 'answered'`);
		// The feedback behind each case: answered once the customer got an answer, acknowledged otherwise.
		for (const table of ["responses", "mentions"] as const) {
			const key = table === "responses" ? sql`c.response_id` : sql`c.mention_id`;
			const partition = table === "responses" ? sql` and f.submitted_at = c.response_submitted_at` : sql``;
			await tx.execute(sql`update ${sql.identifier(table)} f
				set reply_state = case when c.first_responded_at is not null then 'answered' else 'acknowledged' end
				from cases c where c.organization_id = ${org} and f.organization_id = ${org} and f.id = ${key}${partition}`);
		}
		return replies?.n ?? 0;
	});
}
