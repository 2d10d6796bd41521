// The live stream delivers an organization's events to its own signed-in users only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string, timeoutMs = 10_000) {
	const decoder = new TextDecoder();
	let text = "";
	const deadline = Date.now() + timeoutMs;
	while (!text.includes(needle)) {
		if (Date.now() > deadline) throw new Error(`did not see ${needle} in ${text}`);
		const { value, done } = await Promise.race([
			reader.read(),
			new Promise<{ value: undefined; done: true }>((resolve) =>
				setTimeout(() => resolve({ value: undefined, done: true }), 2000),
			),
		]);
		if (value) text += decoder.decode(value);
		if (done && !value) continue;
	}
	return text;
}

describe("live stream", () => {
	let t: TestApp;
	let a: Awaited<ReturnType<TestApp["signUp"]>>;
	let b: Awaited<ReturnType<TestApp["signUp"]>>;
	beforeAll(async () => {
		t = await createTestApp();
		a = await t.signUp("Live A", "a@live.example");
		b = await t.signUp("Live B", "b@live.example");
	});
	afterAll(() => t.close());

	it("requires sign-in", async () => {
		expect((await t.call("GET", "/api/v1/stream")).status).toBe(401);
	});

	it("streams the organization's events and not another organization's", async () => {
		const controller = new AbortController();
		const response = await t.app.request("/api/v1/stream", {
			headers: { cookie: a.cookie },
			signal: controller.signal,
		});
		expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
		const reader = response.body?.getReader();
		if (!reader) throw new Error("no body");
		await readUntil(reader, "event: ready");
		await t.live.publish({ type: "response.created", organizationId: b.organizationId, data: { id: "for-b" } });
		await t.live.publish({ type: "response.created", organizationId: a.organizationId, data: { id: "for-a" } });
		const text = await readUntil(reader, "for-a");
		expect(text).toContain("event: response.created");
		expect(text).not.toContain("for-b");
		controller.abort();
		await reader.cancel().catch(() => {});
	});
});
