// Insights in a real browser on the demo company: the executive dashboard points at the deteriorating delivery
// touchpoint (alert + heatmap), the journey map flags it as a significant decline, and a click leads to its comments.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoupeServer, startLoupe } from "./server";

let server: LoupeServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	const reuse = process.env.LOUPE_E2E_URL;
	server = reuse ? { baseUrl: reuse, stop: async () => {} } : await startLoupe();
	browser = await chromium.launch({
		executablePath: "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
	});
	page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: "de-DE" });
	page.setDefaultTimeout(30_000);
	await page.goto(`${server.baseUrl}/insights`);
	await page.waitForURL(/\/sign-in/);
	await page.getByRole("textbox", { name: "E-Mail" }).fill("demo@example.com");
	await page.getByRole("textbox", { name: "Passwort" }).fill("loupe-demo");
	await page.getByRole("button", { name: "Anmelden" }).click();
	await page.waitForURL(/\/insights$/);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe("insights", () => {
	it("shows the executive dashboard with the delivery alert and its heatmap cell", async () => {
		await page.getByTestId("dashboard-grid").waitFor();
		const alerts = page.getByTestId("alerts-widget");
		await expect.poll(async () => (await alerts.textContent()) ?? "").toContain("Lieferung");
		const delivery = page.getByTestId("heatmap-cell").filter({ hasText: "Lieferung" });
		await expect.poll(() => delivery.getAttribute("data-alert")).toBe("true");
		const nps = (await page.getByTestId("kpi-nps").textContent()) ?? "";
		expect(nps).toMatch(/^[+−-]?\d+,\d$/);
	});

	it("flags delivery on the journey map and opens its comments", async () => {
		await page.getByTestId("insights-tab-journeyMap").click();
		await page.waitForURL(/\/insights\/journey-map/);
		const delivery = page.getByRole("button", { name: "Kommentare zu Lieferung öffnen" });
		await expect.poll(async () => (await delivery.textContent()) ?? "").toContain("Signifikant schlechter");
		const stable = page.getByRole("button", { name: "Kommentare zu Produktqualität öffnen" });
		expect((await stable.textContent()) ?? "").not.toContain("Signifikant schlechter");
		await delivery.click();
		await page.waitForURL(/\/feedback\/responses\?.*touchpoint=/);
		await expect.poll(() => page.getByTestId("response-row").count()).toBeGreaterThan(0);
		const rows = await page.getByTestId("response-row").allTextContents();
		expect(rows.every((row) => row.includes("Lieferung"))).toBe(true);
	});
});
