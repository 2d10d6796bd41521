// Sites: public keys and the origins allowed to use them.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { isOriginAllowed } from "./service/sites";

describe("allowed origins", () => {
	const site = (allowedOrigins: string[]) => ({ allowedOrigins });

	it("matches exact origins with default ports", () => {
		expect(isOriginAllowed(site(["https://shop.example"]), "https://shop.example")).toBe(true);
		expect(isOriginAllowed(site(["https://shop.example"]), "https://shop.example:443")).toBe(true);
		expect(isOriginAllowed(site(["https://shop.example"]), "http://shop.example")).toBe(false);
		expect(isOriginAllowed(site(["https://shop.example"]), "https://evilshop.example")).toBe(false);
		expect(isOriginAllowed(site(["https://shop.example"]), "https://shop.example.evil.com")).toBe(false);
	});

	it("matches one subdomain level with *. and any port with :*", () => {
		const s = site(["https://*.shop.example", "http://localhost:*"]);
		expect(isOriginAllowed(s, "https://de.shop.example")).toBe(true);
		expect(isOriginAllowed(s, "https://a.b.shop.example")).toBe(false);
		expect(isOriginAllowed(s, "https://shop.example")).toBe(false);
		expect(isOriginAllowed(s, "http://localhost:5173")).toBe(true);
		expect(isOriginAllowed(s, "http://localhost")).toBe(true);
		expect(isOriginAllowed(s, "null")).toBe(false);
	});

	it("never throws and never allows anything with no patterns", () => {
		fc.assert(
			fc.property(fc.string(), (origin) => {
				expect(isOriginAllowed(site([]), origin)).toBe(false);
				isOriginAllowed(site(["https://*.x.example", "http://localhost:*"]), origin);
			}),
		);
	});
});

describe("sites API", () => {
	let t: TestApp;
	let owner: Awaited<ReturnType<TestApp["signUp"]>>;
	beforeAll(async () => {
		t = await createTestApp();
		owner = await t.signUp("Sites GmbH", "owner@sites.example");
	});
	afterAll(() => t.close());

	it("creates a site with a fresh public key and refuses malformed origins", async () => {
		const created = await t.call("POST", "/api/v1/sites", {
			cookie: owner.cookie,
			body: { name: "Shop", allowedOrigins: ["https://shop.example"] },
		});
		expect(created.status).toBe(201);
		expect(created.json.publicKey).toMatch(/^pk_[A-Za-z0-9_-]{16}$/);
		const bad = await t.call("POST", "/api/v1/sites", {
			cookie: owner.cookie,
			body: { name: "Bad", allowedOrigins: ["shop.example/path"] },
		});
		expect(bad.status).toBe(400);
		const list = await t.call("GET", "/api/v1/sites", { cookie: owner.cookie });
		expect(list.json.items).toHaveLength(1);
	});
});
