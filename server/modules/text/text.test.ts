// Text analytics administration: the taxonomy, settings, and retraining from corrections that switches
// models only when the new one is not worse on held-back corrections.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { textCorrections, textModels, textThemes } from "./schema";
import { MIN_CORRECTIONS, trainOrganizationModel } from "./service/training";

describe("text analytics administration", () => {
	let t: TestApp;
	let owner: Awaited<ReturnType<TestApp["signUp"]>>;
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
	beforeAll(async () => {
		t = await createTestApp();
		owner = await t.signUp("Text GmbH", "owner@text.example");
	});
	afterAll(() => t.close());

	it("starts from the default taxonomy and lets admins edit it", async () => {
		const list = await call("GET", "/api/v1/text/themes");
		expect(list.status).toBe(200);
		const keys = list.json.items.map((theme: { key: string }) => theme.key);
		expect(keys).toEqual(expect.arrayContaining(["checkout", "delivery", "price", "staff"]));
		const created = await call("POST", "/api/v1/text/themes", {
			key: "carrier",
			label: { de: "Paketdienst", en: "Carrier" },
			keywords: { de: ["Paketdienst", "Zusteller"], en: ["carrier", "courier"] },
		});
		expect(created.status).toBe(201);
		const dup = await call("POST", "/api/v1/text/themes", {
			key: "carrier",
			label: { de: "x", en: "x" },
			keywords: { de: ["x1"], en: [] },
		});
		expect(dup.status).toBe(409);
		const off = await call("PATCH", `/api/v1/text/themes/${created.json.id}`, { isActive: false });
		expect(off.json.isActive).toBe(false);
		expect((await call("DELETE", `/api/v1/text/themes/${created.json.id}`)).status).toBe(204);
		const rows = await t.db.select().from(textThemes).where(eq(textThemes.key, "carrier"));
		expect(rows).toHaveLength(0);
	});

	it("refuses a theme without keywords or with a bad key, writing nothing", async () => {
		const before = (await t.db.select().from(textThemes)).length;
		for (const body of [
			{ key: "Bad Key", label: { de: "a", en: "a" }, keywords: { de: ["aa"], en: [] } },
			{ key: "empty", label: { de: "a", en: "a" }, keywords: { de: [], en: [] } },
		]) {
			expect((await call("POST", "/api/v1/text/themes", body)).status).toBe(400);
		}
		expect(await t.db.select().from(textThemes)).toHaveLength(before);
	});

	it("keeps PII redaction on by default and lets admins switch it", async () => {
		expect((await call("GET", "/api/v1/text/settings")).json).toEqual({ redactPii: true });
		expect((await call("PUT", "/api/v1/text/settings", { redactPii: false })).json).toEqual({ redactPii: false });
		expect((await call("GET", "/api/v1/text/settings")).json).toEqual({ redactPii: false });
	});

	it("refuses to train with too few corrections and says how many it needs", async () => {
		const started = await call("POST", "/api/v1/text/models/train", { language: "de" });
		expect(started.status).toBe(201);
		const done = await trainOrganizationModel(t.db, started.json.id);
		expect(done?.status).toBe("failed");
		expect(done?.error).toContain(String(MIN_CORRECTIONS));
	});

	it("fine-tunes on corrections, reports before/after on held-back ones, and switches when not worse", async () => {
		// The company's people say "Paketshop-Odyssee" is a complaint, whatever the shipped model thinks.
		const texts = Array.from({ length: 60 }, (_, i) =>
			i % 3 === 0
				? `Wieder eine Paketshop-Odyssee mit Sendung ${i}`
				: i % 3 === 1
					? `Die Paketshop-Odyssee geht weiter, Bestellung ${i}`
					: `Paketshop-Odyssee Nummer ${i}, sonst nichts`,
		);
		await t.db.insert(textCorrections).values(
			texts.map((text) => ({
				organizationId: owner.organizationId,
				targetKind: "response" as const,
				targetId: crypto.randomUUID(),
				text,
				language: "de",
				sentiment: "negative" as const,
			})),
		);
		const started = await call("POST", "/api/v1/text/models/train", { language: "de" });
		const done = await trainOrganizationModel(t.db, started.json.id);
		expect(done?.metrics?.heldOut).toBeGreaterThanOrEqual(4);
		expect(done?.metrics?.after.accuracy).toBeGreaterThanOrEqual(done?.metrics?.before.accuracy ?? 1);
		expect(done?.status).toBe("active");
		const active = await t.db
			.select()
			.from(textModels)
			.where(and(eq(textModels.organizationId, owner.organizationId), eq(textModels.status, "active")));
		expect(active).toHaveLength(1);
		const listed = await call("GET", "/api/v1/text/models");
		expect(listed.json.items[0]).toMatchObject({ status: "active", language: "de" });
	});

	it("lets a viewer read but not change text settings", async () => {
		const invited = await call("POST", "/api/v1/invitations", { email: "viewer@text.example", role: "viewer" });
		const token = String(invited.json.acceptUrl).split("/invitation/")[1];
		const joined = await t.call("POST", "/api/v1/auth/accept-invitation", {
			body: { token, name: "Vera", password: "viewer password 1" },
		});
		const cookie = String(joined.headers.get("set-cookie")).split(";")[0] ?? "";
		expect((await t.call("GET", "/api/v1/text/themes", { cookie })).status).toBe(200);
		expect((await t.call("PUT", "/api/v1/text/settings", { cookie, body: { redactPii: true } })).status).toBe(403);
		expect((await t.call("POST", "/api/v1/text/models/train", { cookie, body: { language: "de" } })).status).toBe(403);
	});
});
