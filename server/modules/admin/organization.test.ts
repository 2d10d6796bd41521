// Departments, members and invitations (delivered by a real SMTP server), organization settings and audit.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundEmails } from "../../platform/mail/schema";
import { createTestApp, eventually, sessionCookieOf, type TestApp } from "../../test/harness";
import { startSmtpServer, textOf } from "../../test/smtp";
import { auditLog, invitations, memberships } from "./schema";

describe("organization administration", () => {
	let t: TestApp;
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	let owner: Awaited<ReturnType<TestApp["signUp"]>>;
	beforeAll(async () => {
		smtp = await startSmtpServer();
		t = await createTestApp({ workers: true, smtpUrl: smtp.url });
		owner = await t.signUp("Admin KG", "owner@admin.example");
	});
	afterAll(async () => {
		await t.close();
		await smtp.close();
	});

	it("manages departments with unique names and an audit trail", async () => {
		const created = await t.call("POST", "/api/v1/departments", {
			cookie: owner.cookie,
			body: { name: "Kundenservice" },
		});
		expect(created.status).toBe(201);
		const dup = await t.call("POST", "/api/v1/departments", { cookie: owner.cookie, body: { name: "kundenservice" } });
		expect(dup.status).toBe(409);
		const renamed = await t.call("PATCH", `/api/v1/departments/${created.json.id}`, {
			cookie: owner.cookie,
			body: { name: "Customer Service" },
		});
		expect(renamed.json.name).toBe("Customer Service");
		const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.json.id));
		expect(audit.map((a) => a.action).sort()).toEqual(["department.created", "department.updated"]);
	});

	it("pages through departments with a cursor", async () => {
		for (const name of ["A-Team", "B-Team", "C-Team"]) {
			await t.call("POST", "/api/v1/departments", { cookie: owner.cookie, body: { name } });
		}
		const first = await t.call("GET", "/api/v1/departments?limit=2", { cookie: owner.cookie });
		expect(first.json.items).toHaveLength(2);
		expect(first.json.nextCursor).toBeTruthy();
		const second = await t.call("GET", `/api/v1/departments?limit=2&cursor=${first.json.nextCursor}`, {
			cookie: owner.cookie,
		});
		const names = [...first.json.items, ...second.json.items].map((d: { name: string }) => d.name);
		expect(names.slice(0, 3)).toEqual(["A-Team", "B-Team", "C-Team"]);
		expect(new Set(names).size).toBe(names.length);
		expect((await t.call("GET", "/api/v1/departments?cursor=garbage", { cookie: owner.cookie })).status).toBe(400);
	});

	it("invites by email through SMTP; the link joins with role and departments, once", async () => {
		const department = await t.call("POST", "/api/v1/departments", {
			cookie: owner.cookie,
			body: { name: "Logistik" },
		});
		const invited = await t.call("POST", "/api/v1/invitations", {
			cookie: owner.cookie,
			body: { email: "Agent@Admin.example", role: "agent", departmentIds: [department.json.id], locale: "en" },
		});
		expect(invited.status).toBe(201);
		expect(invited.json.email).toBe("agent@admin.example");
		const token = String(invited.json.acceptUrl).split("/invitation/")[1];
		expect(token).toBeTruthy();

		const mail = await eventually(async () => smtp.received.find((m) => m.to.includes("agent@admin.example")));
		expect(textOf(mail)).toContain(invited.json.acceptUrl);
		// The row is marked sent right after the SMTP server accepted the message.
		const row = await eventually(async () => {
			const [email] = await t.db
				.select()
				.from(outboundEmails)
				.where(eq(outboundEmails.toAddress, "agent@admin.example"));
			return email?.status === "sent" ? email : undefined;
		});
		expect(row.attempts).toBe(1);
		const [stored] = await t.db.select().from(invitations).where(eq(invitations.id, invited.json.id));
		expect(stored?.tokenHash).not.toContain(token);

		const info = await t.call("GET", `/api/v1/public/invitations/${token}`);
		expect(info.json).toMatchObject({ organizationName: "Admin KG", email: "agent@admin.example", hasAccount: false });

		const accepted = await t.call("POST", "/api/v1/auth/accept-invitation", {
			body: { token, name: "Alex Agent", password: "agent password 1", locale: "en" },
		});
		expect(accepted.status).toBe(201);
		const me = await t.call("GET", "/api/v1/me", { cookie: sessionCookieOf(accepted.headers) });
		expect(me.json.role).toBe("agent");
		expect(me.json.departmentIds).toEqual([department.json.id]);

		const again = await t.call("POST", "/api/v1/auth/accept-invitation", {
			body: { token, name: "Alex Again", password: "agent password 1" },
		});
		expect(again.status).toBe(404);
	});

	it("lets an agent read but not administer", async () => {
		const signIn = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: "agent@admin.example", password: "agent password 1" },
		});
		const cookie = sessionCookieOf(signIn.headers);
		expect((await t.call("GET", "/api/v1/departments", { cookie })).status).toBe(200);
		expect((await t.call("POST", "/api/v1/departments", { cookie, body: { name: "Nope" } })).status).toBe(403);
		expect((await t.call("GET", "/api/v1/invitations", { cookie })).status).toBe(403);
		expect((await t.call("POST", "/api/v1/journeys", { cookie, body: { name: "Nope" } })).status).toBe(403);
	});

	it("changes a member's role and refuses to remove the last owner", async () => {
		const members = await t.call("GET", "/api/v1/members", { cookie: owner.cookie });
		const agent = members.json.items.find((m: { email: string }) => m.email === "agent@admin.example");
		const promoted = await t.call("PATCH", `/api/v1/members/${agent.userId}`, {
			cookie: owner.cookie,
			body: { role: "analyst" },
		});
		expect(promoted.json.role).toBe("analyst");
		const demoteSelf = await t.call("PATCH", `/api/v1/members/${owner.userId}`, {
			cookie: owner.cookie,
			body: { role: "admin" },
		});
		expect(demoteSelf.status).toBe(409);
		const removeSelf = await t.call("DELETE", `/api/v1/members/${owner.userId}`, { cookie: owner.cookie });
		expect(removeSelf.status).toBe(409);
		const owners = await t.db
			.select()
			.from(memberships)
			.where(and(eq(memberships.organizationId, owner.organizationId), eq(memberships.role, "owner")));
		expect(owners).toHaveLength(1);
	});

	it("revokes an invitation so its link no longer works", async () => {
		const invited = await t.call("POST", "/api/v1/invitations", {
			cookie: owner.cookie,
			body: { email: "late@admin.example", role: "viewer" },
		});
		const token = String(invited.json.acceptUrl).split("/invitation/")[1];
		expect((await t.call("DELETE", `/api/v1/invitations/${invited.json.id}`, { cookie: owner.cookie })).status).toBe(
			204,
		);
		expect((await t.call("GET", `/api/v1/public/invitations/${token}`)).status).toBe(404);
		const list = await t.call("GET", "/api/v1/invitations", { cookie: owner.cookie });
		expect(list.json.items.find((i: { id: string }) => i.id === invited.json.id).status).toBe("revoked");
	});

	it("updates the organization's settings and refuses an unknown time zone", async () => {
		const ok = await t.call("PATCH", "/api/v1/organization", {
			cookie: owner.cookie,
			body: { timezone: "Europe/Vienna", defaultLanguage: "en" },
		});
		expect(ok.json).toMatchObject({ timezone: "Europe/Vienna", defaultLanguage: "en" });
		const bad = await t.call("PATCH", "/api/v1/organization", {
			cookie: owner.cookie,
			body: { timezone: "Mars/Olympus" },
		});
		expect(bad.status).toBe(400);
		expect((await t.call("GET", "/api/v1/organization", { cookie: owner.cookie })).json.timezone).toBe("Europe/Vienna");
	});
});
