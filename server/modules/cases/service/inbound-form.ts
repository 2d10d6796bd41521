// The form-encoded shapes of common inbound-mail providers, mapped to the webhook's JSON payload: Mailgun routes
// (`recipient`, `sender`/`from`, `body-plain`, `body-html`, `Message-Id`, `In-Reply-To`, `References`) and
// SendGrid Inbound Parse (`to`, `from`, `text`, `html`, and the raw `headers` block for the ids).

const stringOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** One header's value from a raw header block (unfolded, first occurrence). */
export function headerOf(rawHeaders: string, name: string): string | undefined {
	const unfolded = rawHeaders.replace(/\r?\n[ \t]+/g, " ");
	const pattern = new RegExp(`^${name}:[ \\t]*(.*)$`, "im");
	return pattern.exec(unfolded)?.[1]?.trim() || undefined;
}

/** The JSON payload for a provider's form fields (validated by the same schema afterwards). */
export function inboundFromForm(fields: Record<string, unknown>): Record<string, unknown> {
	const field = (...names: string[]) => {
		for (const name of names) {
			const value = stringOf(fields[name]);
			if (value !== undefined) return value;
		}
		return undefined;
	};
	const rawHeaders = field("headers", "message-headers") ?? "";
	const fromHeaders = (name: string) => (rawHeaders.startsWith("[") ? undefined : headerOf(rawHeaders, name));
	const payload: Record<string, unknown> = {
		to: field("recipient", "to", "To"),
		from: field("from", "From", "sender"),
		subject: field("subject", "Subject") ?? "",
		text: field("body-plain", "text") ?? "",
		html: field("body-html", "html"),
		messageId: field("Message-Id", "message-id", "Message-ID") ?? fromHeaders("Message-ID"),
		inReplyTo: field("In-Reply-To", "in-reply-to") ?? fromHeaders("In-Reply-To"),
		references: field("References", "references") ?? fromHeaders("References"),
	};
	return Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
}
