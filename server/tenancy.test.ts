// Walks EVERY admin endpoint in the OpenAPI document as a user (and an API key) of another organization:
// each one must refuse organization A's ids (403/404), list none of A's rows, and change nothing of A's.
import { eq, getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "./platform/schema";
import { createTestApp, sessionCookieOf, type TestApp } from "./test/harness";

type Ids = Record<string, string>;

/** Endpoints that are not organization-scoped admin endpoints (no session yet, or public by design). */
const NOT_SCOPED = new Set([
	"POST /api/v1/auth/sign-up",
	"POST /api/v1/auth/sign-in",
	"POST /api/v1/auth/sign-out",
	"POST /api/v1/auth/accept-invitation",
	"GET /api/v1/public/invitations/{token}",
	"POST /api/v1/public/responses",
	"GET /api/v1/public/surveys/{slug}",
	"POST /api/v1/public/email-events",
	"POST /api/v1/public/events",
	"POST /api/v1/public/cases/inbound",
	"GET /api/v1/public/dashboards/{token}",
	"GET /api/v1/public/dashboards/{token}/data",
]);

/** A valid body for each endpoint that takes one, aimed at organization A's data. */
const bodies = (a: Ids): Record<string, unknown> => ({
	"POST /api/v1/surveys": { template: "delivery", touchpointId: a.touchpointId },
	"PATCH /api/v1/surveys/{id}": { name: "Stolen" },
	"POST /api/v1/surveys/{id}/publish": undefined,
	"POST /api/v1/surveys/{id}/close": undefined,
	"POST /api/v1/surveys/{id}/distributions": { kind: "link" },
	"POST /api/v1/contact-lists": { name: "B list" },
	"PATCH /api/v1/contact-lists/{id}": { name: "Stolen" },
	"POST /api/v1/contact-lists/{id}/members": { contactIds: [a.contactId] },
	"POST /api/v1/contact-lists/{id}/import": { csv: "email\nspy@b.example" },
	"POST /api/v1/contacts": { email: "spy@b.example", listIds: [a.contactListId] },
	"PATCH /api/v1/contacts/{id}": { name: "Stolen" },
	"POST /api/v1/mentions/import": {
		touchpointId: a.touchpointId,
		csv: "source,source_id,text,published_at\nSpy,1,stolen,2025-01-01",
	},
	"POST /api/v1/email-campaigns": {
		surveyId: a.surveyId,
		contactListId: a.contactListId,
		subject: { de: "Spy" },
		intro: { de: "Spy" },
	},
	"PATCH /api/v1/outreach/settings": { contactCapDays: 1 },
	"POST /api/v1/outreach/webhook-secret": undefined,
	"POST /api/v1/funnels": {
		name: "B funnel",
		steps: [
			{ label: "Cart", kind: "url", value: "/cart*" },
			{ label: "Paid", kind: "step", value: "payment" },
		],
	},
	"PATCH /api/v1/funnels/{funnelId}": { name: "Stolen" },
	"POST /api/v1/text/themes": { key: "b-theme", label: { de: "B", en: "B" }, keywords: { de: ["bbb"], en: [] } },
	"PATCH /api/v1/text/themes/{id}": { isActive: false },
	"POST /api/v1/text/corrections": { targetKind: "response", targetId: a.themeId, sentiment: "negative" },
	"POST /api/v1/text/reanalysis": { reason: "B" },
	"POST /api/v1/text/models/train": { language: "de" },
	"PUT /api/v1/text/settings": { redactPii: false },
	"POST /api/v1/auth/switch-organization": { organizationId: a.organizationId },
	"PATCH /api/v1/me": { locale: "en" },
	"PATCH /api/v1/organization": { name: "Renamed" },
	"POST /api/v1/departments": { name: "Fresh department" },
	"PATCH /api/v1/departments/{id}": { name: "Stolen" },
	"PATCH /api/v1/members/{userId}": { role: "viewer" },
	"POST /api/v1/invitations": { email: "spy@b.example", role: "agent", departmentIds: [a.departmentId] },
	"POST /api/v1/api-keys": { name: "B key", role: "viewer" },
	"POST /api/v1/sites": { name: "B shop", allowedOrigins: ["https://b.example"] },
	"PATCH /api/v1/sites/{id}": { name: "Stolen" },
	"POST /api/v1/journeys": { name: "B journey" },
	"PATCH /api/v1/journeys/{journeyId}": { name: "Stolen" },
	"POST /api/v1/journeys/{journeyId}/stages": { name: "Stolen stage" },
	"PUT /api/v1/journeys/{journeyId}/stage-order": { stageIds: [a.stageId] },
	"PATCH /api/v1/journeys/{journeyId}/stages/{stageId}": { name: "Stolen" },
	"PUT /api/v1/journeys/{journeyId}/stages/{stageId}/touchpoint-order": { touchpointIds: [a.touchpointId] },
	"POST /api/v1/journeys/{journeyId}/touchpoints": { stageId: a.stageId, name: "Stolen", channel: "web" },
	"PATCH /api/v1/journeys/{journeyId}/touchpoints/{touchpointId}": { name: "Stolen" },
	"POST /api/v1/cases": { subject: "Stolen", departmentId: a.departmentId, touchpointId: a.touchpointId },
	"PATCH /api/v1/cases/{id}": { priority: "low" },
	"POST /api/v1/cases/bulk": { ids: [a.caseId], change: { kind: "priority", priority: "low" } },
	"POST /api/v1/cases/{id}/notes": { body: "Stolen" },
	"POST /api/v1/cases/rules": { name: "B rule", conditions: { touchpointIds: [a.touchpointId] } },
	"PATCH /api/v1/cases/rules/{id}": { name: "Stolen" },
	"PUT /api/v1/cases/rule-order": { ruleIds: [a.caseRuleId] },
	"POST /api/v1/cases/root-causes": { label: { de: "B-Ursache", en: "B cause" } },
	"PATCH /api/v1/cases/root-causes/{id}": { archived: true },
	"PATCH /api/v1/cases/settings": { currency: "USD" },
	"POST /api/v1/feedback/reply-state": { items: [{ source: "response", id: a.responseId }] },
	"POST /api/v1/cases/reply-templates": { name: "B template", language: "en", subject: "Hi", body: "Hello" },
	"PATCH /api/v1/cases/reply-templates/{templateId}": { name: "Stolen" },
	"POST /api/v1/cases/inbound-secret": undefined,
	"POST /api/v1/cases/{id}/messages": { body: "Stolen" },
	"POST /api/v1/cases/{id}/public-note": { body: "Stolen" },
	"POST /api/v1/analytics/dashboards": {
		name: "B dashboard",
		widgets: [{ id: "k", kind: "kpi", metric: "nps", filter: { touchpointIds: [a.touchpointId] } }],
	},
	"PATCH /api/v1/analytics/dashboards/{id}": { name: "Stolen" },
	"POST /api/v1/analytics/dashboards/{id}/share-links": { label: "Stolen" },
	"POST /api/v1/analytics/alert-rules": {
		name: "B rule",
		kind: "nps_drop",
		scope: { touchpointIds: [a.touchpointId] },
	},
	"PATCH /api/v1/analytics/alert-rules/{id}": { name: "Stolen" },
	"POST /api/v1/analytics/alert-rules/evaluate": undefined,
	"PATCH /api/v1/analytics/alerts/{id}": { status: "resolved" },
	"POST /api/v1/analytics/drivers/recompute": { kind: "themes" },
});

/** Organization A's executive dashboard with a share link, its default alert rules and one fired alert. */
async function setUpInsightsDashboards(t: TestApp, cookie: string, a: Ids) {
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie, body });
	a.dashboardId = (await call("GET", "/api/v1/analytics/dashboards")).json.items[0].id;
	a.shareLinkId = (await call("POST", `/api/v1/analytics/dashboards/${a.dashboardId}/share-links`, {})).json.id;
	a.alertRuleId = (await call("GET", "/api/v1/analytics/alert-rules")).json.items[0].id;
	const [alert] = await t.db
		.insert(schema.alerts)
		.values({
			organizationId: a.organizationId ?? "",
			ruleId: a.alertRuleId,
			kind: "nps_drop",
			conditionKey: `${a.alertRuleId}:${a.touchpointId}:-`,
			touchpointId: a.touchpointId,
			evidence: {
				metric: "nps",
				current: 10,
				previous: 40,
				difference: -30,
				ci95: [-40, -20],
				currentN: 100,
				previousN: 100,
				window: { from: "2026-01-01", to: "2026-01-28" },
				comparisonWindow: { from: "2025-10-01", to: "2025-12-31" },
				touchpointName: "A touchpoint",
				themeLabel: null,
			},
			pValue: 0.001,
			qValue: 0.002,
			firstSeenAt: new Date(),
			lastSeenAt: new Date(),
		})
		.returning({ id: schema.alerts.id });
	a.alertId = alert?.id ?? "";
}

/** Organization A's contact list, contact, mention and email campaign (on A's live survey, see setUpSurveys). */
async function setUpOutreach(t: TestApp, cookie: string, a: Ids) {
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie, body });
	a.contactListId = (await call("POST", "/api/v1/contact-lists", { name: "A list" })).json.id;
	a.contactId = (
		await call("POST", "/api/v1/contacts", { email: "customer@a.example", listIds: [a.contactListId] })
	).json.id;
	await call("POST", "/api/v1/mentions/import", {
		touchpointId: a.touchpointId,
		csv: "source,source_id,text,published_at\nTrustpilot,a-1,Late delivery,2025-01-01",
	});
	a.mentionId = (await call("GET", "/api/v1/mentions")).json.items[0].id;
	a.campaignId = (
		await call("POST", "/api/v1/email-campaigns", {
			surveyId: a.surveyId,
			contactListId: a.contactListId,
			subject: { de: "Hallo" },
			intro: { de: "Wie war es?" },
		})
	).json.id;
}

/** Organization A's live survey with a distribution and one customer response. */
async function setUpSurveys(t: TestApp, cookie: string, a: Ids) {
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie, body });
	const survey = (
		await call("POST", "/api/v1/surveys", { template: "post_purchase_nps", touchpointId: a.touchpointId })
	).json;
	await call("POST", `/api/v1/surveys/${survey.id}/publish`);
	await call("POST", `/api/v1/surveys/${survey.id}/distributions`, { kind: "qr" });
	a.surveyId = survey.id;
	a.responseId = crypto.randomUUID();
	await t.call("POST", "/api/v1/public/responses", {
		body: { surveySlug: survey.slug, responseId: a.responseId, language: "de", answers: { nps: 7 }, completed: true },
	});
}

/** Which of A's ids goes into `{id}` for a path. */
/** Organization A's case (written directly, so this does not depend on the rules) and reply template. */
async function setUpCaseLoop(t: TestApp, cookie: string, a: Ids) {
	if (!a.caseId) {
		const [row] = await t.db
			.insert(schema.cases)
			.values({
				organizationId: a.organizationId ?? "",
				number: 900,
				source: "mention",
				mentionId: a.mentionId,
				subject: "A case",
				customerEmail: "customer@a.example",
			})
			.returning({ id: schema.cases.id });
		a.caseId = row?.id ?? "";
	}
	a.templateId = (await t.call("GET", "/api/v1/cases/reply-templates", { cookie })).json.items[0].id;
	const call = (path: string, body: unknown) => t.call("POST", path, { cookie, body });
	a.caseRuleId = (
		await call("/api/v1/cases/rules", { name: "A rule", conditions: { scoreType: "nps", maxScore: 6 } })
	).json.id;
	a.rootCauseId = (await call("/api/v1/cases/root-causes", { label: { de: "A-Ursache", en: "A cause" } })).json.id;
}

function pathFor(template: string, a: Ids): string {
	const byPrefix: [string, string | undefined][] = [
		["/api/v1/departments", a.departmentId],
		["/api/v1/invitations", a.invitationId],
		["/api/v1/api-keys", a.apiKeyId],
		["/api/v1/sites", a.siteId],
		["/api/v1/surveys", a.surveyId],
		["/api/v1/responses", a.responseId],
		["/api/v1/contact-lists", a.contactListId],
		["/api/v1/contacts", a.contactId],
		["/api/v1/mentions", a.mentionId],
		["/api/v1/email-campaigns", a.campaignId],
		["/api/v1/text/themes", a.themeId],
		["/api/v1/text/reanalysis", a.reanalysisId],
		["/api/v1/cases/rules", a.caseRuleId],
		["/api/v1/cases/root-causes", a.rootCauseId],
		["/api/v1/cases", a.caseId],
		["/api/v1/analytics/dashboards", a.dashboardId],
		["/api/v1/analytics/alert-rules", a.alertRuleId],
		["/api/v1/analytics/alerts", a.alertId],
	];
	const idFor = byPrefix.find(([prefix]) => template.startsWith(prefix))?.[1];
	return template
		.replace("{journeyId}", a.journeyId ?? "")
		.replace("{stageId}", a.stageId ?? "")
		.replace("{touchpointId}", a.touchpointId ?? "")
		.replace("{userId}", a.agentUserId ?? "")
		.replace("{contactId}", a.contactId ?? "")
		.replace("{funnelId}", a.funnelId ?? "")
		.replace("{sessionId}", a.sessionId ?? "")
		.replace("{linkId}", a.shareLinkId ?? "")
		.replace("{templateId}", a.templateId ?? "")
		.replace("{id}", idFor ?? "");
}

describe("tenancy: another organization's ids are refused on every endpoint", () => {
	let t: TestApp;
	const a: Ids = {};
	let bCookie = "";
	let bKey = "";
	let routes: { method: string; path: string }[] = [];

	/** Every row of A's organization, in every table that has organization_id (plus A's users). */
	async function snapshotOfA(): Promise<string> {
		const parts: string[] = [];
		for (const [name, table] of Object.entries(schema)) {
			if (typeof table !== "object" || !table || !("organizationId" in (table as object))) continue;
			const columns = getTableColumns(table as PgTable);
			if (!columns.organizationId) continue;
			const rows = await t.db
				.select()
				.from(table as PgTable)
				.where(eq(columns.organizationId, a.organizationId ?? ""));
			const stable = rows.map((r) => JSON.stringify(r)).sort();
			parts.push(`${name}:${stable.join("|")}`);
		}
		const members = await t.db
			.select({ user: schema.users })
			.from(schema.users)
			.innerJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
			.where(eq(schema.memberships.organizationId, a.organizationId ?? ""));
		parts.push(
			`users:${members
				.map((m) => JSON.stringify(m.user))
				.sort()
				.join("|")}`,
		);
		return parts.join("\n");
	}

	beforeAll(async () => {
		t = await createTestApp();
		const owner = await t.signUp("Org A", "owner@a.example");
		const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
		a.organizationId = owner.organizationId;
		a.departmentId = (await call("POST", "/api/v1/departments", { name: "A-Service" })).json.id;
		const journey = (await call("POST", "/api/v1/journeys", { name: "A journey", standardStages: "de" })).json;
		a.journeyId = journey.id;
		a.stageId = journey.stages[0].id;
		const withTouchpoint = await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
			stageId: a.stageId,
			name: "A touchpoint",
			channel: "web",
			departmentId: a.departmentId,
		});
		a.touchpointId = withTouchpoint.json.stages[0].touchpoints[0].id;
		const invitation = await call("POST", "/api/v1/invitations", { email: "agent@a.example", role: "agent" });
		a.invitationId = invitation.json.id;
		const accepted = await t.call("POST", "/api/v1/auth/accept-invitation", {
			body: {
				token: String(invitation.json.acceptUrl).split("/invitation/")[1],
				name: "A agent",
				password: "agent password 1",
			},
		});
		sessionCookieOf(accepted.headers);
		const second = await call("POST", "/api/v1/invitations", { email: "pending@a.example", role: "viewer" });
		a.invitationId = second.json.id;
		a.agentUserId = accepted.json.user.id;
		a.apiKeyId = (await call("POST", "/api/v1/api-keys", { name: "A key", role: "viewer" })).json.id;
		a.siteId = (await call("POST", "/api/v1/sites", { name: "A shop", allowedOrigins: ["https://a.example"] })).json.id;
		a.themeId = (await call("GET", "/api/v1/text/themes")).json.items[0].id;
		const aSiteKey = (await call("GET", "/api/v1/sites")).json.items[0].publicKey;
		a.sessionId = "sess_tenancy_a";
		await t.call("POST", "/api/v1/public/events", {
			body: JSON.stringify({
				site: aSiteKey,
				session: a.sessionId,
				events: [{ id: "ev_tenancy_a1", type: "pageview", at: Date.now(), url: "https://a.example/cart" }],
			}),
			headers: { "content-type": "text/plain", origin: "https://a.example", "user-agent": "Mozilla/5.0 Chrome/131.0" },
		});
		a.funnelId = (await call("POST", "/api/v1/funnels", bodies(a)["POST /api/v1/funnels"])).json.id;
		a.reanalysisId = (await call("POST", "/api/v1/text/reanalysis", { reason: "A" })).json.id;

		await setUpSurveys(t, owner.cookie, a);
		await setUpOutreach(t, owner.cookie, a);
		await setUpCaseLoop(t, owner.cookie, a);
		await setUpInsightsDashboards(t, owner.cookie, a);

		const b = await t.signUp("Org B", "owner@b.example");
		bCookie = b.cookie;
		bKey = (await t.call("POST", "/api/v1/api-keys", { cookie: bCookie, body: { name: "B admin", role: "admin" } }))
			.json.key;

		const spec = (await t.call("GET", "/api/v1/openapi.json")).json;
		for (const [path, methods] of Object.entries(spec.paths as Record<string, object>)) {
			for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), path });
		}
		routes = routes.filter((r) => !NOT_SCOPED.has(`${r.method} ${r.path}`));
	});
	afterAll(() => t.close());

	it("knows a body for every endpoint that takes one", () => {
		const known = bodies(a);
		const missing = routes
			.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method))
			.map((r) => `${r.method} ${r.path}`)
			.filter((key) => !(key in known));
		expect(missing).toEqual([]);
		expect(routes.length).toBeGreaterThan(25);
	});

	for (const as of ["session", "apiKey"] as const) {
		it(`refuses A's data to B's ${as === "session" ? "owner" : "admin API key"} on every endpoint`, async () => {
			const before = await snapshotOfA();
			const aIds = Object.values(a);
			const failures: string[] = [];
			for (const route of routes) {
				const key = `${route.method} ${route.path}`;
				const path = pathFor(route.path, a);
				const res = await t.call(route.method, path, {
					...(as === "session" ? { cookie: bCookie } : { apiKey: bKey }),
					body: bodies(a)[key],
				});
				const hasPathIds = route.path.includes("{");
				const leaked = aIds.filter((id) => res.text.includes(id));
				const refusedWrite = res.status >= 400 && res.status < 500;
				const isOk =
					hasPathIds || key === "POST /api/v1/auth/switch-organization"
						? [403, 404].includes(res.status)
						: leaked.length === 0 && (res.status < 300 || refusedWrite);
				if (!isOk || leaked.length > 0) failures.push(`${key} → ${res.status} leaked=${leaked.length}`);
			}
			expect(failures).toEqual([]);
			expect(await snapshotOfA()).toBe(before);
		});
	}

	it("refuses A's ids passed as query parameters (insights filters)", async () => {
		const queries = [
			`/api/v1/analytics/kpis?touchpointId=${a.touchpointId}`,
			`/api/v1/analytics/kpis?stageId=${a.stageId}`,
			`/api/v1/analytics/kpis?journeyId=${a.journeyId}`,
			`/api/v1/analytics/kpis?surveyId=${a.surveyId}`,
			`/api/v1/analytics/journey-map?journeyId=${a.journeyId}`,
		];
		const before = await snapshotOfA();
		const statuses = [];
		for (const path of queries) statuses.push((await t.call("GET", path, { cookie: bCookie })).status);
		expect(statuses).toEqual(queries.map(() => 404));
		expect(await snapshotOfA()).toBe(before);
	});
});
