// Size budgets of the one script tag (deterministic: gzip -9 of the minified build): loader + tracker ≤ 3 KB,
// and ≤ 4 KB once the survey widget's triggers share the script.
import { describe, expect, it } from "vitest";
import { buildWidgetScript } from "../server/platform/widget/build";

describe("/loupe.js size budget", () => {
	it("loader + tracker (without the survey triggers) stay within 3 KB gzipped", async () => {
		const { gzipBytes } = await buildWidgetScript("loader.ts", ["./triggers"]);
		expect(gzipBytes).toBeLessThanOrEqual(3 * 1024);
	});

	it("the whole script including the survey triggers stays within 4 KB gzipped", async () => {
		const { gzipBytes, body } = await buildWidgetScript("loader.ts");
		expect(gzipBytes).toBeLessThanOrEqual(4 * 1024);
		expect(new TextDecoder().decode(body)).toContain("/api/v1/public/events");
	});
});
