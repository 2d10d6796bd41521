// Property tests of the CSV readers and the import endpoints: any input is read without throwing, and through
// the API it is either imported completely (2xx, counts add up) or refused with a 4xx writing nothing.
import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, mentions } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { readContactCsv } from "./service/contact-rows";
import { readMentionCsv } from "./service/mention-rows";

/** CSV-ish text: headers and cells drawn from plausible and hostile pieces, joined by random separators. */
const cell = fc.oneof(
	fc.constantFrom("email", "name", "language", "attr_city", "source", "source_id", "text", "published_at", "rating"),
	fc.constantFrom(
		"a@example.com",
		"B@Example.org",
		"not-an-email",
		"de",
		"en",
		"fr",
		"2025-01-02",
		"31.12.2025",
		"4,5",
	),
	fc.constantFrom('"', '""', '"a,b"', "\u0000", "\uFEFF", "=cmd()", "💥", " ", ""),
	fc.string({ maxLength: 12 }),
);
const csvText = fc
	.tuple(
		fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 8 }),
		fc.constantFrom(",", ";", "\t"),
		fc.constantFrom("\n", "\r\n"),
	)
	.map(([rows, separator, newline]) => rows.map((r) => r.join(separator)).join(newline));

describe("CSV readers", () => {
	it("never throw and report every line they drop", () => {
		fc.assert(
			fc.property(fc.oneof(csvText, fc.string({ maxLength: 300 })), (text) => {
				const contactsRead = readContactCsv(text);
				const mentionsRead = readMentionCsv(text, "Forum");
				for (const read of [contactsRead, mentionsRead]) {
					for (const error of read.errors) {
						expect(Number.isInteger(error.line) && error.line >= 1).toBe(true);
						expect(error.message.length).toBeGreaterThan(0);
					}
				}
				for (const draft of contactsRead.drafts) expect(draft.email).toBe(draft.email.toLowerCase());
				return true;
			}),
			{ numRuns: 1500 },
		);
	});
});

describe("import endpoints with random files", () => {
	let t: TestApp;
	let cookie = "";
	let organizationId = "";
	let listId = "";
	let touchpointId = "";

	beforeAll(async () => {
		t = await createTestApp();
		({ cookie, organizationId } = await t.signUp("Fuzz GmbH", "owner@fuzz.example"));
		listId = (await t.call("POST", "/api/v1/contact-lists", { cookie, body: { name: "Fuzz" } })).json.id;
		const journey = (await t.call("POST", "/api/v1/journeys", { cookie, body: { name: "J", standardStages: "en" } }))
			.json;
		touchpointId = (
			await t.call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
				cookie,
				body: { stageId: journey.stages[0].id, name: "Reviews", channel: "review" },
			})
		).json.stages[0].touchpoints[0].id;
	});
	afterAll(() => t.close());

	const countOf = async (table: typeof contacts | typeof mentions) =>
		(await t.db.select({ n: count() }).from(table).where(eq(table.organizationId, organizationId)))[0]?.n ?? 0;

	it("either import everything they report or nothing, and never answer 5xx", async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(csvText, fc.string({ maxLength: 200 })), fc.boolean(), async (text, isMention) => {
				const table = isMention ? mentions : contacts;
				const before = await countOf(table);
				const response = isMention
					? await t.call("POST", "/api/v1/mentions/import", {
							cookie,
							body: { touchpointId, csv: text, defaultSource: "F" },
						})
					: await t.call("POST", `/api/v1/contact-lists/${listId}/import`, { cookie, body: { csv: text } });
				expect(response.status).toBeLessThan(500);
				const after = await countOf(table);
				if (response.status === 200) expect(after - before).toBe(response.json.imported);
				else {
					expect(response.status).toBe(400);
					expect(after).toBe(before);
				}
			}),
			{ numRuns: 120 },
		);
	});
});
