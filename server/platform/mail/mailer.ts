// Email: a row is written and a send job enqueued in the caller's transaction; the job delivers by SMTP.
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "../db";
import type { JobDefinition, Jobs } from "../jobs/jobs";
import type { Logger } from "../logging";
import { outboundEmails } from "./schema";

export type MailEnv = { db: Db; log: Logger; smtpUrl: string | undefined; smtpFrom: string };

export type EmailDraft = { organizationId: string | null; to: string; subject: string; text: string };

export async function queueEmail(db: Db, jobs: Jobs, draft: EmailDraft): Promise<string> {
	const [row] = await db
		.insert(outboundEmails)
		.values({ organizationId: draft.organizationId, toAddress: draft.to, subject: draft.subject, textBody: draft.text })
		.returning({ id: outboundEmails.id });
	if (!row) throw new Error("email row not written");
	await jobs.enqueue(db, sendEmailJob.name, { emailId: row.id });
	return row.id;
}

const transports = new Map<string, nodemailer.Transporter>();
function transportFor(url: string) {
	let transport = transports.get(url);
	if (!transport) {
		transport = nodemailer.createTransport(url);
		transports.set(url, transport);
	}
	return transport;
}

export const sendEmailJob: JobDefinition<{ emailId: string }, MailEnv> = {
	name: "email.send",
	retryLimit: 5,
	retryDelaySeconds: 30,
	retryBackoff: true,
	async handle(env, { emailId }) {
		const [email] = await env.db.select().from(outboundEmails).where(eq(outboundEmails.id, emailId));
		if (!email || email.status === "sent") return;
		await env.db
			.update(outboundEmails)
			.set({ attempts: sql`${outboundEmails.attempts} + 1` })
			.where(eq(outboundEmails.id, emailId));
		if (!env.smtpUrl) {
			// Without SMTP nothing can be delivered; say so on the row and in the log (with the text, for links).
			await env.db
				.update(outboundEmails)
				.set({ status: "failed", lastError: "SMTP_URL is not configured" })
				.where(eq(outboundEmails.id, emailId));
			env.log.info(
				{ to: email.toAddress, subject: email.subject, text: email.textBody },
				"email not sent: no SMTP_URL",
			);
			return;
		}
		try {
			await transportFor(env.smtpUrl).sendMail({
				from: env.smtpFrom,
				to: email.toAddress,
				subject: email.subject,
				text: email.textBody,
			});
		} catch (error) {
			await env.db
				.update(outboundEmails)
				.set({ status: "failed", lastError: String((error as Error).message ?? error).slice(0, 500) })
				.where(eq(outboundEmails.id, emailId));
			throw error;
		}
		await env.db
			.update(outboundEmails)
			.set({ status: "sent", sentAt: new Date(), lastError: null })
			.where(eq(outboundEmails.id, emailId));
	},
};
