// Response rate of email invitations: of the invitations sent in the period, the share answered (at any time).
import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { dayOf, num, queryRows, type ResolvedFilter } from "./scope";

export type InvitationCounts = { sent: number; responded: number };

/**
 * Counts invitations by the day they were sent (organization time zone); a filter on touchpoints selects the
 * surveys bound to them. Invitations are email only: any other channel filter has no invitations.
 */
export async function invitationCountsOf(ctx: Ctx, filter: ResolvedFilter): Promise<InvitationCounts> {
	const { touchpointIds } = filter;
	if (filter.channel && filter.channel !== "email") return { sent: 0, responded: 0 };
	const parts = [
		sql`i.organization_id = ${ctx.organizationId}`,
		sql`i.sent_at is not null`,
		sql`(i.sent_at at time zone o.timezone)::date between ${dayOf(filter.from)}::date and ${dayOf(filter.to)}::date`,
	];
	if (filter.surveyId) parts.push(sql`i.survey_id = ${filter.surveyId}`);
	if (filter.language) parts.push(sql`i.language = ${filter.language}`);
	if (touchpointIds) {
		parts.push(sql`i.survey_id in (select s.id from surveys s where s.organization_id = ${ctx.organizationId}
			and s.touchpoint_id = any(${sql.param(touchpointIds)}::uuid[]))`);
	}
	if (filter.audience) {
		parts.push(sql`i.survey_id in (select s.id from surveys s where s.organization_id = ${ctx.organizationId}
			and s.audience = ${filter.audience})`);
	}
	const [row] = await queryRows<{ sent: unknown; responded: unknown }>(
		ctx.db,
		sql`select count(*)::float8 as sent, (count(*) filter (where i.responded_at is not null))::float8 as responded
			from email_invitations i join organizations o on o.id = i.organization_id
			where ${sql.join(parts, sql` and `)}`,
	);
	return { sent: num(row?.sent), responded: num(row?.responded) };
}
