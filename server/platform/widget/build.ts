// Builds the embeddable scripts in memory with esbuild (minified ES2017 IIFEs): /loupe.js from widget/loader.ts
// (loader + tracker + survey triggers) and, once the survey UI exists, /loupe-survey.js from widget/survey/main.ts.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const widgetDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../widget");

export type WidgetAsset = { body: Uint8Array; etag: string; gzipBytes: number };

export const WIDGET_ENTRIES: Record<string, string> = {
	"/loupe.js": "loader.ts",
	"/loupe-survey.js": "survey/main.ts",
};

/** Bundles one entry (relative to widget/); `external` leaves modules out (to measure parts). */
export async function buildWidgetScript(entry: string, external: string[] = []): Promise<WidgetAsset> {
	const result = await build({
		entryPoints: [path.join(widgetDir, entry)],
		bundle: true,
		minify: true,
		format: "iife",
		target: "es2017",
		write: false,
		legalComments: "none",
		external,
		logLevel: "silent",
	});
	const body = result.outputFiles[0]?.contents ?? new Uint8Array();
	return {
		body,
		etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
		gzipBytes: gzipSync(body, { level: 9 }).length,
	};
}

let assets: Promise<Map<string, WidgetAsset>> | undefined;

/** All scripts whose entry exists, built once per process (started when the app is built). */
export function widgetAssets(): Promise<Map<string, WidgetAsset>> {
	assets ??= (async () => {
		const built = new Map<string, WidgetAsset>();
		for (const [route, entry] of Object.entries(WIDGET_ENTRIES)) {
			if (fs.existsSync(path.join(widgetDir, entry))) built.set(route, await buildWidgetScript(entry));
		}
		return built;
	})();
	return assets;
}
