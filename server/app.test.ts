// The API's common behaviour: health, one JSON error shape, 404s, and refusals of bad input that write nothing.
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeys } from "./modules/journey/schema";
import { createTestApp, type TestApp } from "./test/harness";

describe("the API surface", () => {
	let t: TestApp;
	let owner: Awaited<ReturnType<TestApp["signUp"]>>;
	beforeAll(async () => {
		t = await createTestApp();
		owner = await t.signUp("Surface GmbH", "surface@example.com");
	});
	afterAll(() => t.close());

	const journeyCount = async () => (await t.db.select({ n: count() }).from(journeys))[0]?.n;

	it("answers health with the database kind", async () => {
		const res = await t.call("GET", "/api/health");
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ status: "ok", db: t.database.kind, version: expect.any(String) });
	});

	it("renders unknown API routes as a JSON 404", async () => {
		const res = await t.call("GET", "/api/v1/nothing-here", { cookie: owner.cookie });
		expect(res.status).toBe(404);
		expect(res.json.error.code).toBe("not_found");
	});

	it("refuses unauthenticated access with 401", async () => {
		const res = await t.call("GET", "/api/v1/journeys");
		expect(res.status).toBe(401);
		expect(res.json.error.code).toBe("unauthenticated");
	});

	it("refuses malformed JSON with 400 and writes nothing", async () => {
		const before = await journeyCount();
		const res = await t.call("POST", "/api/v1/journeys", { cookie: owner.cookie, body: '{"name": "x",' });
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe("invalid");
		expect(await journeyCount()).toBe(before);
	});

	it("refuses a body that is not JSON", async () => {
		const res = await t.call("POST", "/api/v1/journeys", {
			cookie: owner.cookie,
			body: "name=x",
			headers: { "content-type": "application/x-www-form-urlencoded" },
		});
		expect(res.status).toBe(415);
		expect(res.json.error.code).toBe("unsupported_media_type");
	});

	it("refuses a JSON route called without a body", async () => {
		const res = await t.call("POST", "/api/v1/journeys", { cookie: owner.cookie });
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe("invalid");
	});

	it("refuses unknown fields and names the field", async () => {
		const before = await journeyCount();
		const res = await t.call("POST", "/api/v1/journeys", { cookie: owner.cookie, body: { name: "Ok", colour: "red" } });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.json.error.details)).toContain("colour");
		expect(await journeyCount()).toBe(before);
	});

	it("gives field messages for invalid values", async () => {
		const res = await t.call("POST", "/api/v1/journeys", { cookie: owner.cookie, body: { name: "" } });
		expect(res.status).toBe(400);
		expect(res.json.error.details.fields[0].field).toBe("name");
	});

	it("refuses bodies over 1 MB with 413", async () => {
		const res = await t.call("POST", "/api/v1/journeys", {
			cookie: owner.cookie,
			body: { name: "big", description: "x".repeat(1_100_000) },
		});
		expect(res.status).toBe(413);
		expect(res.json.error.code).toBe("payload_too_large");
	});

	it("refuses malformed ids in paths with 400", async () => {
		const res = await t.call("GET", "/api/v1/journeys/not-a-uuid", { cookie: owner.cookie });
		expect(res.status).toBe(400);
	});

	it("refuses a cookie-authenticated write from a foreign origin", async () => {
		const before = await journeyCount();
		const res = await t.call("POST", "/api/v1/journeys", {
			cookie: owner.cookie,
			body: { name: "CSRF" },
			headers: { origin: "https://evil.example" },
		});
		expect(res.status).toBe(403);
		expect(await journeyCount()).toBe(before);
	});

	it("serves the OpenAPI document and the docs page", async () => {
		const spec = await t.call("GET", "/api/v1/openapi.json");
		expect(spec.status).toBe(200);
		expect(Object.keys(spec.json.paths)).toContain("/api/v1/journeys/{journeyId}/touchpoints");
		const docs = await t.call("GET", "/api/docs");
		expect(docs.text).toContain("/api/v1/journeys");
	});
});
