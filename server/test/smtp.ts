// A real SMTP server on localhost for email tests: it receives what Loupe sends, over the wire.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string };

export async function startSmtpServer() {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ["STARTTLS", "AUTH"],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on("data", (chunk: Buffer) => chunks.push(chunk));
			stream.on("end", () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString("utf8"),
				});
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The plain-text body of a received message, with quoted-printable soft breaks undone. */
export function textOf(mail: ReceivedMail): string {
	const body = mail.raw
		.split(/\r?\n\r?\n/)
		.slice(1)
		.join("\n\n");
	return body
		.replace(/=\r?\n/g, "")
		.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}
