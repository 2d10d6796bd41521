// Delivery failures over a real SMTP server that refuses some recipients: a temporary refusal (4xx) is recorded
// and retried until it is delivered; a permanent one (5xx) is final and marks the contact bounced.
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../platform/logging";
import { type EmailOutcome, sendEmailJob } from "../../platform/mail/mailer";
import { contacts, emailInvitations, outboundEmails } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { createSurvey, publishSurvey } from "../surveys/service/surveys";
import { DELIVERY_OUTCOME_JOB, recordDeliveryOutcome, sendCampaign } from "./service/send-campaign";

describe("email delivery failures", () => {
	let t: TestApp;
	let server: SMTPServer;
	let smtpUrl = "";
	const delivered: string[] = [];
	let temporaryRefusals = 1;

	beforeAll(async () => {
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ["STARTTLS", "AUTH"],
			logger: false,
			onRcptTo(address, _session, callback) {
				if (address.address.startsWith("busy@") && temporaryRefusals-- > 0) {
					return callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 451 }));
				}
				if (address.address.startsWith("gone@")) {
					return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
				}
				delivered.push(address.address);
				callback();
			},
			onData(stream, _session, callback) {
				stream.on("data", () => {});
				stream.on("end", () => callback());
			},
		});
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;
		t = await createTestApp({ smtpUrl });
	});
	afterAll(async () => {
		await t.close();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	it("retries a temporary refusal until delivered and records a permanent one as a bounce", async () => {
		const owner = await t.signUp("Bounce GmbH", "owner@bounce.example");
		const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
		const journey = (await call("POST", "/api/v1/journeys", { name: "J", standardStages: "en" })).json;
		const touchpointId = (
			await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
				stageId: journey.stages[0].id,
				name: "Shop",
				channel: "web",
			})
		).json.stages[0].touchpoints[0].id;
		const log = createLogger("silent");
		const ctx = {
			db: t.db,
			jobs: t.jobs,
			log,
			now: new Date(),
			organizationId: owner.organizationId,
			actor: { type: "user" as const, userId: owner.userId, role: "owner" as const },
			publicUrl: t.config.publicUrl,
		};
		const survey = await createSurvey(ctx, { template: "post_purchase_nps", touchpointId, slug: "bounce-nps" });
		await publishSurvey(ctx, survey.id);
		const listId = (await call("POST", "/api/v1/contact-lists", { name: "L" })).json.id;
		const csv = "email\nbusy@example.com\ngone@example.com\nfine@example.com";
		await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv });
		const campaign = (
			await call("POST", "/api/v1/email-campaigns", {
				surveyId: survey.id,
				contactListId: listId,
				subject: { en: "Hi" },
				intro: { en: "Tell us" },
			})
		).json;

		const env = { db: t.db, jobs: t.jobs, log, config: t.config, smtpUrl, smtpFrom: "Loupe <loupe@localhost>" };
		await sendCampaign(env, { organizationId: owner.organizationId, campaignId: campaign.id });
		const emails = await t.db
			.select()
			.from(outboundEmails)
			.where(eq(outboundEmails.organizationId, owner.organizationId));
		expect(emails).toHaveLength(3);
		const idOf = (to: string) => emails.find((e) => e.toAddress === to)?.id ?? "";

		const runOutcomes = async () => {
			for (;;) {
				const jobs = await t.jobs.boss.fetch<EmailOutcome>(DELIVERY_OUTCOME_JOB, { batchSize: 10 });
				if (!jobs || jobs.length === 0) return;
				for (const job of jobs) {
					await recordDeliveryOutcome(env, job.data);
					await t.jobs.boss.complete(DELIVERY_OUTCOME_JOB, job.id);
				}
			}
		};
		const statusOf = async (to: string) => {
			const [row] = await t.db
				.select()
				.from(emailInvitations)
				.where(eq(emailInvitations.emailId, idOf(to)));
			return row;
		};

		await expect(
			sendEmailJob.handle(env, { emailId: idOf("busy@example.com") }, { id: "1", retryCount: 0 }),
		).rejects.toThrow(/busy/);
		await sendEmailJob.handle(env, { emailId: idOf("gone@example.com") }, { id: "2", retryCount: 0 });
		await sendEmailJob.handle(env, { emailId: idOf("fine@example.com") }, { id: "3", retryCount: 0 });
		await runOutcomes();
		expect(await statusOf("busy@example.com")).toMatchObject({
			status: "failed",
			deliveryError: expect.stringMatching(/busy/),
		});
		expect(await statusOf("gone@example.com")).toMatchObject({ status: "bounced" });
		expect(await statusOf("fine@example.com")).toMatchObject({ status: "sent" });
		const [gone] = await t.db.select().from(contacts).where(eq(contacts.email, "gone@example.com"));
		expect(gone?.bouncedAt).not.toBeNull();
		expect(gone?.bounceReason).toMatch(/No such user/);
		const [goneEmail] = await t.db
			.select()
			.from(outboundEmails)
			.where(eq(outboundEmails.id, idOf("gone@example.com")));
		expect(goneEmail).toMatchObject({ status: "failed", attempts: 1 });

		const failedView = (await call("GET", `/api/v1/email-campaigns/${campaign.id}`)).json.stats;
		expect(failedView).toMatchObject({ sent: 1, failed: 1, bounced: 1 });

		// The retry (what pg-boss runs after the back-off) delivers it.
		await sendEmailJob.handle(env, { emailId: idOf("busy@example.com") }, { id: "1", retryCount: 1 });
		await runOutcomes();
		expect(await statusOf("busy@example.com")).toMatchObject({ status: "sent", deliveryError: null });
		const [busyEmail] = await t.db
			.select()
			.from(outboundEmails)
			.where(eq(outboundEmails.id, idOf("busy@example.com")));
		expect(busyEmail).toMatchObject({ status: "sent", attempts: 2 });
		expect(delivered.sort()).toEqual(["busy@example.com", "fine@example.com"]);
		const stats = (await call("GET", `/api/v1/email-campaigns/${campaign.id}`)).json.stats;
		expect(stats).toMatchObject({ recipients: 3, sent: 2, failed: 0, bounced: 1 });
	});
});
