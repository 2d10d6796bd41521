// Sign-up, sign-in (with its rate limit), sessions, API keys and the current user.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionCookieOf, type TestApp } from "../../test/harness";
import { MeView } from "./contract";
import { apiKeys, organizations, users } from "./schema";

describe("authentication", () => {
	let t: TestApp;
	let owner: Awaited<ReturnType<TestApp["signUp"]>>;
	beforeAll(async () => {
		t = await createTestApp();
		owner = await t.signUp("Auth GmbH", "owner@auth.example");
	});
	afterAll(() => t.close());

	it("signs up an organization with its owner and a session", async () => {
		const me = await t.call("GET", "/api/v1/me", { cookie: owner.cookie });
		expect(me.status).toBe(200);
		const view = MeView.parse(me.json);
		expect(view.role).toBe("owner");
		expect(view.organization.name).toBe("Auth GmbH");
		expect(view.organization.slug).toBe("auth-gmbh");
	});

	it("stores a memory-hard password hash, never the password", async () => {
		const [user] = await t.db.select().from(users).where(eq(users.email, "owner@auth.example"));
		expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
		expect(user?.passwordHash).not.toContain("correct horse");
	});

	it("refuses a second sign-up with the same email (any case) and writes no organization", async () => {
		const before = await t.db.select().from(organizations);
		const res = await t.call("POST", "/api/v1/auth/sign-up", {
			body: {
				organizationName: "Copy",
				name: "X",
				email: "OWNER@auth.example",
				password: "another password",
				locale: "de",
			},
		});
		expect(res.status).toBe(409);
		expect(await t.db.select().from(organizations)).toHaveLength(before.length);
	});

	it("refuses a short password with a field message", async () => {
		const res = await t.call("POST", "/api/v1/auth/sign-up", {
			body: { organizationName: "Short", name: "X", email: "short@auth.example", password: "short" },
		});
		expect(res.status).toBe(400);
		expect(res.json.error.details.fields[0].field).toBe("password");
	});

	it("signs in with the right password and not with a wrong one", async () => {
		const good = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: "owner@auth.example", password: "correct horse battery" },
		});
		expect(good.status).toBe(200);
		const cookie = sessionCookieOf(good.headers);
		expect(good.headers.get("set-cookie")).toMatch(/HttpOnly/i);
		expect((await t.call("GET", "/api/v1/me", { cookie })).status).toBe(200);

		const bad = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: "owner@auth.example", password: "wrong" },
		});
		expect(bad.status).toBe(401);
		const unknown = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: "nobody@auth.example", password: "x" },
		});
		expect(unknown.status).toBe(401);
		expect(unknown.json.error.message).toBe(bad.json.error.message);
	});

	it("rate-limits failed sign-ins per email, even with the right password afterwards", async () => {
		await t.signUp("Limit AG", "limit@auth.example");
		for (let i = 0; i < 10; i++) {
			const res = await t.call("POST", "/api/v1/auth/sign-in", {
				body: { email: "limit@auth.example", password: `wrong-${i}` },
			});
			expect(res.status).toBe(401);
		}
		const blocked = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: "limit@auth.example", password: "correct horse battery" },
		});
		expect(blocked.status).toBe(429);
		expect(blocked.json.error.code).toBe("rate_limited");
	});

	it("ends the session on sign-out", async () => {
		const signIn = await t.call("POST", "/api/v1/auth/sign-in", {
			body: { email: "owner@auth.example", password: "correct horse battery" },
		});
		const cookie = sessionCookieOf(signIn.headers);
		expect((await t.call("POST", "/api/v1/auth/sign-out", { cookie })).status).toBe(204);
		expect((await t.call("GET", "/api/v1/me", { cookie })).status).toBe(401);
	});

	it("persists the user's language", async () => {
		const res = await t.call("PATCH", "/api/v1/me", { cookie: owner.cookie, body: { locale: "en" } });
		expect(res.status).toBe(200);
		expect(res.json.user.locale).toBe("en");
		const again = await t.call("GET", "/api/v1/me", { cookie: owner.cookie });
		expect(again.json.user.locale).toBe("en");
		expect((await t.call("PATCH", "/api/v1/me", { cookie: owner.cookie, body: { locale: "fr" } })).status).toBe(400);
	});

	it("creates an API key shown once, stored hashed, usable, and revocable", async () => {
		const created = await t.call("POST", "/api/v1/api-keys", {
			cookie: owner.cookie,
			body: { name: "BI export", role: "viewer" },
		});
		expect(created.status).toBe(201);
		const key: string = created.json.key;
		expect(key).toMatch(/^lk_/);
		const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.json.id));
		expect(row?.keyHash).not.toContain(key);
		expect(JSON.stringify(row)).not.toContain(key);

		const listed = await t.call("GET", "/api/v1/api-keys", { cookie: owner.cookie });
		expect(JSON.stringify(listed.json)).not.toContain(key);

		const asKey = await t.call("GET", "/api/v1/journeys", { apiKey: key });
		expect(asKey.status).toBe(200);
		const write = await t.call("POST", "/api/v1/journeys", { apiKey: key, body: { name: "Not allowed" } });
		expect(write.status).toBe(403);

		expect((await t.call("DELETE", `/api/v1/api-keys/${created.json.id}`, { cookie: owner.cookie })).status).toBe(204);
		expect((await t.call("GET", "/api/v1/journeys", { apiKey: key })).status).toBe(401);
	});

	it("never lets a key outrank its creator", async () => {
		const res = await t.call("POST", "/api/v1/api-keys", {
			cookie: owner.cookie,
			body: { name: "Root", role: "owner" },
		});
		expect(res.status).toBe(400);
	});
});
