// Sizes of the embeddable scripts as the server builds them (esbuild minified, gzip -9): /loupe.js with and
// without the survey triggers (the tracker-only script is the baseline), and the lazy survey UI, against their
// budgets. Sizes are deterministic; the budgets are enforced by widget/widget-size.test.ts and
// widget/survey/size-budget.test.ts.
// Writes bench/results/widget-size.json.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildWidgetScript } from "../server/platform/widget/build";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const loader = await buildWidgetScript("loader.ts");
// With the triggers module left out (a require stub in its place): what the tracker alone weighs.
const trackerOnly = await buildWidgetScript("loader.ts", ["./triggers"]);
const survey = await buildWidgetScript("survey/main.ts");

const rows = [
	{
		script: "/loupe.js (loader + tracker + triggers)",
		rawBytes: loader.body.length,
		gzipBytes: loader.gzipBytes,
		budgetGzipBytes: 4096,
	},
	{
		script: "/loupe.js without triggers (loader + tracker, baseline)",
		rawBytes: trackerOnly.body.length,
		gzipBytes: trackerOnly.gzipBytes,
		budgetGzipBytes: 3072,
	},
	{
		script: "survey triggers (difference)",
		rawBytes: loader.body.length - trackerOnly.body.length,
		gzipBytes: loader.gzipBytes - trackerOnly.gzipBytes,
		budgetGzipBytes: null,
	},
	{
		script: "/loupe-survey.js (survey UI, lazy)",
		rawBytes: survey.body.length,
		gzipBytes: survey.gzipBytes,
		budgetGzipBytes: 15360,
	},
];
console.table(rows);
const ratio = loader.gzipBytes / trackerOnly.gzipBytes;
console.log(`/loupe.js with triggers is ${ratio.toFixed(2)}× the tracker-only script (gzipped).`);

const result = { measuredAt: new Date().toISOString(), rows, triggersRatioToBaseline: Number(ratio.toFixed(3)) };
fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repoRoot, "bench/results/widget-size.json"), `${JSON.stringify(result, null, 2)}\n`);
