// Alerts through the HTTP API and the job system: the demo-shaped delivery drop fires exactly one alert, a second
// evaluation does not duplicate it, it clears when the drop is over and fires again when it returns; email arrives on a
// real SMTP server, the webhook on a local HTTP server with a valid signature, retried after a 500.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertRules, alerts } from "../../platform/schema";
import { createTestApp, eventually, type TestApp } from "../../test/harness";
import { startSmtpServer, textOf } from "../../test/smtp";
import { healDelivery, type Insights, NOW, setDelivery, setUpInsights, WORSE } from "./dashboards-test-setup";

const RULES = "/api/v1/analytics/alert-rules";
const ALERTS = "/api/v1/analytics/alerts";

describe("alerts", () => {
	let t: TestApp;
	let a: Insights;
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	let hook: { url: string; received: { headers: http.IncomingHttpHeaders; body: string }[]; close(): void };

	beforeAll(async () => {
		smtp = await startSmtpServer();
		const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
		const server = http.createServer((req, res) => {
			let body = "";
			req.on("data", (chunk) => {
				body += chunk;
			});
			req.on("end", () => {
				received.push({ headers: req.headers, body });
				// The first delivery fails: the job must retry.
				res.writeHead(received.length === 1 ? 500 : 204).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		hook = {
			url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/loupe`,
			received,
			close: () => server.close(),
		};
		t = await createTestApp({ workers: true, smtpUrl: smtp.url, now: () => NOW });
		a = await setUpInsights(t, "Org A", "owner@a.example");
	});
	afterAll(async () => {
		await t?.close();
		await smtp?.close();
		hook?.close();
	});

	const asA = (method: string, p: string, body?: unknown) => t.call(method, p, { cookie: a.cookie, body });

	it("starts with the default rules and fires exactly one alert for the delivery drop, once", async () => {
		const rules = await asA("GET", RULES);
		expect(rules.json.items.map((r: { kind: string }) => r.kind)).toEqual([
			"nps_drop",
			"detractor_spike",
			"negative_theme_surge",
		]);
		const first = await asA("POST", `${RULES}/evaluate`);
		expect(first.status).toBe(200);
		expect(first.json).toEqual({ evaluatedRules: 3, fired: 1, cleared: 0 });
		const list = (await asA("GET", `${ALERTS}?status=open`)).json.items;
		expect(list).toHaveLength(1);
		const [alert] = list;
		expect(alert.kind).toBe("nps_drop");
		expect(alert.touchpointId).toBe(a.touchpoints.Lieferung);
		expect(alert.evidence.touchpointName).toBe("Lieferung");
		expect(alert.evidence.difference).toBeLessThan(-10);
		expect(alert.evidence.ci95[1]).toBeLessThan(0);
		expect(alert.qValue).toBeLessThan(0.05);

		const second = await asA("POST", `${RULES}/evaluate`);
		expect(second.json).toEqual({ evaluatedRules: 3, fired: 0, cleared: 0 });
		const rows = await t.db.select({ n: count() }).from(alerts).where(eq(alerts.organizationId, a.organizationId));
		expect(rows[0]?.n).toBe(1);

		// Acknowledging keeps it active; it stays one alert while the condition holds.
		const acked = await asA("PATCH", `${ALERTS}/${alert.id}`, { status: "acknowledged" });
		expect(acked.json.status).toBe("acknowledged");
		expect((await asA("POST", `${RULES}/evaluate`)).json.fired).toBe(0);
	});

	it("clears the alert when the drop is over and alerts again when it returns", async () => {
		await healDelivery(t, a);
		const healed = await asA("POST", `${RULES}/evaluate`);
		expect(healed.json.cleared).toBe(1);
		const [cleared] = (await asA("GET", ALERTS)).json.items;
		expect(cleared.status).toBe("resolved");
		expect(cleared.clearedAt).not.toBeNull();
		// Another organization with the same drop gets its own alert: condition keys are per organization and rule.
		const c = await setUpInsights(t, "Org C", "owner@c.example");
		expect((await t.call("POST", `${RULES}/evaluate`, { cookie: c.cookie })).json.fired).toBe(1);
	});

	it("notifies by email in the recipient's language and by a signed webhook, retried after a 500", async () => {
		await t.call("PATCH", "/api/v1/me", { cookie: a.cookie, body: { locale: "de" } });
		const created = await asA("POST", RULES, {
			name: "Lieferung beobachten",
			kind: "nps_drop",
			scope: { touchpointIds: [a.touchpoints.Lieferung] },
			windowDays: 56,
			comparison: "previous",
			channels: { inApp: true, emailUserIds: [a.userId], webhookUrl: hook.url },
		});
		expect(created.status).toBe(201);
		const secret = created.json.webhookSecret as string;
		expect(secret).toMatch(/^whsec_/);
		expect((await asA("GET", RULES)).text).not.toContain(secret);
		// The healed data of the test before: put the drop back.
		await setDelivery(t, a, new Date(NOW.getTime() - 60 * 86_400_000).toISOString().slice(0, 10), WORSE);
		const evaluation = await asA("POST", `${RULES}/evaluate`);
		expect(evaluation.json.fired).toBe(2); // the default NPS rule again (its condition had cleared) and the new rule

		const mail = await eventually(async () => smtp.received.find((m) => m.to.includes("owner@a.example")));
		const text = textOf(mail);
		expect(text).toContain("NPS gesunken");
		expect(text).toContain("Lieferung");
		expect(text).toContain("http://loupe.test/insights/alerts");

		const delivered = await eventually(async () => (hook.received.length >= 2 ? hook.received : undefined), 30_000);
		expect(delivered[0]?.body).toBe(delivered[1]?.body);
		const last = delivered[1];
		const signature = String(last?.headers["x-loupe-signature"]);
		const [, unix, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];
		expect(mac).toBe(createHmac("sha256", secret).update(`${unix}.${last?.body}`).digest("hex"));
		const payload = JSON.parse(last?.body ?? "{}");
		expect(payload.type).toBe("alert.fired");
		expect(payload.alert.evidence.touchpointName).toBe("Lieferung");

		const ruleAlert = await eventually(async () => {
			const items = (await asA("GET", `${ALERTS}?status=open`)).json.items as {
				ruleId: string;
				deliveries: { channel: string; status: string; attempts: number }[];
			}[];
			const mine = items.find((i) => i.ruleId === created.json.id);
			const isDone = mine?.deliveries.every((d) => d.status === "delivered");
			return isDone ? mine : undefined;
		}, 30_000);
		const webhook = ruleAlert.deliveries.find((d) => d.channel === "webhook");
		expect(webhook?.attempts).toBe(2);
		expect(ruleAlert.deliveries.find((d) => d.channel === "email")?.status).toBe("delivered");
	});

	it("refuses bad rules and another organization's ids, writing nothing", async () => {
		const before = (await t.db.select({ n: count() }).from(alertRules))[0]?.n;
		const other = await t.signUp("Org D", "owner@d.example");
		for (const body of [
			{ name: "x", kind: "loyalty_drop" },
			{ name: "x", kind: "nps_drop", windowDays: 0 },
			{ name: "x", kind: "nps_drop", fdr: 0.5 },
			{ name: "x", kind: "nps_drop", channels: { webhookUrl: "ftp://example.com" } },
			{ name: "x", kind: "nps_drop", channels: { emailUserIds: [other.userId] } },
			{ name: "x", kind: "nps_drop", scope: { touchpointIds: [crypto.randomUUID()] } },
		]) {
			const response = await asA("POST", RULES, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
		}
		expect((await t.db.select({ n: count() }).from(alertRules))[0]?.n).toBe(before);
		const alert = (await asA("GET", ALERTS)).json.items[0];
		expect(
			(await t.call("PATCH", `${ALERTS}/${alert.id}`, { cookie: other.cookie, body: { status: "resolved" } })).status,
		).toBe(404);
		expect((await t.call("GET", `${ALERTS}/${alert.id}`, { cookie: other.cookie })).status).toBe(404);
		const rule = (await asA("GET", RULES)).json.items[0];
		expect((await t.call("DELETE", `${RULES}/${rule.id}`, { cookie: other.cookie })).status).toBe(404);
	});
});
