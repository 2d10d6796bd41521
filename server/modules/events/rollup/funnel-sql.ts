// SQL of a funnel's daily rollup: for each session, how far it got through the steps in order (each step at or
// after the previous one), counted per day × device × source × new/returning.
import { type SQL, sql } from "drizzle-orm";
import { EVENT_FLAGS } from "../contract";
import { urlPatternToSqlRegex } from "../url-patterns";

export type FunnelDefinition = { id: string; steps: { kind: "step" | "url"; value: string }[] };

function matches(step: FunnelDefinition["steps"][number], alias: string): SQL {
	const e = sql.raw(alias);
	if (step.kind === "step") return sql`${e}.type = 'step' and ${e}.name = ${step.value}`;
	const regex = urlPatternToSqlRegex(step.value);
	return /^https?:\/\//i.test(step.value)
		? sql`${e}.type = 'pageview' and ('https://' || ${e}.host || ${e}.path) ~* ${regex.replace(/^\^https?/i, "^https?")}`
		: sql`${e}.type = 'pageview' and ${e}.path ~ ${regex}`;
}

export function funnelInsertSql(organizationId: string, funnel: FunnelDefinition): SQL {
	const stepCtes: SQL[] = funnel.steps.map((step, index) => {
		const name = sql.raw(`s${index}`);
		if (index === 0) {
			return sql`${name} as (select day, session_id, min(occurred_at) as t from behaviour_day_events e
				where ${matches(step, "e")} group by day, session_id)`;
		}
		const previous = sql.raw(`s${index - 1}`);
		return sql`${name} as (select p.day, p.session_id, min(e.occurred_at) as t from ${previous} p
			join behaviour_day_events e on e.day = p.day and e.session_id = p.session_id and e.occurred_at >= p.t
			where ${matches(step, "e")} group by p.day, p.session_id)`;
	});
	const reached = sql.join(
		funnel.steps.map(
			(_, index) => sql`select day, session_id, ${index}::int as step_index from ${sql.raw(`s${index}`)}`,
		),
		sql` union all `,
	);
	return sql`
		with ${sql.join(stepCtes, sql`, `)},
		sessions as (
			select day, session_id, min(device) as device,
				coalesce((array_agg(source order by occurred_at) filter (where type = 'pageview' and source is not null))[1], 'direct') as source,
				bool_or(flags & ${EVENT_FLAGS.returning} <> 0) as says_returning, min(occurred_at) as started_at,
				min(visitor_hash) as visitor_hash
			from behaviour_day_events where session_id in (select session_id from s0) group by day, session_id
		), segmented as (
			select day, session_id, device, source,
				says_returning or started_at > min(started_at) over (partition by day, visitor_hash) as is_returning
			from sessions
		)
		insert into behaviour_funnel_days (organization_id, funnel_id, day, device, source, is_returning, step_index, sessions)
		select ${organizationId}::uuid, ${funnel.id}::uuid, r.day, g.device, g.source, g.is_returning, r.step_index, count(*)::int
		from (${reached}) r join segmented g using (day, session_id)
		group by r.day, g.device, g.source, g.is_returning, r.step_index`;
}
