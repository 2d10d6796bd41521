// Shared set-up of the closed-loop tests: an organization with two departments, a touchpoint owned by one, an
// agent in each department, NPS responses through the public API, and cases written directly (their creation by
// rules is tested by the cases-core tests).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { cases } from "../../platform/schema";
import { sessionCookieOf, type TestApp } from "../../test/harness";

export type LoopOrg = Awaited<ReturnType<typeof setUpLoopOrg>>;

export async function setUpLoopOrg(t: TestApp, name: string) {
	const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
	const owner = await t.signUp(name, `owner@${slug}.example`);
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
	const serviceId = (await call("POST", "/api/v1/departments", { name: "Service" })).json.id as string;
	const logisticsId = (await call("POST", "/api/v1/departments", { name: "Logistik" })).json.id as string;
	const journey = (await call("POST", "/api/v1/journeys", { name: "Journey", standardStages: "de" })).json;
	const touchpointId = (
		await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
			stageId: journey.stages[0].id,
			name: "Lieferung",
			channel: "web",
			departmentId: serviceId,
		})
	).json.stages[0].touchpoints[0].id as string;
	async function invite(email: string, departmentId: string) {
		const invitation = await call("POST", "/api/v1/invitations", {
			email,
			role: "agent",
			departmentIds: [departmentId],
		});
		const accepted = await t.call("POST", "/api/v1/auth/accept-invitation", {
			body: {
				token: String(invitation.json.acceptUrl).split("/invitation/")[1],
				name: `Agent ${email.split("@")[0]}`,
				password: "agent password 1",
			},
		});
		return { cookie: sessionCookieOf(accepted.headers), userId: accepted.json.user.id as string };
	}
	const agent = await invite(`agent@${slug}.example`, serviceId);
	const otherAgent = await invite(`other@${slug}.example`, logisticsId);
	const survey = (await call("POST", "/api/v1/surveys", { template: "post_purchase_nps", touchpointId })).json;
	await call("POST", `/api/v1/surveys/${survey.id}/publish`);

	/** A completed NPS response (with a comment when given); returns its id and submitted_at. */
	async function respond(nps: number, comment?: string) {
		const responseId = randomUUID();
		const sent = await t.call("POST", "/api/v1/public/responses", {
			body: {
				surveySlug: survey.slug,
				responseId,
				language: "de",
				answers: comment ? { nps, reason: comment } : { nps },
				completed: true,
			},
		});
		if (sent.status >= 300) throw new Error(`response not stored: ${sent.status} ${sent.text}`);
		const result = (await t.db.execute(
			sql`select submitted_at from responses where id = ${responseId}`,
		)) as unknown as { rows: { submitted_at: Date | string }[] };
		return { responseId, submittedAt: new Date(result.rows[0]?.submitted_at ?? 0) };
	}

	/** A case written directly, in the Service department unless told otherwise. */
	async function openCase(values: Partial<typeof cases.$inferInsert> = {}) {
		const [row] = await t.db
			.insert(cases)
			.values({
				organizationId: owner.organizationId,
				number: sql`(select coalesce(max(number), 0) + 1 from cases where organization_id = ${owner.organizationId})`,
				status: "open",
				priority: "normal",
				departmentId: serviceId,
				source: "manual",
				touchpointId,
				subject: "Lieferung kam zu spät",
				customerEmail: "kunde@example.com",
				customerName: "Erika Muster",
				language: "de",
				...values,
			})
			.returning();
		if (!row) throw new Error("case not written");
		return row;
	}

	return { owner, call, serviceId, logisticsId, touchpointId, agent, otherAgent, survey, respond, openCase };
}

/** Counts of rows per table of an organization (to assert that a refused request wrote nothing). */
export async function loopRowCounts(t: TestApp, organizationId: string) {
	const result = (await t.db.execute(sql`select
		(select count(*)::int from case_messages where organization_id = ${organizationId}) as messages,
		(select count(*)::int from case_events where organization_id = ${organizationId}) as events,
		(select count(*)::int from outbound_emails where organization_id = ${organizationId}) as emails,
		(select count(*)::int from case_reply_templates where organization_id = ${organizationId}) as templates,
		(select count(*)::int from case_follow_ups where organization_id = ${organizationId}) as follow_ups,
		(select string_agg(id::text || status || version::text, ',' order by id) from cases where organization_id = ${organizationId}) as cases,
		(select string_agg(reply_state, ',' order by id) from responses where organization_id = ${organizationId}) as responses,
		(select string_agg(reply_state, ',' order by id) from mentions where organization_id = ${organizationId}) as mentions`)) as unknown as {
		rows: Record<string, unknown>[];
	};
	return result.rows[0];
}
