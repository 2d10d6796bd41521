// The tracker in a real browser: a shop page on another port embeds /loupe.js with the demo key; navigation
// (incl. an SPA route change), a search without results and checkout steps arrive through the public API
// and show up in the behaviour reports and pages.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoupeServer, startLoupe } from "./server";

let loupe: LoupeServer;
let shop: Server;
let shopUrl = "";
let browser: Browser;
const VISITOR_UA =
	"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const shopPage = (loupeBase: string, body: string) => `<!doctype html><html><head><title>Shop</title>
<script>window.loupe = window.loupe || function () { (loupe.q = loupe.q || []).push(arguments) };</script>
<script async src="${loupeBase}/loupe.js" data-site="pk_demo_nordstern"></script></head>
<body style="min-height:2000px"><h1>Nordstern</h1>${body}</body></html>`;

beforeAll(async () => {
	loupe = await startLoupe();
	shop = createServer((req, res) => {
		const path = new URL(req.url ?? "/", "http://x").pathname;
		const body =
			path === "/suche"
				? `<p data-loupe-results="0">Keine Treffer</p><a href="/produkte/sofa-lund">Sofa</a>`
				: path.startsWith("/checkout")
					? `<button id="pay" data-loupe-event="pay_clicked">Bezahlen</button>
						<script>loupe('step', 'payment'); document.getElementById('pay').onclick = () => loupe('step', 'completed');</script>`
					: `<a id="spa" href="#">Weiter</a><script>document.getElementById('spa').onclick = (e) => { e.preventDefault(); history.pushState({}, '', '/produkte/sofa-bergen'); };</script>`;
		res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
		res.end(shopPage(loupe.baseUrl, body));
	});
	await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
	shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
	browser = await chromium.launch({
		executablePath: "/usr/bin/chromium",
		// Beacons sent while a page unloads carry the browser's own user agent, not a context override: give the
		// whole browser an ordinary one, or ingestion rightly drops them as a headless bot.
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--disable-background-networking",
			`--user-agent=${VISITOR_UA}`,
		],
	});
});

afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => shop?.close(resolve));
	await loupe?.stop();
});

describe("tracker on a shop page", () => {
	it("records navigation, a zero-result search and checkout steps, and the reports show them", async () => {
		// A real visitor's browser: not marked as automated, with an ordinary user agent.
		const context = await browser.newContext({
			userAgent:
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
		});
		await context.addInitScript({ content: "Object.defineProperty(navigator, 'webdriver', { get: () => false })" });
		const page = await context.newPage();
		await page.goto(`${shopUrl}/produkte/sofa-lund`);
		await page.mouse.move(400, 300);
		await page.mouse.wheel(0, 800);
		await page.click("#spa");
		// A query the demo's own searches never contain, so today's count is the test's alone.
		await page.goto(`${shopUrl}/suche?q=Sofa%20Cord%20Petrol%20E2E`);
		await page.waitForTimeout(1200);
		await page.goto(`${shopUrl}/checkout/zahlung`);
		await page.click("#pay");
		await page.evaluate(() => (window as unknown as { loupe: (c: string) => void }).loupe("flush"));
		await page.waitForTimeout(500);
		await page.goto("about:blank");
		await context.close();

		const admin = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: "de-DE" });
		await admin.goto(`${loupe.baseUrl}/sign-in`);
		await admin.getByRole("textbox", { name: "E-Mail" }).fill("demo@example.com");
		await admin.getByRole("textbox", { name: "Passwort" }).fill("loupe-demo");
		await admin.getByRole("button", { name: "Anmelden" }).click();
		await admin.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
		const api = (path: string) => admin.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);

		const realtime = await api("/behaviour/realtime");
		expect(realtime.visitors).toBeGreaterThanOrEqual(1);
		expect(realtime.pages.map((p: { path: string }) => p.path)).toEqual(
			expect.arrayContaining(["/produkte/sofa-lund", "/produkte/sofa-bergen", "/suche", "/checkout/zahlung"]),
		);
		const today = new Date().toISOString().slice(0, 10);
		await expect
			.poll(async () => (await api(`/behaviour/search?from=${today}&to=${today}`)).zeroResultQueries, {
				timeout: 60_000,
			})
			.toEqual(expect.arrayContaining([expect.objectContaining({ query: "sofa cord petrol e2e", zeroResults: 1 })]));
		const funnels = await api("/funnels");
		const checkout = await api(`/funnels/${funnels.items[0].id}/report?from=${today}&to=${today}`);
		expect(checkout.steps.map((s: { label: string; sessions: number }) => [s.label, s.sessions])).toEqual(
			expect.arrayContaining([["Zahlung", expect.any(Number)]]),
		);
		const overview = await api(`/behaviour/overview?from=${today}&to=${today}`);
		expect(overview.pages.map((p: { path: string }) => p.path)).toEqual(
			expect.arrayContaining(["/checkout/zahlung", "/suche"]),
		);

		// The demo's year of history is rolled up in the background after start (newest month first).
		await expect
			.poll(async () => (await api("/behaviour/slow-pages")).pages.map((p: { path: string }) => p.path), {
				timeout: 90_000,
			})
			.toEqual(expect.arrayContaining(["/checkout/zahlung"]));
		await admin.goto(`${loupe.baseUrl}/behaviour`);
		await admin.getByTestId("behaviour-touchpoints").waitFor();
		await admin.screenshot({ path: "/tmp/behaviour-overview.png", fullPage: true });
		await admin.getByRole("tab", { name: "Suche im Shop" }).click();
		await admin.getByTestId("search-zero").getByText("sofa cord petrol e2e").waitFor();
		await admin.screenshot({ path: "/tmp/behaviour-search.png", fullPage: true });
		await admin.getByRole("tab", { name: "Langsame Seiten" }).click();
		await admin.getByTestId("slow-pages").getByText("/checkout/zahlung").waitFor();
		expect(await admin.getByTestId("slow-pages").textContent()).toMatch(
			/\/checkout\/[\s\S]*Online-Checkout[\s\S]*schlecht/i,
		);
		await admin.screenshot({ path: "/tmp/behaviour-slow.png", fullPage: true });
		await admin.getByRole("tab", { name: "Funnels" }).click();
		await admin.getByTestId("funnel-steps").waitFor();
		await admin.screenshot({ path: "/tmp/behaviour-funnels.png", fullPage: true });
		await admin.getByRole("tab", { name: "Pfade" }).click();
		await admin.getByTestId("paths-flow").waitFor();
		await admin.screenshot({ path: "/tmp/behaviour-paths.png", fullPage: true });
		await admin.getByRole("tab", { name: "Einrichtung" }).click();
		expect(await admin.getByTestId("script-tag").first().textContent()).toContain('data-site="pk_demo_nordstern"');
	});
});
