// Benchmark of the outreach module on embedded PGlite: the demo seed, a 10,000-row contact CSV import against
// inserting the same contacts one statement at a time (the baseline), a 5,000-mention import and its
// deduplicating re-import, and the fan-out of a 500-contact campaign. Writes bench/results/outreach.json.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemoOutreach } from "../server/demo/seed-outreach";
import { jobDefinitions } from "../server/jobs";
import { signUpOrganization } from "../server/modules/admin/service/organizations";
import { createJourney } from "../server/modules/journey/service/journeys";
import { addTouchpoint } from "../server/modules/journey/service/touchpoints";
import { contacts } from "../server/modules/outreach/schema";
import { createEmailCampaign } from "../server/modules/outreach/service/campaigns";
import { createContactList } from "../server/modules/outreach/service/contact-lists";
import { importContacts } from "../server/modules/outreach/service/import-contacts";
import { importMentions } from "../server/modules/outreach/service/import-mentions";
import { sendCampaign } from "../server/modules/outreach/service/send-campaign";
import { findSurveys } from "../server/modules/surveys/service/surveys";
import type { Ctx } from "../server/platform/context";
import { openPglite } from "../server/platform/db";
import { Jobs } from "../server/platform/jobs/jobs";
import { createLogger } from "../server/platform/logging";
import { migrateDatabase } from "../server/platform/migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = createLogger("silent");
const database = await openPglite({});
await migrateDatabase(database);
const jobs = new Jobs(database, log);
await jobs.start(jobDefinitions);

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
	const started = performance.now();
	const value = await run();
	return [performance.now() - started, value];
}

const now = new Date();
const { organization, user } = await signUpOrganization(database.db, {
	organizationName: "Bench GmbH",
	name: "Bench",
	email: "bench@example.com",
	password: "bench password 1",
	locale: "de",
});
const ctx: Ctx = {
	db: database.db,
	jobs,
	log,
	now,
	organizationId: organization.id,
	actor: { type: "user", userId: user.id, role: "owner" },
};
const journey = await createJourney(ctx, { name: "J", standardStages: "de" });
const stageId = journey.stages[2]?.id ?? "";
for (const [name, channel] of [
	["Online-Checkout", "checkout"],
	["Bewertungsportale", "review"],
	["Community-Forum", "community"],
	["Erwähnungen in sozialen Medien", "social"],
] as const) {
	await addTouchpoint(ctx, journey.id, { stageId, name, channel, urlPatterns: [] });
}

const [seedMs] = await timed(() => seedDemoOutreach(ctx, now));

const rows = 10_000;
const csv = [
	"email,name,language,attr_city",
	...Array.from({ length: rows }, (_, i) => `bulk${i}@example.com,Person ${i},de,Kiel`),
].join("\n");
const list = await createContactList(ctx, { name: "Bulk" });
const [importMs, report] = await timed(() => importContacts(ctx, list.id, { csv, dryRun: false }));
const [baselineMs] = await timed(async () => {
	for (let i = 0; i < rows; i++) {
		await database.db
			.insert(contacts)
			.values({ organizationId: organization.id, email: `single${i}@example.com`, name: `Person ${i}` });
	}
});

const touchpointId = (await database.db.query.touchpoints.findFirst())?.id ?? "";
const mentionItems = Array.from({ length: 5000 }, (_, i) => ({
	source: "Bench",
	sourceId: `m-${i}`,
	text: `Die Lieferung kam ${i % 14} Tage zu spät.`,
	publishedAt: new Date(now.getTime() - i * 60_000).toISOString(),
	rating: (i % 5) + 1,
}));
const [mentionMs] = await timed(() => importMentions(ctx, { touchpointId, mentions: mentionItems, dryRun: false }));
const [reimportMs, reimport] = await timed(() =>
	importMentions(ctx, { touchpointId, mentions: mentionItems, dryRun: false }),
);

const surveyId = (await findSurveys({ ...ctx, publicUrl: "" }, { status: "live", limit: 1 })).items[0]?.id ?? "";
const seededList = await createContactList(ctx, { name: "Fan-out" });
await importContacts(ctx, seededList.id, {
	csv: ["email", ...Array.from({ length: 500 }, (_, i) => `fan${i}@example.com`)].join("\n"),
	dryRun: false,
});
const campaign = await createEmailCampaign(ctx, {
	surveyId,
	contactListId: seededList.id,
	subject: { de: "Bench" },
	intro: { de: "Bench" },
});
const [fanOutMs] = await timed(() =>
	sendCampaign(
		{ db: database.db, jobs, log, config: { publicUrl: "http://bench" } },
		{ organizationId: organization.id, campaignId: campaign.id },
	),
);

const results = {
	measuredAt: now.toISOString(),
	node: process.version,
	database: "pglite (in memory)",
	demoSeedMs: Math.round(seedMs),
	contactImport: {
		rows,
		ms: Math.round(importMs),
		rowsPerSecond: Math.round(rows / (importMs / 1000)),
		imported: report.imported,
	},
	contactInsertOneByOneBaseline: { rows, ms: Math.round(baselineMs) },
	contactImportSpeedupVsBaseline: Number((baselineMs / importMs).toFixed(1)),
	mentionImport: { rows: mentionItems.length, ms: Math.round(mentionMs) },
	mentionReimport: { rows: mentionItems.length, ms: Math.round(reimportMs), skipped: reimport.skipped },
	campaignFanOut: { contacts: 500, ms: Math.round(fanOutMs), perContactMs: Number((fanOutMs / 500).toFixed(2)) },
};
console.table({
	"demo seed (500 contacts, campaign, 2,000 mentions)": `${results.demoSeedMs} ms`,
	"contact CSV import, 10,000 rows": `${results.contactImport.ms} ms`,
	"baseline: 10,000 single-row inserts": `${results.contactInsertOneByOneBaseline.ms} ms`,
	"import speed-up vs baseline": `${results.contactImportSpeedupVsBaseline}×`,
	"mention import, 5,000 JSON items": `${results.mentionImport.ms} ms`,
	"mention re-import (all skipped)": `${results.mentionReimport.ms} ms`,
	"campaign fan-out, 500 contacts": `${results.campaignFanOut.ms} ms`,
});
fs.mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repoRoot, "bench/results/outreach.json"), `${JSON.stringify(results, null, 2)}\n`);
await jobs.stop();
await database.close();
