// The feedback loop in a real browser: build a survey from a template, publish it, answer it on its public page,
// find the response in the explorer with its analysis, correct the sentiment, and see the correction after a reload.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoupeServer, startLoupe } from "./server";

let server: LoupeServer;
let browser: Browser;
let page: Page;
let surveyId = "";
let publicPath = "";

const COMMENT = "Die Lieferung kam zwei Wochen zu spät und der Kundenservice war sehr unfreundlich.";
const SURVEY_NAME = `E2E Kauf-NPS ${Date.now()}`;
/** The public page drops submissions faster than this as spam (PAGE_MIN_FILL_MS on the server). */
const MIN_FILL_MS = 2000;

beforeAll(async () => {
	// LOUPE_E2E_URL runs the test against a server that is already up (quicker while developing).
	const reuse = process.env.LOUPE_E2E_URL;
	server = reuse ? { baseUrl: reuse, stop: async () => {} } : await startLoupe();
	browser = await chromium.launch({
		executablePath: "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
	});
	page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "de-DE" });
	page.setDefaultTimeout(20_000);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe("feedback", () => {
	it("creates a survey from a template, adds a question and publishes it", async () => {
		await page.goto(`${server.baseUrl}/feedback/surveys`);
		await page.waitForURL(/\/sign-in/);
		await page.getByRole("textbox", { name: "E-Mail" }).fill("demo@example.com");
		await page.getByRole("textbox", { name: "Passwort" }).fill("loupe-demo");
		await page.getByRole("button", { name: "Anmelden" }).click();
		await page.getByRole("button", { name: "Umfrage erstellen" }).click();

		const dialog = page.getByRole("dialog", { name: "Neue Umfrage" });
		await dialog.getByTestId("template-card").first().click();
		await dialog.getByRole("button", { name: "Weiter" }).click();
		await dialog.getByRole("combobox", { name: "Touchpoint" }).click();
		await page.getByRole("option").first().click();
		await dialog.getByRole("textbox", { name: "Name" }).fill(SURVEY_NAME);
		await dialog.getByRole("button", { name: "Umfrage erstellen" }).click();
		await page.waitForURL(/\/feedback\/surveys\/[0-9a-f-]{36}/);
		surveyId = /surveys\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
		await page.getByTestId("question-card").first().waitFor();
		const questionsBefore = await page.getByTestId("question-card").count();

		await page.getByRole("button", { name: "Frage hinzufügen" }).click();
		await page.getByRole("menuitem", { name: "Freitext" }).click();
		await expect.poll(() => page.getByTestId("question-card").count()).toBe(questionsBefore + 1);
		const added = page.getByTestId("question-card").last();
		await added.getByTestId("question-text").fill("Was sollen wir als Erstes verbessern?");
		await page.getByText("English", { exact: true }).click();
		await added.getByTestId("question-text").fill("What should we improve first?");
		await page.getByRole("button", { name: "Speichern" }).click();
		await page.getByText("Gespeichert", { exact: true }).waitFor();

		await page.getByRole("button", { name: "Veröffentlichen" }).click();
		await page.getByRole("dialog").getByRole("button", { name: "Veröffentlichen" }).click();
		await expect.poll(() => page.getByTestId("survey-status").textContent()).toBe("Live");

		await page.getByRole("tab", { name: "Verteilung" }).click();
		const link = (await page.getByTestId("public-link").textContent()) ?? "";
		publicPath = new URL(link).pathname;
		expect(publicPath).toMatch(/^\/s\/[a-z0-9-]+$/);
	});

	it("answers the survey on its public page", async () => {
		const respondent = await browser.newPage({ locale: "de-DE" });
		await respondent.goto(`${server.baseUrl}${publicPath}?lang=de`);
		const openedAt = Date.now();
		const radioNames = await respondent
			.locator('input[type="radio"]')
			.evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
		for (const name of radioNames) await respondent.locator(`input[name="${name}"]`).first().check();
		for (const box of await respondent.locator("textarea").all()) await box.fill(COMMENT);
		await respondent.waitForTimeout(Math.max(0, MIN_FILL_MS + 300 - (Date.now() - openedAt)));
		await respondent.getByRole("button", { name: /absenden|senden/i }).click();
		await respondent.waitForLoadState("domcontentloaded");
		expect(await respondent.locator("body").textContent()).toMatch(/Danke|Vielen Dank/i);
		await respondent.close();
	});

	it("shows the response in the explorer with its analysis, and keeps a sentiment correction", async () => {
		await page.goto(`${server.baseUrl}/feedback/responses?survey=${surveyId}`);
		const row = page.getByTestId("response-row").filter({ hasText: COMMENT });
		await row.waitFor({ timeout: 30_000 });
		// The analysis runs as a job: reload until the row shows its chips.
		await expect
			.poll(
				async () => {
					if (await row.getByTestId("sentiment-chip").isVisible()) return true;
					await page.reload();
					await row.waitFor();
					return row.getByTestId("sentiment-chip").isVisible();
				},
				{ timeout: 60_000, interval: 2000 },
			)
			.toBe(true);
		expect(await row.getByTestId("sentiment-chip").textContent()).toBe("Negativ");

		await row.click();
		const drawer = page.getByTestId("response-detail");
		await drawer.getByTestId("correction-panel").waitFor();
		await drawer.getByText(/^Positiv/).click();
		await page.getByText("Korrektur gespeichert").waitFor();
		expect(await row.getByTestId("sentiment-chip").textContent()).toBe("Positiv");

		await page.reload();
		await page.getByTestId("response-detail").getByTestId("correction-panel").waitFor();
		expect(
			await page
				.getByTestId("response-detail")
				.getByRole("radio", { name: /^Positiv/ })
				.isChecked(),
		).toBe(true);
		await page.keyboard.press("Escape");
		expect(await row.getByTestId("sentiment-chip").textContent()).toBe("Positiv");
	});
});
