// Contacts and lists through the API: CRUD, CSV import with its validation report (all or nothing), caps,
// another organization's ids refused, and the GDPR export and erasure.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, contactListMembers, contacts } from "../../platform/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { ContactExportView, ImportReport } from "./contract";

describe("contacts", () => {
	let t: TestApp;
	let cookie = "";
	let organizationId = "";
	let listId = "";
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie, body });
	const contactCount = async () =>
		(await t.db.select({ n: count() }).from(contacts).where(eq(contacts.organizationId, organizationId)))[0]?.n ?? 0;

	beforeAll(async () => {
		t = await createTestApp();
		({ cookie, organizationId } = await t.signUp("Contacts GmbH", "owner@contacts.example"));
		listId = (await call("POST", "/api/v1/contact-lists", { name: "Kunden 2025" })).json.id;
	});
	afterAll(() => t.close());

	it("creates, finds, edits a contact; emails are lower-cased and unique per organization", async () => {
		const created = await call("POST", "/api/v1/contacts", {
			email: "  Anna.Schmidt@Example.COM ",
			name: "Anna Schmidt",
			language: "de",
			listIds: [listId],
			attributes: { segment: "premium" },
		});
		expect(created.status).toBe(201);
		expect(created.json.email).toBe("anna.schmidt@example.com");
		expect(created.json.lists.map((l: { id: string }) => l.id)).toEqual([listId]);
		const duplicate = await call("POST", "/api/v1/contacts", { email: "ANNA.schmidt@example.com" });
		expect(duplicate.status).toBe(409);
		const found = await call("GET", "/api/v1/contacts?q=schmidt");
		expect(found.json.items).toHaveLength(1);
		const updated = await call("PATCH", `/api/v1/contacts/${created.json.id}`, { unsubscribed: true, language: "en" });
		expect(updated.json.unsubscribedAt).not.toBeNull();
		expect(updated.json.language).toBe("en");
		expect((await call("GET", "/api/v1/contacts?status=unsubscribed")).json.items).toHaveLength(1);
	});

	it("imports a CSV (semicolons, aliases, attributes) and reports imported, updated and skipped", async () => {
		const csv = [
			"E-Mail;Name;Sprache;Kundennummer;attr_city",
			"max@example.com;Max Muster;de;K-1;Berlin",
			"lisa@example.org;Lisa;en;;Hamburg",
			"anna.schmidt@example.com;Anna S.;;;",
		].join("\r\n");
		const first = await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv });
		expect(first.status).toBe(200);
		expect(ImportReport.parse(first.json)).toMatchObject({ imported: 2, updated: 1, skipped: 0, errorCount: 0 });
		const again = await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv });
		expect(again.json).toMatchObject({ imported: 0, updated: 0, skipped: 3 });
		const [max] = await t.db.select().from(contacts).where(eq(contacts.email, "max@example.com"));
		expect(max).toMatchObject({
			name: "Max Muster",
			language: "de",
			externalId: "K-1",
			attributes: { city: "Berlin" },
		});
		const [anna] = await t.db.select().from(contacts).where(eq(contacts.email, "anna.schmidt@example.com"));
		expect(anna?.unsubscribedAt).not.toBeNull();
		const list = await call("GET", `/api/v1/contact-lists/${listId}`);
		expect(list.json.memberCount).toBe(3);
	});

	it("refuses a file with bad emails, duplicates, bad languages and ragged rows as a whole, line by line", async () => {
		const before = await contactCount();
		const csv = [
			"email,name,language",
			"ok@example.com,Ok,de",
			"not-an-email,Bad,de",
			"ok@example.com,Twice,en",
			"fr@example.com,French,fr",
			"short@example.com,Short",
			"",
			",Nobody,de",
		].join("\n");
		const response = await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv });
		expect(response.status).toBe(400);
		const report = ImportReport.parse(response.json.error.details);
		expect(report.errors).toEqual([
			{ line: 3, field: "email", message: "Not a valid email address" },
			{ line: 4, field: "email", message: "Duplicate of line 2" },
			{ line: 5, field: "language", message: "Use de or en" },
			{ line: 6, field: null, message: "Has 2 fields, the header has 3" },
			{ line: 8, field: "email", message: "Required" },
		]);
		expect(await contactCount()).toBe(before);
		const dryRun = await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv, dryRun: true });
		expect(dryRun.status).toBe(200);
		expect(dryRun.json).toMatchObject({ dryRun: true, imported: 1, errorCount: 5 });
		expect(await contactCount()).toBe(before);
	});

	it("reports unknown columns and unreadable CSV, and caps size and rows", async () => {
		const before = await contactCount();
		const unknown = await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv: "email,phone\na@b.de,1" });
		expect(unknown.status).toBe(400);
		expect(unknown.json.error.details.errors[0]).toMatchObject({ line: 1, field: "phone" });
		const broken = await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv: 'email\n"a@b.de\n' });
		expect(broken.status).toBe(400);
		expect(broken.json.error.details.errors[0].message).toMatch(/Not valid CSV/);
		const rows = ["email", ...Array.from({ length: 10_001 }, (_, i) => `c${i}@x.de`)].join("\n");
		const tooMany = await call("POST", `/api/v1/contact-lists/${listId}/import`, { csv: rows });
		expect(tooMany.status).toBe(400);
		expect(tooMany.json.error.details.errors[0].message).toMatch(/At most 10000 rows/);
		const huge = await call("POST", `/api/v1/contact-lists/${listId}/import`, {
			csv: `email\n${"x".repeat(1_100_000)}`,
		});
		expect(huge.status).toBe(413);
		const asCsv = await t.call("POST", `/api/v1/contact-lists/${listId}/import`, {
			cookie,
			body: "email\na@b.de",
			headers: { "content-type": "text/csv" },
		});
		expect(asCsv.status).toBe(415);
		expect(await contactCount()).toBe(before);
	});

	it("refuses another organization's list and contact ids and changes nothing", async () => {
		const other = await t.signUp("Other AG", "owner@other.example");
		const [anna] = await t.db.select().from(contacts).where(eq(contacts.email, "anna.schmidt@example.com"));
		const as = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: other.cookie, body });
		expect((await as("GET", `/api/v1/contacts/${anna?.id}`)).status).toBe(404);
		expect((await as("GET", `/api/v1/contacts/${anna?.id}/export`)).status).toBe(404);
		expect((await as("DELETE", `/api/v1/contacts/${anna?.id}`)).status).toBe(404);
		expect((await as("POST", `/api/v1/contact-lists/${listId}/import`, { csv: "email\nx@y.de" })).status).toBe(404);
		const otherList = (await as("POST", "/api/v1/contact-lists", { name: "Mine" })).json.id;
		expect((await as("POST", `/api/v1/contact-lists/${otherList}/members`, { contactIds: [anna?.id] })).status).toBe(
			404,
		);
		expect((await as("POST", "/api/v1/contacts", { email: "x@y.de", listIds: [listId] })).status).toBe(404);
		const members = await t.db.select().from(contactListMembers).where(eq(contactListMembers.listId, otherList));
		expect(members).toHaveLength(0);
		expect((await as("GET", "/api/v1/contacts")).json.items).toHaveLength(0);
	});

	it("exports everything about a contact and erases it (audit without personal data)", async () => {
		const [max] = await t.db.select().from(contacts).where(eq(contacts.email, "max@example.com"));
		const exported = await call("GET", `/api/v1/contacts/${max?.id}/export`);
		expect(exported.status).toBe(200);
		const view = ContactExportView.parse(exported.json);
		expect(view.contact).toMatchObject({ email: "max@example.com", externalId: "K-1" });
		expect(view.contact.lists).toHaveLength(1);
		expect((await call("DELETE", `/api/v1/contacts/${max?.id}`)).status).toBe(204);
		expect(await t.db.select().from(contacts).where(eq(contacts.email, "max@example.com"))).toHaveLength(0);
		const memberships = await t.db
			.select()
			.from(contactListMembers)
			.where(eq(contactListMembers.contactId, max?.id ?? ""));
		expect(memberships).toHaveLength(0);
		const audit = await t.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, "contact.erased")));
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit)).not.toContain("max@example.com");
		expect((await call("GET", `/api/v1/contacts/${max?.id}`)).status).toBe(404);
	});

	it("lets viewers see neither contacts nor lists", async () => {
		const key = (await call("POST", "/api/v1/api-keys", { name: "viewer", role: "viewer" })).json.key;
		expect((await t.call("GET", "/api/v1/contacts", { apiKey: key })).status).toBe(403);
		expect((await t.call("POST", "/api/v1/contact-lists", { apiKey: key, body: { name: "x" } })).status).toBe(403);
	});
});
