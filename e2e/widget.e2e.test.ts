// The survey widget in a real browser: a shop page on another origin embeds /loupe.js, a widget survey with a
// custom-event trigger (created through the admin API) opens in its shadow-root panel, the answers arrive as a
// widget response, and the fatigue rule keeps it away after a reload. Screenshots: /tmp/widget-*.png.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoupeServer, startLoupe } from "./server";

const EVENT = "e2e_order_completed";
const SLUG = "e2e-widget-nps";

let server: LoupeServer;
let shop: Server;
let shopUrl: string;
let browser: Browser;
let cookie: string;

async function api(method: string, path: string, body?: unknown) {
	const response = await fetch(`${server.baseUrl}${path}`, {
		method,
		headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = await response.json();
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

/** The shop's order confirmation page: embeds the widget the way the docs say, on its own origin. */
function shopPage(lang: string, theme?: string) {
	return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Nordstern Wohnen – Bestellung</title>
<style>body{margin:0;font:16px Georgia,serif;background:#f3efe8;color:#2b2b2b}header{background:#23403a;color:#fff;padding:18px 32px;font-size:22px}
main{padding:32px;max-width:720px}button{all:unset}*{box-sizing:content-box!important;font-size:30px!important}</style>
<script>window.loupe=window.loupe||function(){(loupe.q=loupe.q||[]).push(arguments)}</script>
<script async src="${server.baseUrl}/loupe.js" data-site="pk_demo_nordstern"${theme ? ` data-theme="${theme}"` : ""}></script>
</head><body><header>Nordstern Wohnen</header><main><h1>Vielen Dank für Ihre Bestellung!</h1>
<p>Ihre Bestellnummer lautet NW-2024-18342. Wir senden Ihnen eine Bestätigung per E-Mail.</p>
<p id="focus-target" tabindex="-1">Sofa „Lund“, 3-Sitzer, Cord, salbeigrün</p></main></body></html>`;
}

async function openShop(context: BrowserContext, query = "") {
	const page = await context.newPage();
	const configLoaded = page.waitForResponse((r) => r.url().includes("/api/v1/public/widget-config"));
	await page.goto(`${shopUrl}/bestellung/danke${query}`);
	expect((await configLoaded).status()).toBe(200);
	return page;
}

const fire = (page: Page) =>
	page.evaluate((name) => (window as unknown as { loupe: (...a: unknown[]) => void }).loupe("event", name), EVENT);

beforeAll(async () => {
	server = await startLoupe();
	shop = createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://shop");
		res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
		res.end(shopPage(url.searchParams.get("lang") ?? "de", url.searchParams.get("theme") ?? undefined));
	});
	await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
	shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
	browser = await chromium.launch({
		executablePath: "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
	});

	const signIn = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ email: "demo@example.com", password: "loupe-demo" }),
	});
	expect(signIn.status).toBe(200);
	cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

	const sites = await api("GET", "/api/v1/sites");
	const site = sites.items.find((s: { publicKey: string }) => s.publicKey === "pk_demo_nordstern");
	const journeys = await api("GET", "/api/v1/journeys");
	const journey = await api("GET", `/api/v1/journeys/${journeys.items[0].id}`);
	const touchpoint = journey.stages.flatMap((s: { touchpoints: { id: string }[] }) => s.touchpoints)[0];
	const survey = await api("POST", "/api/v1/surveys", {
		template: "post_purchase_nps",
		touchpointId: touchpoint.id,
		slug: SLUG,
	});
	await api("POST", `/api/v1/surveys/${survey.id}/publish`);
	await api("POST", `/api/v1/surveys/${survey.id}/distributions`, {
		kind: "widget",
		siteId: site.id,
		trigger: { urlPatterns: ["/bestellung/*"], customEvent: EVENT, fatigueDays: 30 },
		position: "bottom-right",
	});
});

afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => shop?.close(resolve));
	await server?.stop();
});

describe("survey widget", () => {
	let context: BrowserContext;
	let page: Page;

	it("stays hidden until the page sends the custom event, then opens the panel in a shadow root", async () => {
		context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "de-DE" });
		page = await openShop(context);
		await page.waitForTimeout(500);
		expect(await page.locator("#loupe-survey").count()).toBe(0);

		await fire(page);
		const dialog = page.getByRole("dialog", { name: "Wie war Ihr Einkauf?" });
		await dialog.waitFor();
		await page.waitForTimeout(400);
		expect(await page.evaluate(() => !!document.querySelector("#loupe-survey")?.shadowRoot)).toBe(true);
		// The host page's CSS (a 30px !important font size on *) does not reach the panel.
		const legendSize = await dialog
			.locator("legend")
			.first()
			.evaluate((e) => getComputedStyle(e).fontSize);
		expect(legendSize).toBe("17px");
		expect(await dialog.getByText("Frage 1 von 3").count()).toBe(1);
		await page.screenshot({ path: "/tmp/widget-desktop-question.png" });
	});

	it("is keyboard accessible: required error, arrow keys on the scale, Tab wraps inside the panel", async () => {
		const dialog = page.getByRole("dialog");
		await dialog.getByRole("button", { name: "Weiter" }).click();
		expect(await dialog.getByRole("alert").or(dialog.locator("[aria-live]")).first().textContent()).toContain(
			"Bitte beantworten Sie diese Frage.",
		);
		await dialog.getByRole("radio", { name: "5", exact: true }).focus();
		await page.keyboard.press("ArrowLeft");
		await page.keyboard.press("ArrowLeft");
		expect(await dialog.getByRole("radio", { name: "3", exact: true }).isChecked()).toBe(true);
		await dialog.getByRole("button", { name: "Weiter" }).focus();
		await page.keyboard.press("Tab");
		expect(
			await page.evaluate(() =>
				document.querySelector("#loupe-survey")?.shadowRoot?.activeElement?.getAttribute("aria-label"),
			),
		).toBe("Umfrage schließen");
		await page.screenshot({ path: "/tmp/widget-desktop-error.png" });
	});

	it("walks through the questions with skip logic and sends a widget response", async () => {
		const dialog = page.getByRole("dialog");
		await dialog.getByRole("button", { name: "Weiter" }).click();
		await dialog.getByRole("textbox", { name: /wichtigste Grund/ }).fill("Die Lieferung kam zwei Wochen zu spät.");
		await dialog.getByRole("button", { name: "Weiter" }).click();
		// NPS 3 ≤ 8 shows the improvement question (skip logic), the last one.
		await dialog.getByText("Frage 3 von 3").waitFor();
		await dialog.getByRole("checkbox", { name: "Lieferung" }).check();
		// A person takes longer than the server's spam threshold (completed < 1 s after opening is dropped).
		await page.waitForTimeout(1000);
		await page.screenshot({ path: "/tmp/widget-desktop-choice.png" });
		await dialog.getByRole("button", { name: "Absenden" }).click();
		await dialog.getByRole("status").getByText("Vielen Dank für Ihr Feedback!").waitFor();
		await page.waitForTimeout(400);
		await page.screenshot({ path: "/tmp/widget-desktop-thanks.png" });

		const found = await api("GET", "/api/v1/responses?channel=widget&limit=50");
		const response = found.items.find((r: { comment: string | null }) => r.comment?.includes("zwei Wochen"));
		expect(response).toMatchObject({
			channel: "widget",
			score: 3,
			scoreGroup: "detractor",
			completed: true,
			language: "de",
		});
		const detail = await api("GET", `/api/v1/responses/${response.id}`);
		expect(detail.answers).toEqual({ nps: 3, reason: "Die Lieferung kam zwei Wochen zu spät.", improve: ["delivery"] });
		expect(detail.sessionId).toBeTruthy();

		await dialog.getByRole("button", { name: "Schließen", exact: true }).click();
		expect(await page.locator("#loupe-survey").count()).toBe(0);
	});

	it("does not show the survey again after a reload (fatigue)", async () => {
		await page.close();
		page = await openShop(context);
		await fire(page);
		await page.waitForTimeout(1500);
		expect(await page.locator("#loupe-survey").count()).toBe(0);
		expect(await page.evaluate(() => JSON.parse(localStorage.getItem("loupe_f") ?? "{}").answered)).toEqual([SLUG]);
		await context.close();
	});

	it("fits a 375 px phone as a bottom sheet, closes with Esc, and a dismissal counts for fatigue", async () => {
		const phone = await browser.newContext({
			viewport: { width: 375, height: 740 },
			locale: "en-GB",
			hasTouch: true,
			isMobile: true,
		});
		const mobile = await openShop(phone, "?lang=en");
		await fire(mobile);
		const dialog = mobile.getByRole("dialog", { name: "How was your purchase?" });
		await dialog.waitFor();
		await dialog.getByRole("radio", { name: "8", exact: true }).check();
		await mobile.waitForTimeout(400);
		const box = await dialog.boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
		await mobile.screenshot({ path: "/tmp/widget-mobile.png" });
		await mobile.keyboard.press("Escape");
		expect(await mobile.locator("#loupe-survey").count()).toBe(0);

		await mobile.reload();
		await fire(mobile);
		await mobile.waitForTimeout(1500);
		expect(await mobile.locator("#loupe-survey").count()).toBe(0);
		await phone.close();
	});

	it("follows data-theme=dark", async () => {
		const dark = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
		const darkPage = await openShop(dark, "?lang=en&theme=dark");
		await fire(darkPage);
		await darkPage.getByRole("dialog").waitFor();
		await darkPage.waitForTimeout(400);
		const background = await darkPage.getByRole("dialog").evaluate((e) => getComputedStyle(e).backgroundColor);
		expect(background).toBe("rgb(27, 31, 39)");
		await darkPage.screenshot({ path: "/tmp/widget-dark.png" });
		await dark.close();
	});
});
