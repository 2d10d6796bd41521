// The parsers of inbound mail (reply tokens in recipients, Message-IDs in headers, addresses, provider form
// fields, HTML bodies) and the follow-up link signatures: examples plus properties over arbitrary input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { followUpIdOf, isFollowUpTokenValid, signFollowUpToken } from "./service/follow-up-token";
import { textOfHtml } from "./service/inbound";
import { headerOf, inboundFromForm } from "./service/inbound-form";
import {
	bareAddressOf,
	messageIdsIn,
	replyAddressOf,
	replyTokenInRecipients,
	replyTokenOf,
} from "./service/messages-address";

const config = { replyAddress: { local: "support", domain: "reply.example" } };

describe("inbound mail parsing", () => {
	it("finds the reply token among several recipients, case-insensitively, and only a well-formed one", () => {
		const token = replyTokenOf("secret", "3f0c1c8e-1d2a-4c59-9a1e-2b6f1f0d9a11");
		expect(token).toMatch(/^[0-9a-f]{24}$/);
		const address = replyAddressOf(config, token);
		expect(replyTokenInRecipients(`"Shop" <${address.toUpperCase()}>, other@x.example`)).toBe(token);
		expect(replyTokenInRecipients("support+c-123@reply.example")).toBeUndefined();
		expect(replyTokenOf("secret", "a")).not.toBe(replyTokenOf("other secret", "a"));
	});

	it("never finds a token in recipients that carry none, whatever they are (property)", () => {
		fc.assert(
			fc.property(fc.string(), (to) => {
				const found = replyTokenInRecipients(to);
				if (found !== undefined) expect(to.toLowerCase()).toContain(`+c-${found}@`);
			}),
		);
	});

	it("reads Message-IDs from In-Reply-To and References", () => {
		expect(messageIdsIn(["<a@x>", "<b@y> <c@z>", undefined])).toEqual(["<a@x>", "<b@y>", "<c@z>"]);
		expect(messageIdsIn([["<a@x>", "bare@id"]])).toEqual(["<a@x>", "<bare@id>"]);
		expect(messageIdsIn(["not an id"])).toEqual([]);
		fc.assert(
			fc.property(fc.array(fc.string(), { maxLength: 5 }), (headers) => {
				for (const id of messageIdsIn(headers)) expect(id).toMatch(/^<[^<>\s]+>$/);
			}),
		);
	});

	it("takes the bare address of From", () => {
		expect(bareAddressOf("Erika Muster <Erika@Example.COM>")).toBe("Erika@example.com");
		expect(bareAddressOf("kunde@example.com")).toBe("kunde@example.com");
		expect(bareAddressOf("no address")).toBeUndefined();
		expect(bareAddressOf("@x")).toBeUndefined();
	});

	it("maps Mailgun and SendGrid form fields", () => {
		expect(
			inboundFromForm({
				recipient: "support+c-abc@reply.example",
				sender: "k@example.com",
				"body-plain": "Hi",
				"Message-Id": "<m1@x>",
				References: "<r@x>",
			}),
		).toEqual({
			to: "support+c-abc@reply.example",
			from: "k@example.com",
			subject: "",
			text: "Hi",
			messageId: "<m1@x>",
			references: "<r@x>",
		});
		const sendGrid = inboundFromForm({
			to: "a@b",
			from: "c@d",
			text: "Hi",
			headers: "Subject: x\r\nMessage-ID:\r\n <sg@x>\r\nIn-Reply-To: <prev@x>\r\n",
		});
		expect(sendGrid).toMatchObject({ messageId: "<sg@x>", inReplyTo: "<prev@x>" });
		expect(headerOf("A: 1\nB: 2", "b")).toBe("2");
	});

	it("turns HTML into text without tags, scripts or quoted blocks", () => {
		expect(
			textOfHtml("<p>Danke &amp; Gruß</p><blockquote>alt</blockquote><div>Erika<br>M.</div><script>x()</script>"),
		).toBe("Danke & Gruß\nErika\nM.\n");
		fc.assert(
			fc.property(fc.string(), (html) => {
				// Every rewrite (tags, entities, line breaks) shortens: the text never grows.
				expect(textOfHtml(html).length).toBeLessThanOrEqual(html.length);
			}),
		);
	});
});

describe("follow-up link tokens", () => {
	it("signs an id that only the same secret accepts, and rejects any altered token (property)", () => {
		fc.assert(
			fc.property(fc.uuid(), fc.string({ minLength: 1 }), fc.nat(54), (id, secret, position) => {
				const token = signFollowUpToken(secret, id);
				expect(followUpIdOf(token)).toBe(id.toLowerCase());
				expect(isFollowUpTokenValid(secret, token)).toBe(true);
				expect(isFollowUpTokenValid(`${secret}x`, token)).toBe(false);
				const i = position % token.length;
				const flipped = token.slice(0, i) + (token[i] === "a" ? "b" : "a") + token.slice(i + 1);
				if (flipped !== token) expect(isFollowUpTokenValid(secret, flipped)).toBe(false);
			}),
		);
	});
});
