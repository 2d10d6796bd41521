// PNG/PDF export of a dashboard: the server's own headless Chromium opens the read-only share view with a one-minute
// token and captures it. No job: one browser at a time in this process, a short queue, and a hard timeout.
import fs from "node:fs";
import type { Ctx } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { createExportToken, dropExportToken } from "./dashboard-shares";
import { getDashboardInOrg } from "./dashboards";

const RENDER_TIMEOUT_MS = 30_000;
const MAX_WAITING = 3;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Runs `task` after the previous export finished (one Chromium at a time); refuses when too many wait. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
	if (waiting >= MAX_WAITING)
		throw new AppError("rate_limited", "Several exports are being rendered; try again shortly");
	waiting++;
	const run = queue.then(task, task);
	queue = run.catch(() => {});
	return run.finally(() => {
		waiting--;
	});
}

export async function exportDashboard(
	ctx: Ctx,
	dashboardId: string,
	format: "png" | "pdf",
	options: { chromiumPath: string; baseUrl: string; language: "de" | "en" },
): Promise<Uint8Array> {
	await getDashboardInOrg(ctx.db, ctx.organizationId, dashboardId);
	if (!fs.existsSync(options.chromiumPath)) {
		throw new AppError(
			"unavailable",
			`Export needs Chromium at ${options.chromiumPath} (install it, e.g. apt-get install chromium, or set LOUPE_CHROMIUM_PATH)`,
		);
	}
	let chromium: typeof import("playwright-core").chromium;
	try {
		({ chromium } = await import("playwright-core"));
	} catch {
		throw new AppError("unavailable", "Export needs the playwright-core package, which is not installed");
	}
	const { token, id } = await createExportToken(ctx, dashboardId);
	try {
		return await oneAtATime(async () => {
			const browser = await chromium.launch({
				executablePath: options.chromiumPath,
				args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
				timeout: RENDER_TIMEOUT_MS,
			});
			const timer = setTimeout(() => void browser.close().catch(() => {}), RENDER_TIMEOUT_MS);
			try {
				const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
				page.setDefaultTimeout(RENDER_TIMEOUT_MS);
				await page.goto(`${options.baseUrl}/share/${token}?export=1&lang=${options.language}`, { waitUntil: "load" });
				// The share page sets data-ready on <html> once every widget has drawn.
				await page.waitForSelector("html[data-dashboard-ready]", { timeout: RENDER_TIMEOUT_MS });
				if (format === "png") return await page.screenshot({ fullPage: true, type: "png" });
				await page.emulateMedia({ media: "screen" });
				return await page.pdf({ format: "A4", landscape: true, printBackground: true, scale: 0.6 });
			} catch (error) {
				ctx.log.warn({ err: error }, "dashboard export failed");
				throw new AppError("unavailable", "The dashboard could not be rendered in time; try again");
			} finally {
				clearTimeout(timer);
				await browser.close().catch(() => {});
			}
		});
	} finally {
		await dropExportToken(ctx.db, id);
	}
}
