// The inbox of feedback nobody answered yet: completed responses with a comment and mentions, newest first, per
// department (the owner of the touchpoint), keyset paginated over both tables, with counts per department, and the
// case already opened from each (if any; the unique (organization_id, response_id | mention_id) indexes of cases).
// Responses, mentions, touchpoints and departments belong to other modules: read by name, with the organization.
import { type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { decodeCursor, encodeCursor } from "../../../platform/pagination";
import type { UnansweredFeedbackView, UnansweredPage, UnansweredQuery } from "../contract-loop";

type FeedbackRow = {
	source: "response" | "mention";
	id: string;
	at: Date | string;
	touchpoint_id: string | null;
	touchpoint_name: string | null;
	department_id: string | null;
	score_type: "nps" | "csat" | "ces" | null;
	score: number | string | null;
	sentiment: "negative" | "neutral" | "positive" | null;
	text: string;
	channel: string;
	case_id: string | null;
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function findUnansweredFeedback(ctx: Ctx, query: UnansweredQuery): Promise<UnansweredPage> {
	const after = decodeCursor(query.cursor);
	const afterAt = after ? new Date(after.sortKey) : undefined;
	const before = (at: SQL, id: SQL) =>
		after && afterAt && !Number.isNaN(afterAt.getTime())
			? sql` and (${at}, ${id}) < (${afterAt.toISOString()}::timestamptz, ${after.id}::uuid)`
			: sql``;
	const inDepartment = (column: SQL) =>
		query.departmentId
			? sql` and ${column} in (select id from touchpoints where organization_id = ${ctx.organizationId}
				and department_id = ${query.departmentId})`
			: sql``;
	const take = query.limit + 1;
	// Each table's newest `take` rows past the cursor, merged: the union's first `take` are the page plus one.
	const rows = rowsOf<FeedbackRow>(
		await ctx.db.execute(sql`
		select * from (
			(select 'response' as source, r.id, r.submitted_at as at, r.touchpoint_id, t.name as touchpoint_name,
				t.department_id, r.score_type, r.score, r.sentiment, coalesce(r.comment_redacted, r.comment) as text,
				r.channel, c.id as case_id
			from responses r left join touchpoints t on t.id = r.touchpoint_id and t.organization_id = r.organization_id
			left join cases c on c.organization_id = r.organization_id and c.response_id = r.id
			where r.organization_id = ${ctx.organizationId} and r.reply_state = 'unanswered' and r.comment is not null
				and r.completed${inDepartment(sql`r.touchpoint_id`)}${before(sql`r.submitted_at`, sql`r.id`)}
			order by r.submitted_at desc, r.id desc limit ${take})
			union all
			(select 'mention', m.id, m.published_at, m.touchpoint_id, t.name, t.department_id, null, m.rating,
				m.sentiment, coalesce(m.text_redacted, m.text), m.source, c.id
			from mentions m left join touchpoints t on t.id = m.touchpoint_id and t.organization_id = m.organization_id
			left join cases c on c.organization_id = m.organization_id and c.mention_id = m.id
			where m.organization_id = ${ctx.organizationId} and m.reply_state = 'unanswered'
				${inDepartment(sql`m.touchpoint_id`)}${before(sql`m.published_at`, sql`m.id`)}
			order by m.published_at desc, m.id desc limit ${take})
		) feedback order by at desc, id desc limit ${take}`),
	);
	const views: UnansweredFeedbackView[] = rows.map((r) => ({
		source: r.source,
		id: r.id,
		at: new Date(r.at).toISOString(),
		touchpointId: r.touchpoint_id,
		touchpointName: r.touchpoint_name,
		departmentId: r.department_id,
		scoreType: r.score_type,
		score: r.score === null ? null : Number(r.score),
		sentiment: r.sentiment,
		text: r.text,
		channel: r.channel,
		replyState: "unanswered",
		caseId: r.case_id,
	}));
	const page = views.slice(0, query.limit);
	const last = page[page.length - 1];
	const nextCursor = views.length > query.limit && last ? encodeCursor(last.at, last.id) : null;
	return { items: page, nextCursor, countsByDepartment: await countByDepartment(ctx) };
}

/** Unanswered feedback per owner department: aggregates over the partial indexes, no rows loaded. */
async function countByDepartment(ctx: Ctx): Promise<UnansweredPage["countsByDepartment"]> {
	const rows = rowsOf<{ department_id: string | null; department_name: string | null; count: number | string }>(
		await ctx.db.execute(sql`
		select t.department_id, d.name as department_name, sum(u.n)::int as count
		from (
			select touchpoint_id, count(*)::int as n from responses
			where organization_id = ${ctx.organizationId} and reply_state = 'unanswered' and comment is not null and completed
			group by 1
			union all
			select touchpoint_id, count(*)::int from mentions
			where organization_id = ${ctx.organizationId} and reply_state = 'unanswered'
			group by 1
		) u
		left join touchpoints t on t.id = u.touchpoint_id and t.organization_id = ${ctx.organizationId}
		left join departments d on d.id = t.department_id
		group by t.department_id, d.name
		order by count desc, d.name`),
	);
	return rows.map((r) => ({
		departmentId: r.department_id,
		departmentName: r.department_name,
		count: Number(r.count),
	}));
}
