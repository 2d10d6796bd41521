// Shared by the insights tests: an organization in a non-UTC time zone with a journey of touchpoints and one live
// survey per score type, and a loader of random (or shaped) responses written straight into the raw table.
import { sql } from "drizzle-orm";
import { responses } from "../../platform/schema";
import type { TestApp } from "../../test/harness";

export type InsightsOrg = Awaited<ReturnType<typeof setUpInsightsOrg>>;
export const TIMEZONE = "America/New_York";

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
export function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export async function setUpInsightsOrg(t: TestApp, name: string, email: string) {
	const owner = await t.signUp(name, email);
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
	await call("PATCH", "/api/v1/organization", { timezone: TIMEZONE });
	const journey = (await call("POST", "/api/v1/journeys", { name: "Journey", standardStages: "en" })).json;
	const add = async (stageIndex: number, touchpointName: string, channel: string) => {
		const stageId: string = journey.stages[stageIndex].id;
		const detail = (
			await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, { stageId, name: touchpointName, channel })
		).json;
		const stage = detail.stages.find((s: { id: string }) => s.id === stageId);
		return stage.touchpoints.find((tp: { name: string }) => tp.name === touchpointName).id as string;
	};
	const touchpoints = {
		checkout: await add(2, "Checkout", "checkout"),
		delivery: await add(3, "Delivery", "web"),
		hotline: await add(3, "Hotline", "hotline"),
		product: await add(4, "Product", "product"),
	};
	const survey = async (template: string, touchpointId: string) => {
		const created = await call("POST", "/api/v1/surveys", { template, touchpointId });
		const published = (await call("POST", `/api/v1/surveys/${created.json.id}/publish`)).json;
		return {
			id: published.id as string,
			slug: published.slug as string,
			versionId: published.version.id as string,
			touchpointId,
		};
	};
	const surveys = {
		checkout: { ...(await survey("checkout_ces", touchpoints.checkout)), scoreType: "ces" as const },
		delivery: { ...(await survey("delivery", touchpoints.delivery)), scoreType: "nps" as const },
		hotline: { ...(await survey("hotline_csat", touchpoints.hotline)), scoreType: "csat" as const },
		product: { ...(await survey("post_purchase_nps", touchpoints.product)), scoreType: "nps" as const },
	};
	return {
		...owner,
		call,
		journeyId: journey.id as string,
		stageIds: journey.stages.map((s: { id: string }) => s.id) as string[],
		touchpoints,
		surveys,
	};
}

export type RawResponse = {
	survey: InsightsOrg["surveys"][keyof InsightsOrg["surveys"]];
	at: Date;
	score: number | null;
	completed?: boolean;
	sentiment?: "positive" | "neutral" | "negative" | null;
	intents?: string[];
	themes?: { theme: string; sentiment: string }[] | null;
	channel?: "link" | "qr" | "widget" | "email" | "api";
	language?: "de" | "en";
};

/** Writes responses in one multi-row insert (as the batched writer does), creating month partitions first. */
export async function insertResponses(t: TestApp, org: InsightsOrg, rows: RawResponse[]): Promise<string[]> {
	if (rows.length === 0) return [];
	const times = rows.map((r) => r.at.getTime());
	await t.db.execute(
		sql`select loupe_ensure_response_partitions(${new Date(Math.min(...times)).toISOString()}::timestamptz,
			${new Date(Math.max(...times)).toISOString()}::timestamptz)`,
	);
	const values = rows.map((r) => ({
		id: crypto.randomUUID(),
		submittedAt: r.at,
		organizationId: org.organizationId,
		surveyId: r.survey.id,
		surveyVersionId: r.survey.versionId,
		touchpointId: r.survey.touchpointId,
		audience: "customer" as const,
		channel: r.channel ?? "link",
		language: r.language ?? "de",
		answers: {},
		scoreType: r.score === null ? null : r.survey.scoreType,
		score: r.score,
		completed: r.completed ?? true,
		completedAt: r.completed === false ? null : r.at,
		updatedAt: r.at,
		sentiment: r.sentiment ?? null,
		intents: r.intents ?? [],
		themes: r.themes ?? null,
		comment: r.sentiment ? "a comment" : null,
		analysisStatus: r.sentiment ? ("done" as const) : ("pending" as const),
	}));
	for (let i = 0; i < values.length; i += 500) await t.db.insert(responses).values(values.slice(i, i + 500));
	return values.map((v) => v.id);
}

const SCORE_RANGE = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

/** Random responses over `days` days from `start`, at any hour (so local and UTC days differ). */
export function randomResponses(org: InsightsOrg, random: () => number, count: number, start: Date, days: number) {
	const surveys = Object.values(org.surveys);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
	return Array.from({ length: count }, (): RawResponse => {
		const survey = pick(surveys);
		const [low, high] = SCORE_RANGE[survey.scoreType];
		const sentiment = pick([null, "positive", "neutral", "negative"] as const);
		return {
			survey,
			at: new Date(start.getTime() + Math.floor(random() * days * 86400_000)),
			score: random() < 0.1 ? null : low + Math.floor(random() * (high - low + 1)),
			completed: random() > 0.08,
			sentiment,
			intents:
				sentiment && random() < 0.4 ? pick([["complaint"], ["praise"], ["complaint", "question"], ["question"]]) : [],
			themes: sentiment ? [{ theme: pick(["delivery_time", "price", "staff"]), sentiment }] : null,
			channel: pick(["link", "qr", "widget", "email"] as const),
			language: pick(["de", "en"] as const),
		};
	});
}
