// The demo company: a German omni-channel home & living retailer with its departments and full customer
// journey (7 stages, 24 touchpoints). Deterministic content; written through the same services as the API.
import { count } from "drizzle-orm";
import { organizations } from "../modules/admin/schema";
import { createDepartment } from "../modules/admin/service/departments";
import { signUpOrganization } from "../modules/admin/service/organizations";
import { createSite } from "../modules/admin/service/sites";
import type { Channel, StageKey } from "../modules/journey/contract";
import { createJourney } from "../modules/journey/service/journeys";
import { addTouchpoint } from "../modules/journey/service/touchpoints";
import { analyzePendingTexts } from "../modules/text/service/backlog";
import type { Ctx } from "../platform/context";
import type { Db } from "../platform/db";
import type { Jobs } from "../platform/jobs/jobs";
import type { Logger } from "../platform/logging";
import { seedDemoCases } from "./seed-cases";
import { seedDemoCaseLoop } from "./seed-cases-loop";
import { seedDemoDashboards } from "./seed-dashboards";
import { seedDemoDrivers } from "./seed-drivers";
import { seedDemoEvents } from "./seed-events";
import { seedInsights } from "./seed-insights";
import { seedDemoOutreach } from "./seed-outreach";
import { seedResponses } from "./seed-responses";

export const DEMO_EMAIL = "demo@example.com";
export const DEMO_PASSWORD = "loupe-demo";
/** The demo shop's public site key, fixed so that docs and test pages can embed it. */
export const DEMO_SITE_KEY = "pk_demo_nordstern";

const DEPARTMENTS = {
	marketing: "Marketing",
	ecommerce: "E-Commerce",
	stores: "Filialen",
	service: "Kundenservice",
	logistics: "Logistik",
	product: "Produktmanagement",
} as const;
type DepartmentKey = keyof typeof DEPARTMENTS;

type DemoTouchpoint = {
	name: string;
	channel: Channel;
	owner: DepartmentKey;
	urlPatterns?: string[];
	description?: string;
};

const TOUCHPOINTS: Record<StageKey, DemoTouchpoint[]> = {
	awareness: [
		{ name: "Suchmaschinen-Anzeigen", channel: "ads", owner: "marketing", description: "Google- und Bing-Anzeigen" },
		{ name: "Instagram & TikTok", channel: "social", owner: "marketing" },
		{ name: "Empfehlung von Freunden", channel: "referral", owner: "marketing", urlPatterns: ["/empfehlung/*"] },
		{ name: "Newsletter & Prospekt", channel: "email", owner: "marketing", urlPatterns: ["/newsletter*"] },
	],
	research: [
		{ name: "Websuche (SEO)", channel: "search", owner: "marketing" },
		{ name: "Produktseiten", channel: "web", owner: "ecommerce", urlPatterns: ["/produkte/*"] },
		{ name: "Suche im Shop", channel: "web", owner: "ecommerce", urlPatterns: ["/suche*"] },
		{ name: "Beratung in der Filiale", channel: "branch", owner: "stores" },
	],
	purchase: [
		{ name: "Online-Checkout", channel: "checkout", owner: "ecommerce", urlPatterns: ["/warenkorb*", "/checkout/*"] },
		{ name: "Kauf in der Filiale", channel: "branch", owner: "stores" },
		{ name: "Kauf in der App", channel: "app", owner: "ecommerce" },
	],
	service: [
		{ name: "Service-Hotline", channel: "hotline", owner: "service" },
		{ name: "Chatbot", channel: "chat", owner: "service", urlPatterns: ["/hilfe/chat*"] },
		{ name: "Kontaktformular & E-Mail", channel: "email", owner: "service", urlPatterns: ["/kontakt*"] },
	],
	use: [
		{ name: "Lieferung", channel: "delivery", owner: "logistics", urlPatterns: ["/sendungsverfolgung*"] },
		{ name: "Aufbau & Montage", channel: "product", owner: "product" },
		{ name: "Produktqualität", channel: "product", owner: "product" },
		{ name: "Retoure", channel: "delivery", owner: "logistics", urlPatterns: ["/retoure*"] },
	],
	repurchase: [
		{ name: "Kundenkonto & Nachbestellung", channel: "web", owner: "ecommerce", urlPatterns: ["/konto/*"] },
		{ name: "Wohnbox-Abo", channel: "web", owner: "ecommerce", urlPatterns: ["/abo*"] },
		{ name: "Treueprogramm", channel: "app", owner: "marketing" },
	],
	advocacy: [
		{ name: "Bewertungsportale", channel: "review", owner: "service" },
		{ name: "Community-Forum", channel: "community", owner: "product", urlPatterns: ["/community/*"] },
		{ name: "Erwähnungen in sozialen Medien", channel: "social", owner: "marketing" },
	],
};

export async function seedDemoIfEmpty(env: { db: Db; jobs: Jobs; log: Logger }): Promise<boolean> {
	const [existing] = await env.db.select({ n: count() }).from(organizations);
	if ((existing?.n ?? 0) > 0) return false;
	const started = Date.now();
	await seedDemo(env);
	env.log.info({ ms: Date.now() - started }, "demo company seeded");
	return true;
}

export async function seedDemo(env: { db: Db; jobs: Jobs; log: Logger }, now = new Date()): Promise<void> {
	const { organization, user } = await signUpOrganization(env.db, {
		organizationName: "Nordstern Wohnen GmbH",
		name: "Demo Nutzerin",
		email: DEMO_EMAIL,
		password: DEMO_PASSWORD,
		locale: "de",
	});
	const ctx: Ctx = {
		db: env.db,
		jobs: env.jobs,
		log: env.log,
		now,
		organizationId: organization.id,
		actor: { type: "user", userId: user.id, role: "owner" },
	};
	const departmentIds = {} as Record<DepartmentKey, string>;
	for (const [key, name] of Object.entries(DEPARTMENTS) as [DepartmentKey, string][]) {
		departmentIds[key] = (await createDepartment(ctx, { name })).id;
	}
	await createSite(
		ctx,
		{
			name: "Online-Shop",
			allowedOrigins: ["https://nordstern-wohnen.example", "http://localhost:*", "http://127.0.0.1:*"],
		},
		DEMO_SITE_KEY,
	);
	const journey = await createJourney(ctx, {
		name: "Customer Journey Privatkunden",
		description: "Von der ersten Anzeige bis zur Empfehlung: online, in der App und in 14 Filialen.",
		standardStages: "de",
	});
	const touchpointIds = new Map<string, string>();
	for (const stage of journey.stages) {
		for (const touchpoint of stage.key ? TOUCHPOINTS[stage.key] : []) {
			const withTouchpoint = await addTouchpoint(ctx, journey.id, {
				stageId: stage.id,
				name: touchpoint.name,
				channel: touchpoint.channel,
				departmentId: departmentIds[touchpoint.owner],
				urlPatterns: touchpoint.urlPatterns ?? [],
				description: touchpoint.description ?? null,
			});
			const added = withTouchpoint.stages.flatMap((s) => s.touchpoints).find((t) => t.name === touchpoint.name);
			if (added) touchpointIds.set(added.name, added.id);
		}
	}
	await seedDemoEvents(ctx);
	const responseCount = await seedResponses({ ...ctx, publicUrl: "" }, touchpointIds, now);
	env.log.info({ responses: responseCount }, "demo responses seeded");
	await seedDemoOutreach(ctx, now);
	// The demo's comments come from phrase banks, so analysing each distinct text once takes a second or two.
	while ((await analyzePendingTexts(env.db, organization.id)) > 0);
	await seedInsights(env, organization.id, now);
	await seedDemoDashboards(ctx);
	await seedDemoDrivers(ctx, now);
	const casesStarted = Date.now();
	const caseCount = await seedDemoCases(ctx, now);
	env.log.info({ cases: caseCount, ms: Date.now() - casesStarted }, "demo cases seeded");
	await seedDemoCaseLoop(ctx, now);
}
