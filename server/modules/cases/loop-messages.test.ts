// Replying to a customer by email and the reply coming back: the agent's email reaches a real SMTP server with the
// case's Reply-To address and threading headers; the customer's answer posted to the inbound webhook lands in the
// thread (quote stripped) and reopens the case; an SMTP outage shows as retrying and is delivered later.
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../platform/logging";
import { sendEmailJob } from "../../platform/mail/mailer";
import { caseEvents, caseMessages, cases, outboundEmails } from "../../platform/schema";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { startSmtpServer } from "../../test/smtp";
import { type LoopOrg, loopRowCounts, setUpLoopOrg } from "./loop-test-setup";
import { recordMessageDelivery } from "./service/messages-delivery";

describe("replies by email and inbound replies", () => {
	let t: TestApp;
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	let org: LoopOrg;
	let inboundSecret = "";

	beforeAll(async () => {
		smtp = await startSmtpServer();
		t = await createTestApp({ workers: true, smtpUrl: smtp.url });
		org = await setUpLoopOrg(t, "Nordlicht");
		const rotated = await org.call("POST", "/api/v1/cases/inbound-secret");
		expect(rotated.status).toBe(201);
		inboundSecret = rotated.json.secret;
	});
	afterAll(async () => {
		await t.close();
		await smtp.close();
	});

	const inbound = (body: unknown, secret = inboundSecret, headers: Record<string, string> = {}) =>
		t.call("POST", "/api/v1/public/cases/inbound", {
			body,
			headers: { authorization: `Bearer ${secret}`, ...headers },
		});

	it("sends the agent's reply with the case's reply address, and threads the customer's answer back", async () => {
		const { responseId, submittedAt } = await org.respond(2, "Die Lieferung kam drei Tage zu spät");
		const row = await org.openCase({ source: "response", responseId, responseSubmittedAt: submittedAt });
		const templates = (await t.call("GET", "/api/v1/cases/reply-templates", { cookie: org.agent.cookie })).json;
		const german = templates.items.find((x: { language: string }) => x.language === "de");
		expect(german).toBeDefined();

		const sent = await t.call("POST", `/api/v1/cases/${row.id}/messages`, {
			cookie: org.agent.cookie,
			body: { templateId: german.id },
		});
		expect(sent.status).toBe(201);
		expect(sent.json.kind).toBe("outbound");
		expect(sent.json.body).toContain("Guten Tag Erika Muster,");
		expect(sent.json.body).toContain("Agent agent");
		expect(sent.json.delivery.toAddress).toBe("kunde@example.com");

		const [afterReply] = await t.db.select().from(cases).where(eq(cases.id, row.id));
		expect(afterReply?.status).toBe("waiting");
		expect(afterReply?.firstRespondedAt).not.toBeNull();
		expect(afterReply?.version).toBe(row.version + 1);
		const state = (await t.db.execute(sql`select reply_state from responses where id = ${responseId}`)) as unknown as {
			rows: { reply_state: string }[];
		};
		expect(state.rows[0]?.reply_state).toBe("answered");
		const kinds = (await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id))).map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(["message_out", "status"]));

		const mail = await waitForMail(smtp.received, "kunde@example.com");
		const replyTo = /^Reply-To: (.+)$/im.exec(mail.raw)?.[1]?.trim() ?? "";
		expect(replyTo).toMatch(/^loupe\+c-[0-9a-f]{24}@localhost$/);
		expect(mail.raw).toMatch(/^Message-ID: <case-[0-9a-f-]{36}@localhost>/im);
		expect(mail.raw).toMatch(/^Subject: .*Fall #1/im);
		const delivered = await eventually(async () => {
			const thread = (await t.call("GET", `/api/v1/cases/${row.id}/messages`, { cookie: org.agent.cookie })).json;
			return thread.items[0]?.delivery?.status === "sent" ? thread : undefined;
		});
		expect(delivered.items).toHaveLength(1);

		const reply = await inbound({
			to: `"Nordlicht Service" <${replyTo}>`,
			from: "Erika Muster <Kunde@Example.com>",
			subject: "Re: Ihr Feedback",
			text: "Danke, aber das Paket fehlt immer noch.\n\nAm 25.11.2026 schrieb Nordlicht <loupe@localhost>:\n> Guten Tag Erika Muster,\n> vielen Dank",
			messageId: "<abc-1@mail.example.com>",
		});
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({ caseId: row.id, stored: true, reopened: true });
		const [reopened] = await t.db.select().from(cases).where(eq(cases.id, row.id));
		expect(reopened?.status).toBe("open");
		const [stored] = await t.db
			.select()
			.from(caseMessages)
			.where(and(eq(caseMessages.caseId, row.id), eq(caseMessages.kind, "inbound")));
		expect(stored?.body).toBe("Danke, aber das Paket fehlt immer noch.");
		expect(stored?.fromAddress).toBe("Kunde@example.com");

		// The provider retries the webhook: stored once.
		const again = await inbound({
			to: replyTo,
			from: "kunde@example.com",
			text: "x",
			messageId: "<abc-1@mail.example.com>",
		});
		expect(again.json).toMatchObject({ stored: false });

		// A client that replied to From (no token) is matched by the Message-ID it answers.
		const messageId = (await t.db.select().from(caseMessages).where(eq(caseMessages.id, sent.json.id)))[0]?.messageId;
		const byThread = await inbound({
			to: "loupe@localhost",
			from: "kunde@example.com",
			text: "Noch eine Frage",
			messageId: "<abc-2@mail.example.com>",
			references: `<other@x> ${messageId}`,
		});
		expect(byThread.status).toBe(200);
		expect(byThread.json.caseId).toBe(row.id);
	});

	it("accepts a provider's form-encoded mail (Mailgun fields)", async () => {
		const row = await org.openCase({ status: "waiting" });
		const sent = await t.call("POST", `/api/v1/cases/${row.id}/messages`, {
			cookie: org.owner.cookie,
			body: { body: "Hallo {{ customer.name }}, wir kümmern uns." },
		});
		expect(sent.status).toBe(201);
		const replyTo = (await t.db.select().from(caseMessages).where(eq(caseMessages.id, sent.json.id)))[0]?.fromAddress;
		const form = new URLSearchParams({
			recipient: replyTo ?? "",
			sender: "kunde@example.com",
			subject: "Re: Hallo",
			"body-plain": "Danke!\n\nOn Tue, Nov 25, 2026 at 10:00 AM Loupe <loupe@localhost> wrote:\n> Hallo",
			"Message-Id": "<form-1@mail.example.com>",
		});
		const reply = await inbound(form.toString(), inboundSecret, {
			"content-type": "application/x-www-form-urlencoded",
		});
		expect(reply.status).toBe(200);
		const [stored] = await t.db
			.select()
			.from(caseMessages)
			.where(and(eq(caseMessages.caseId, row.id), eq(caseMessages.kind, "inbound")));
		expect(stored?.body).toBe("Danke!");
	});

	it("refuses a wrong secret (401) and an unknown reply address (404), writing nothing", async () => {
		const row = await org.openCase({ status: "waiting" });
		const before = await loopRowCounts(t, org.owner.organizationId);
		const payload = {
			to: "loupe+c-000000000000000000000000@localhost",
			from: "a@b.example",
			text: "Hi",
			messageId: "<u-1@x>",
		};
		expect((await inbound(payload, "inbsec_wrong")).status).toBe(401);
		expect((await t.call("POST", "/api/v1/public/cases/inbound", { body: payload })).status).toBe(401);
		expect((await inbound(payload)).status).toBe(404);
		expect((await inbound({ ...payload, messageId: "" })).status).toBe(400);
		expect((await inbound("to=x", inboundSecret, { "content-type": "text/plain" })).status).toBe(415);
		expect(await loopRowCounts(t, org.owner.organizationId)).toEqual(before);
		expect((await t.db.select().from(cases).where(eq(cases.id, row.id)))[0]?.status).toBe("waiting");
	});

	it("refuses a reply to a customer without email, another department's agent, and bad input, writing nothing", async () => {
		const anonymous = await org.openCase({ customerEmail: null });
		const row = await org.openCase();
		const before = await loopRowCounts(t, org.owner.organizationId);
		const noEmail = await t.call("POST", `/api/v1/cases/${anonymous.id}/messages`, {
			cookie: org.agent.cookie,
			body: { body: "Hallo" },
		});
		expect(noEmail.status).toBe(400);
		expect(noEmail.json.error.message).toMatch(/no email address/);
		const otherDepartment = await t.call("POST", `/api/v1/cases/${row.id}/messages`, {
			cookie: org.otherAgent.cookie,
			body: { body: "Hallo" },
		});
		expect(otherDepartment.status).toBe(403);
		for (const body of [{}, { body: "Hallo {{ customer.age }}" }, { body: "x", extra: 1 }, { templateId: "nope" }]) {
			const bad = await t.call("POST", `/api/v1/cases/${row.id}/messages`, { cookie: org.agent.cookie, body });
			expect(bad.status, JSON.stringify(body)).toBe(400);
		}
		const unknownTemplate = await t.call("POST", `/api/v1/cases/${row.id}/messages`, {
			cookie: org.agent.cookie,
			body: { templateId: crypto.randomUUID() },
		});
		expect(unknownTemplate.status).toBe(404);
		const badTemplate = await org.call("POST", "/api/v1/cases/reply-templates", {
			name: "Kaputt",
			language: "de",
			subject: "Hallo {{ case.number }}",
			body: "{{ customer.password }}",
		});
		expect(badTemplate.status).toBe(400);
		expect(badTemplate.json.error.details.fields[0]).toMatchObject({ field: "body" });
		expect(await loopRowCounts(t, org.owner.organizationId)).toEqual(before);
	});

	it("shows an SMTP outage as retrying on the message, then delivered by the retry", async () => {
		const quiet = await createTestApp({ smtpUrl: "smtp://127.0.0.1:9?ignoreTLS=true" });
		const local = await startSmtpServer();
		try {
			const o = await setUpLoopOrg(quiet, "Ausfall");
			const row = await o.openCase();
			const sent = await quiet.call("POST", `/api/v1/cases/${row.id}/messages`, {
				cookie: o.agent.cookie,
				body: { body: "Wir melden uns." },
			});
			expect(sent.json.delivery.status).toBe("queued");
			const emailId = (await quiet.db.select().from(caseMessages).where(eq(caseMessages.id, sent.json.id)))[0]?.emailId;
			const env = {
				db: quiet.db,
				log: createLogger("silent"),
				smtpFrom: "Loupe <loupe@localhost>",
				jobs: quiet.jobs,
				smtpUrl: "smtp://127.0.0.1:9?ignoreTLS=true",
			};
			await expect(sendEmailJob.handle(env, { emailId: emailId ?? "" }, { id: "1", retryCount: 0 })).rejects.toThrow();
			const failing = (await quiet.call("GET", `/api/v1/cases/${row.id}/messages`, { cookie: o.agent.cookie })).json;
			expect(failing.items[0].delivery).toMatchObject({ status: "retrying", attempts: 1 });
			expect(failing.items[0].delivery.lastError).toMatch(/ECONNREFUSED|connect/i);

			await sendEmailJob.handle({ ...env, smtpUrl: local.url }, { emailId: emailId ?? "" }, { id: "1", retryCount: 1 });
			const sentView = (await quiet.call("GET", `/api/v1/cases/${row.id}/messages`, { cookie: o.agent.cookie })).json;
			expect(sentView.items[0].delivery).toMatchObject({ status: "sent", attempts: 2, lastError: null });
			expect(local.received.map((m) => m.to[0])).toEqual(["kunde@example.com"]);
			const [email] = await quiet.db
				.select()
				.from(outboundEmails)
				.where(eq(outboundEmails.id, emailId ?? ""));
			expect(email?.headers?.replyTo).toMatch(/^loupe\+c-/);

			// A permanent refusal (SMTP 5xx) is final: the delivery job records it and the message shows "failed".
			const refusing = new SMTPServer({
				authOptional: true,
				disabledCommands: ["STARTTLS", "AUTH"],
				logger: false,
				onRcptTo: (_address, _session, callback) =>
					callback(Object.assign(new Error("No such user"), { responseCode: 550 })),
			});
			await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
			const refusingUrl = `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}?ignoreTLS=true`;
			try {
				const gone = await o.openCase({ customerEmail: "gone@example.com" });
				const toGone = await quiet.call("POST", `/api/v1/cases/${gone.id}/messages`, {
					cookie: o.agent.cookie,
					body: { body: "Hallo" },
				});
				const [goneMessage] = await quiet.db.select().from(caseMessages).where(eq(caseMessages.id, toGone.json.id));
				const goneEmailId = goneMessage?.emailId ?? "";
				await sendEmailJob.handle(
					{ ...env, smtpUrl: refusingUrl },
					{ emailId: goneEmailId },
					{ id: "2", retryCount: 0 },
				);
				await recordMessageDelivery(
					{ db: quiet.db, live: quiet.live, log: env.log },
					{ emailId: goneEmailId, status: "failed", error: "550 No such user", isPermanent: true },
				);
				const thread = (await quiet.call("GET", `/api/v1/cases/${gone.id}/messages`, { cookie: o.agent.cookie })).json;
				expect(thread.items[0].delivery).toMatchObject({ status: "failed", attempts: 1 });
				expect(thread.items[0].delivery.lastError).toMatch(/No such user/);
			} finally {
				await new Promise<void>((resolve) => refusing.close(() => resolve()));
			}
		} finally {
			await quiet.close();
			await local.close();
		}
	});
});

async function waitForMail(received: { to: string[]; raw: string }[], to: string) {
	return eventually(async () => received.find((m) => m.to.includes(to)));
}
