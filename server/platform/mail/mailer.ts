// Email: a row is written and a send job enqueued in the caller's transaction; the job delivers by SMTP.
import { and, eq, inArray, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "../db";
import type { JobDefinition, Jobs } from "../jobs/jobs";
import type { Logger } from "../logging";
import { type EmailHeaders, outboundEmails } from "./schema";

export type MailEnv = { db: Db; log: Logger; smtpUrl: string | undefined; smtpFrom: string; jobs?: Jobs };

export type EmailDraft = {
	organizationId: string | null;
	to: string;
	subject: string;
	text: string;
	/** An HTML alternative to the text. */
	html?: string;
	/** Reply-To and threading headers (a case's conversation with its customer). */
	headers?: EmailHeaders;
	/** A job told each outcome: { emailId, status: "sent" | "failed", error, isPermanent } (e.g. to record bounces). */
	notifyJob?: string;
};

/** What a `notifyJob` receives after each delivery attempt. */
export type EmailOutcome = { emailId: string; status: "sent" | "failed"; error: string | null; isPermanent: boolean };

export async function queueEmail(db: Db, jobs: Jobs, draft: EmailDraft): Promise<string> {
	const [row] = await db
		.insert(outboundEmails)
		.values({
			organizationId: draft.organizationId,
			toAddress: draft.to,
			subject: draft.subject,
			textBody: draft.text,
			htmlBody: draft.html ?? null,
			headers: draft.headers ?? null,
			notifyJob: draft.notifyJob ?? null,
		})
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
				...(email.htmlBody ? { html: email.htmlBody } : {}),
				...threadingOf(email.headers),
			});
		} catch (error) {
			const lastError = String((error as Error).message ?? error).slice(0, 500);
			// An SMTP 5xx reply is a permanent refusal (RFC 5321 §4.2.1): retrying cannot help, so it is final.
			const code = (error as { responseCode?: unknown }).responseCode;
			const isPermanent = typeof code === "number" && code >= 500 && code < 600;
			await env.db.transaction(async (tx) => {
				await tx.update(outboundEmails).set({ status: "failed", lastError }).where(eq(outboundEmails.id, emailId));
				await notify(tx, env, email, { emailId, status: "failed", error: lastError, isPermanent });
			});
			if (isPermanent) return;
			throw error;
		}
		await env.db.transaction(async (tx) => {
			await tx
				.update(outboundEmails)
				.set({ status: "sent", sentAt: new Date(), lastError: null })
				.where(eq(outboundEmails.id, emailId));
			await notify(tx, env, email, { emailId, status: "sent", error: null, isPermanent: false });
		});
	},
};

/** Nodemailer's options for the stored headers (it writes Message-ID itself unless given one). */
function threadingOf(headers: EmailHeaders | null) {
	if (!headers) return {};
	return {
		...(headers.replyTo ? { replyTo: headers.replyTo } : {}),
		...(headers.messageId ? { messageId: headers.messageId } : {}),
		...(headers.inReplyTo ? { inReplyTo: headers.inReplyTo } : {}),
		...(headers.references?.length ? { references: headers.references } : {}),
	};
}

async function notify(db: Db, env: MailEnv, email: { notifyJob: string | null }, outcome: EmailOutcome) {
	if (email.notifyJob && env.jobs) await env.jobs.enqueue(db, email.notifyJob, outcome);
}

/** Erases the address and content of emails (GDPR erasure of their recipient); the delivery record stays. */
export async function redactOutboundEmails(db: Db, organizationId: string, emailIds: string[]): Promise<void> {
	if (emailIds.length === 0) return;
	await db
		.update(outboundEmails)
		.set({ toAddress: "erased", subject: "erased", textBody: "", htmlBody: null })
		.where(and(eq(outboundEmails.organizationId, organizationId), inArray(outboundEmails.id, emailIds)));
}
