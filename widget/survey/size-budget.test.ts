// Size budget of the lazy-loaded survey UI (deterministic: gzip -9 of the minified build, as the server builds
// it). The budgets of /loupe.js, which includes the survey triggers, live in widget/widget-size.test.ts.
import { describe, expect, it } from "vitest";
import { buildWidgetScript } from "../../server/platform/widget/build";

const SURVEY_BUDGET_BYTES = 15 * 1024;

describe("/loupe-survey.js size budget", () => {
	it("stays within 15 KB gzipped, with no framework or zod in it", async () => {
		const survey = await buildWidgetScript("survey/main.ts");
		expect(survey.gzipBytes).toBeLessThanOrEqual(SURVEY_BUDGET_BYTES);
		const code = new TextDecoder().decode(survey.body);
		expect(code).toContain("__loupeSurvey");
		expect(code).not.toMatch(/ZodError|react/i);
	});
});
