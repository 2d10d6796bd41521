// The journey page in a real browser: sign in, add a touchpoint, reorder by keyboard, switch language, not-found.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoupeServer, startLoupe } from "./server";

let server: LoupeServer;
let browser: Browser;
let page: Page;

const stage = (name: string) =>
	page.locator("[data-testid=stage-column]", { has: page.getByRole("heading", { name, exact: true }) });
const touchpointNames = (stageName: string) => stage(stageName).getByTestId("touchpoint-name").allInnerTexts();

beforeAll(async () => {
	server = await startLoupe();
	browser = await chromium.launch({
		executablePath: "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
	});
	page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "de-DE" });
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe("journey page", () => {
	it("signs in as the demo user and shows the journey board", async () => {
		await page.goto(`${server.baseUrl}/journey`);
		await page.waitForURL(/\/sign-in/);
		await page.getByRole("textbox", { name: "E-Mail" }).fill("demo@example.com");
		await page.getByRole("textbox", { name: "Passwort" }).fill("loupe-demo");
		await page.getByRole("button", { name: "Anmelden" }).click();
		await page.getByTestId("journey-board").waitFor();
		expect(await page.getByTestId("stage-column").count()).toBe(7);
		expect(await page.getByTestId("organization-name").textContent()).toContain("Nordstern Wohnen GmbH");
	});

	it("adds a touchpoint to a stage, and it is still there after a reload", async () => {
		await page.getByRole("button", { name: "Touchpoint zu Kauf hinzufügen" }).click();
		const dialog = page.getByRole("dialog", { name: "Touchpoint hinzufügen" });
		await dialog.getByLabel("Name").first().fill("Abholstation");
		await dialog.getByRole("combobox", { name: "Kanal" }).click();
		await page.getByRole("option", { name: "Filiale" }).click();
		await dialog.getByRole("combobox", { name: "Verantwortliche Abteilung" }).click();
		await page.getByRole("option", { name: "Logistik" }).click();
		await dialog.getByRole("button", { name: "URL-Muster hinzufügen" }).click();
		await dialog.getByLabel("URL-Muster 1", { exact: true }).fill("abholung");
		await dialog.getByRole("button", { name: "Touchpoint hinzufügen" }).click();
		await dialog.getByText("Mit / oder http(s):// beginnen, ohne Leerzeichen").waitFor();
		await dialog.getByLabel("URL-Muster 1", { exact: true }).fill("/abholung/*");
		await dialog.getByRole("button", { name: "Touchpoint hinzufügen" }).click();
		await dialog.waitFor({ state: "hidden" });

		await page.reload();
		await page.getByTestId("journey-board").waitFor();
		expect(await touchpointNames("Kauf")).toContain("Abholstation");
		const card = stage("Kauf").getByTestId("touchpoint-card").filter({ hasText: "Abholstation" });
		expect(await card.textContent()).toMatch(/Filiale[\s\S]*Logistik[\s\S]*1 URL-Muster/i);
	});

	it("reorders a touchpoint with the keyboard and a stage from its menu, and both persist", async () => {
		const before = await touchpointNames("Aufmerksamkeit");
		await page.getByRole("button", { name: `Touchpoint ${before[0]} verschieben` }).focus();
		await page.keyboard.press("Space");
		await page.waitForTimeout(300);
		await page.keyboard.press("ArrowDown");
		await page.waitForTimeout(300);
		await page.keyboard.press("Space");
		await expect.poll(() => touchpointNames("Aufmerksamkeit")).toEqual([before[1], before[0], ...before.slice(2)]);

		const menuButton = page.getByRole("button", { name: "Aktionen für Phase Service" });
		await menuButton.focus();
		await page.keyboard.press("Enter");
		await page.getByRole("menuitem", { name: "Nach links verschieben" }).focus();
		await page.keyboard.press("Enter");

		await page.waitForTimeout(500);
		await page.reload();
		await page.getByTestId("journey-board").waitFor();
		expect(await touchpointNames("Aufmerksamkeit")).toEqual([before[1], before[0], ...before.slice(2)]);
		const stageNames = await page.getByTestId("stage-column").getByRole("heading").allInnerTexts();
		expect(stageNames.indexOf("Service")).toBeLessThan(stageNames.indexOf("Kauf"));
	});

	it("switches the language to English and back, and keeps it after a reload", async () => {
		await page.getByText("EN", { exact: true }).click();
		await page.getByRole("link", { name: "Settings" }).waitFor();
		expect(await page.locator("html").getAttribute("lang")).toBe("en");
		await page.reload();
		await page.getByTestId("journey-board").waitFor();
		await page.getByRole("button", { name: "Add touchpoint to Kauf" }).waitFor();
		expect(await page.getByRole("link", { name: "Settings" }).isVisible()).toBe(true);

		await page.getByText("DE", { exact: true }).click();
		await page.getByRole("link", { name: "Einstellungen" }).waitFor();
		await page.reload();
		await page.getByRole("link", { name: "Einstellungen" }).waitFor();
		expect(await page.locator("html").getAttribute("lang")).toBe("de");
	});

	it("shows its own not-found page for an unknown address", async () => {
		const response = await page.goto(`${server.baseUrl}/gibt/es/nicht`);
		expect(response?.status()).toBe(200);
		await page.getByTestId("not-found").waitFor();
		expect(await page.getByTestId("not-found").textContent()).toContain("Seite nicht gefunden");
	});
});
