// Email campaigns over a real SMTP server with workers on: personalised links and score links arrive, skipped
// contacts (unsubscribed, capped) get nothing, the reminder reaches only non-responders and only once, the
// unsubscribe link works, tokens cannot be forged or reused.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../platform/logging";
import { contacts, emailInvitations, outboundEmails } from "../../platform/schema";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { startSmtpServer, textOf } from "../../test/smtp";
import { createSurvey, publishSurvey } from "../surveys/service/surveys";
import { EmailCampaignView } from "./contract";
import { markInvitationResponded, openInvitationLink, redeemInvitationToken } from "./service/redeem";
import { sendCampaignReminders } from "./service/send-campaign";

const DAY_MS = 24 * 3600 * 1000;

describe("email campaigns", () => {
	let t: TestApp;
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	let cookie = "";
	let organizationId = "";
	let surveyId = "";
	let slug = "";
	let listId = "";
	let campaignId = "";
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie, body });
	const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
	const linkIn = (text: string, pattern: RegExp) => text.match(pattern)?.[0] ?? "";

	beforeAll(async () => {
		smtp = await startSmtpServer();
		t = await createTestApp({ workers: true, smtpUrl: smtp.url });
		const owner = await t.signUp("Mail GmbH", "owner@mail.example");
		({ cookie, organizationId } = owner);
		const journey = (await call("POST", "/api/v1/journeys", { name: "J", standardStages: "de" })).json;
		const touchpointId = (
			await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
				stageId: journey.stages[2].id,
				name: "Checkout",
				channel: "checkout",
			})
		).json.stages[2].touchpoints[0].id;
		const ctx = {
			db: t.db,
			jobs: t.jobs,
			log: createLogger("silent"),
			now: new Date(),
			organizationId,
			actor: { type: "user" as const, userId: owner.userId, role: "owner" as const },
			publicUrl: t.config.publicUrl,
		};
		const survey = await createSurvey(ctx, { template: "post_purchase_nps", touchpointId, slug: "kauf-nps" });
		await publishSurvey(ctx, survey.id);
		surveyId = survey.id;
		slug = "kauf-nps";
		listId = (await call("POST", "/api/v1/contact-lists", { name: "Käufer" })).json.id;
		const csv = [
			"email,name,language",
			"anna@example.com,Anna,de",
			"ben@example.com,Ben,en",
			"carla@example.com,Carla,de",
			"dirk@example.com,Dirk,de",
		].join("\n");
		expect((await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv })).status).toBe(200);
		await t.db.update(contacts).set({ unsubscribedAt: new Date() }).where(eq(contacts.email, "carla@example.com"));
		await t.db
			.update(contacts)
			.set({ lastInvitedAt: new Date(Date.now() - 5 * DAY_MS) })
			.where(eq(contacts.email, "dirk@example.com"));
	});
	afterAll(async () => {
		await t.close();
		await smtp.close();
	});

	it("sends one personalised email per reachable contact with score links, and counts the skipped", async () => {
		const created = await call("POST", "/api/v1/email-campaigns", {
			surveyId,
			contactListId: listId,
			subject: { de: "Wie war Ihr Einkauf?", en: "How was your purchase?" },
			intro: { de: "Hallo, wir möchten besser werden.", en: "Hello, we want to get better." },
			reminderAfterDays: 3,
		});
		expect(created.status).toBe(201);
		campaignId = created.json.id;
		await eventually(async () => (smtp.received.length >= 2 ? true : undefined));
		expect(mailTo("carla@example.com")).toHaveLength(0);
		expect(mailTo("dirk@example.com")).toHaveLength(0);
		const [anna] = mailTo("anna@example.com");
		const [ben] = mailTo("ben@example.com");
		expect(anna?.raw).toMatch(/Subject: Wie war Ihr Einkauf\?/);
		expect(ben?.raw).toMatch(/Subject: How was your purchase\?/);
		expect(anna?.raw).toMatch(/Content-Type: text\/html/);
		const text = textOf(anna ?? { from: "", to: [], raw: "" });
		const surveyLink = new RegExp(`http://loupe\\.test/s/${slug}\\?t=[0-9a-f]{32}\\.[\\w-]{22}&lang=de`);
		expect(text).toMatch(surveyLink);
		for (const score of [0, 5, 10]) expect(text).toMatch(new RegExp(`${surveyLink.source}&q1=${score}\\b`));
		expect(text).toMatch(/http:\/\/loupe\.test\/u\/[0-9a-f]{32}\.[\w-]{22}/);
		expect(textOf(ben ?? { from: "", to: [], raw: "" })).toMatch(/&lang=en&q1=10/);

		const stats = await eventually(async () => {
			const view = EmailCampaignView.parse((await call("GET", `/api/v1/email-campaigns/${campaignId}`)).json);
			return view.stats.sent === 2 ? view : undefined;
		});
		expect(stats.status).toBe("sent");
		expect(stats.stats).toMatchObject({ recipients: 4, sent: 2, skippedUnsubscribed: 1, skippedByCap: 1, failed: 0 });
		const [dirk] = await t.db.select().from(contacts).where(eq(contacts.email, "dirk@example.com"));
		expect(Date.now() - (dirk?.lastInvitedAt?.getTime() ?? 0)).toBeGreaterThan(4 * DAY_MS);
		const invitations = (await call("GET", `/api/v1/email-campaigns/${campaignId}/invitations?status=skipped`)).json;
		expect(invitations.items.map((i: { skipReason: string }) => i.skipReason).sort()).toEqual([
			"frequency_cap",
			"unsubscribed",
		]);
	});

	it("redeems a survey token once, refuses forged and reused tokens, and records the click", async () => {
		const text = textOf(mailTo("anna@example.com")[0] ?? { from: "", to: [], raw: "" });
		const token = linkIn(text, /(?<=\?t=)[0-9a-f]{32}\.[\w-]{22}/);
		const unsubscribeToken = linkIn(text, /(?<=\/u\/)[0-9a-f]{32}\.[\w-]{22}/);
		expect(await openInvitationLink(t.db, token)).toMatchObject({ state: "open", surveyId, language: "de" });
		const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
		const otherId = `${token[0] === "a" ? "b" : "a"}${token.slice(1)}`;
		for (const bad of [tampered, otherId, unsubscribeToken, "nonsense"]) {
			await expect(t.db.transaction((tx) => redeemInvitationToken(tx, bad))).rejects.toMatchObject({ code: "invalid" });
		}
		await expect(
			t.db.transaction((tx) => redeemInvitationToken(tx, token, { surveyId: "00000000-0000-4000-8000-000000000000" })),
		).rejects.toMatchObject({ code: "invalid" });
		const responseId = "11111111-1111-4111-8111-111111111111";
		const redeemed = await t.db.transaction(async (tx) => {
			const invitation = await redeemInvitationToken(tx, token, { surveyId });
			await markInvitationResponded(tx, invitation.invitationId, responseId);
			return invitation;
		});
		expect(redeemed).toMatchObject({ surveyId, organizationId });
		await expect(t.db.transaction((tx) => redeemInvitationToken(tx, token))).rejects.toMatchObject({
			code: "conflict",
		});
		await expect(
			t.db.transaction((tx) => markInvitationResponded(tx, redeemed.invitationId, responseId)),
		).rejects.toMatchObject({ code: "conflict" });
		expect(await openInvitationLink(t.db, token)).toMatchObject({ state: "answered" });
		const [row] = await t.db.select().from(emailInvitations).where(eq(emailInvitations.id, redeemed.invitationId));
		expect(row).toMatchObject({ responseId });
		expect(row?.clickedAt).not.toBeNull();
	});

	it("reminds only non-responders, only once, and not before it is due", async () => {
		const env = { db: t.db, jobs: t.jobs, log: createLogger("silent"), config: t.config };
		const data = { organizationId, campaignId };
		const before = smtp.received.length;
		await sendCampaignReminders(env, data, new Date(Date.now() + DAY_MS));
		await sendCampaignReminders(env, data, new Date(Date.now() + 3 * DAY_MS + 60_000));
		await sendCampaignReminders(env, data, new Date(Date.now() + 4 * DAY_MS));
		await eventually(async () => (smtp.received.length > before ? true : undefined));
		await new Promise((r) => setTimeout(r, 1500));
		const reminders = smtp.received.slice(before);
		expect(reminders.map((m) => m.to[0])).toEqual(["ben@example.com"]);
		expect(reminders[0]?.raw).toMatch(/Subject: Reminder: How was your purchase\?/);
		const view = (await call("GET", `/api/v1/email-campaigns/${campaignId}`)).json;
		expect(view.stats).toMatchObject({ reminded: 1, responded: 1 });
		expect(view.reminderSentAt).not.toBeNull();
	});

	it("unsubscribes by link only after confirmation, and skips the contact afterwards", async () => {
		const text = textOf(mailTo("ben@example.com")[0] ?? { from: "", to: [], raw: "" });
		const path = linkIn(text, /\/u\/[0-9a-f]{32}\.[\w-]{22}/);
		const page = await t.call("GET", path);
		expect(page.status).toBe(200);
		expect(page.text).toContain("Yes, unsubscribe");
		const contact = async () => (await t.db.select().from(contacts).where(eq(contacts.email, "ben@example.com")))[0];
		expect((await contact())?.unsubscribedAt).toBeNull();
		const confirmed = await t.call("POST", path);
		expect(confirmed.status).toBe(200);
		expect(confirmed.text).toContain("You are unsubscribed");
		expect((await contact())?.unsubscribedAt).not.toBeNull();
		expect((await t.call("GET", `${path.slice(0, -3)}xyz`)).status).toBe(404);
		expect((await call("GET", `/api/v1/email-campaigns/${campaignId}`)).json.stats.unsubscribed).toBe(1);

		const before = smtp.received.length;
		const second = await call("POST", "/api/v1/email-campaigns", {
			surveyId,
			contactListId: listId,
			subject: { de: "Noch einmal" },
			intro: { de: "Hallo" },
		});
		const stats = await eventually(async () => {
			const view = (await call("GET", `/api/v1/email-campaigns/${second.json.id}`)).json;
			return view.status === "sent" ? view.stats : undefined;
		});
		expect(stats).toMatchObject({ recipients: 4, sent: 0, queued: 0, skippedUnsubscribed: 2, skippedByCap: 2 });
		await new Promise((r) => setTimeout(r, 1000));
		expect(smtp.received.length).toBe(before);
	});

	it("records bounces from the provider webhook only with the organization's secret", async () => {
		const body = { events: [{ type: "bounce", email: "anna@example.com", reason: "550 mailbox full" }] };
		const anonymous = await t.call("POST", "/api/v1/public/email-events", { body });
		expect(anonymous.status).toBe(401);
		const secret = (await call("POST", "/api/v1/outreach/webhook-secret")).json.secret;
		const wrong = await t.call("POST", "/api/v1/public/email-events", { body, apiKey: `${secret}x` });
		expect(wrong.status).toBe(401);
		const [before] = await t.db.select().from(contacts).where(eq(contacts.email, "anna@example.com"));
		expect(before?.bouncedAt).toBeNull();
		const accepted = await t.call("POST", "/api/v1/public/email-events", {
			body: { events: [...body.events, { type: "complaint", email: "nobody@example.com" }] },
			apiKey: secret,
		});
		expect(accepted.json).toEqual({ recorded: 1, unknown: 1 });
		const [after] = await t.db.select().from(contacts).where(eq(contacts.email, "anna@example.com"));
		expect(after).toMatchObject({ bounceReason: "550 mailbox full" });
		const settings = (await call("GET", "/api/v1/outreach/settings")).json;
		expect(settings).toMatchObject({ contactCapDays: 30, hasWebhookSecret: true });
	});

	it("refuses another organization's list and bad input, writing nothing", async () => {
		const other = await t.signUp("Other GmbH", "owner@other-mail.example");
		const as = (body: unknown) => t.call("POST", "/api/v1/email-campaigns", { cookie: other.cookie, body });
		const valid = { surveyId, contactListId: listId, subject: { de: "x" }, intro: { de: "y" } };
		expect((await as(valid)).status).toBe(404);
		expect((await t.call("GET", `/api/v1/email-campaigns/${campaignId}`, { cookie: other.cookie })).status).toBe(404);
		expect((await call("POST", "/api/v1/email-campaigns", { ...valid, subject: {} })).status).toBe(400);
		expect((await call("POST", "/api/v1/email-campaigns", { ...valid, reminderAfterDays: 0 })).status).toBe(400);
		expect((await call("POST", "/api/v1/email-campaigns", { ...valid, extra: 1 })).status).toBe(400);
		const list = (await call("GET", "/api/v1/email-campaigns")).json.items;
		expect(list).toHaveLength(2);
		const emails = await t.db
			.select()
			.from(outboundEmails)
			.where(and(eq(outboundEmails.organizationId, other.organizationId)));
		expect(emails).toHaveLength(0);
	});
});
