// Demo feedback: one survey per relevant touchpoint (from the templates) and ~52,000 responses over the last
// 12 months — 80 % German, seasonal peaks (Black Friday, Christmas, January returns), pain points where they
// belong (slow checkout, shop search, hotline waits, returns) and a delivery touchpoint that gets clearly worse
// in the last two months after a carrier change. Deterministic (seeded PRNG, dates relative to `now`), bulk
// inserted (jsonb_to_recordset batches); analysis_status 'pending' for the text pipeline.
import { sql } from "drizzle-orm";
import { ensureResponsePartitions } from "../modules/responses/service/partitions";
import { scoreGroupOf } from "../modules/surveys/answers";
import type { SurveyContent, TemplateKey } from "../modules/surveys/contract";
import type { SurveyCtx } from "../modules/surveys/service/load";
import { createSurvey, publishSurvey } from "../modules/surveys/service/surveys";
import type { Db } from "../platform/db";
import { BANKS, type Topic } from "./seed-response-phrases";

const DAY_MS = 86_400_000;
const BATCH = 4000;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG (Tommy Ettinger, public domain). */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
type Random = ReturnType<typeof prng>;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Draws an index from relative weights. */
function weighted(random: Random, weights: readonly number[]): number {
	const total = weights.reduce((s, w) => s + w, 0);
	let r = random() * total;
	for (let i = 0; i < weights.length; i++) {
		r -= weights[i] ?? 0;
		if (r < 0) return i;
	}
	return weights.length - 1;
}

function uuidOf(random: Random): string {
	const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
	hex[12] = "4";
	hex[16] = ((Math.floor(random() * 4) + 8) as number).toString(16);
	const s = hex.join("");
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const text = (de: string, en: string) => ({ de, en });

const SEARCH_CONTENT: SurveyContent = {
	title: text("Haben Sie gefunden, was Sie suchen?", "Did you find what you were looking for?"),
	thankYou: text("Danke! Wir arbeiten an unserer Suche.", "Thank you! We are improving our search."),
	questions: [
		{
			id: "csat",
			type: "csat",
			required: true,
			text: text("Wie zufrieden sind Sie mit der Suche im Shop?", "How satisfied are you with the shop search?"),
		},
		{
			id: "found",
			type: "single_choice",
			required: false,
			text: text("Haben Sie das Produkt gefunden?", "Did you find the product?"),
			options: [
				{ id: "yes", text: text("Ja", "Yes") },
				{ id: "partly", text: text("Nur so ähnlich", "Something similar") },
				{ id: "no", text: text("Nein", "No") },
			],
		},
		{
			id: "comment",
			type: "open_text",
			required: false,
			maxLength: 2000,
			text: text("Was haben Sie gesucht?", "What were you looking for?"),
		},
	],
};

const RETURNS_CONTENT: SurveyContent = {
	title: text("Ihre Rücksendung", "Your return"),
	thankYou: text("Vielen Dank für Ihr Feedback!", "Thank you for your feedback!"),
	questions: [
		{
			id: "ces",
			type: "ces",
			required: true,
			text: text(
				"Die Rücksendung war für mich einfach. Wie sehr stimmen Sie zu?",
				"Returning the item was easy for me. How much do you agree?",
			),
		},
		{
			id: "comment",
			type: "open_text",
			required: false,
			maxLength: 2000,
			text: text("Was können wir besser machen?", "What could we do better?"),
		},
	],
};

type Kind = "nps" | "csat" | "ces";

type DemoSurvey = {
	touchpoint: string;
	name?: string;
	template?: TemplateKey;
	custom?: { kind: Kind; content: SurveyContent; hiddenFields: string[] };
	topic: Topic;
	channel: "widget" | "email" | "qr" | "link";
	/** Responses per ordinary day. */
	perDay: number;
	/** Probability weights per score point (index 0 = lowest point of the scale). */
	weights: number[];
	/** The last two months of the delivery survey: after the carrier change. */
	worseWeights?: number[];
	season: "online" | "store" | "returns" | "service";
};

// NPS weights give ~NPS +30 (product), delivery ~+45 before and ~+18 after the carrier change (≈ −25 points).
const DEMO_SURVEYS: DemoSurvey[] = [
	{
		touchpoint: "Produktqualität",
		template: "post_purchase_nps",
		topic: "product",
		channel: "email",
		perDay: 32,
		weights: [2, 1, 1, 2, 2, 4, 6, 10, 14, 22, 24],
		season: "online",
	},
	{
		touchpoint: "Online-Checkout",
		template: "checkout_ces",
		topic: "checkout",
		channel: "widget",
		perDay: 30,
		weights: [7, 9, 12, 15, 20, 22, 15],
		season: "online",
	},
	{
		touchpoint: "Suche im Shop",
		name: "Suche im Shop",
		custom: { kind: "csat", content: SEARCH_CONTENT, hiddenFields: ["query"] },
		topic: "search",
		channel: "widget",
		perDay: 18,
		weights: [18, 22, 25, 22, 13],
		season: "online",
	},
	{
		touchpoint: "Service-Hotline",
		template: "hotline_csat",
		topic: "hotline",
		channel: "email",
		perDay: 20,
		weights: [16, 14, 18, 26, 26],
		season: "service",
	},
	{
		touchpoint: "Lieferung",
		template: "delivery",
		topic: "delivery",
		channel: "email",
		perDay: 26,
		weights: [1, 1, 1, 2, 2, 3, 5, 10, 15, 27, 33],
		worseWeights: [3, 2, 3, 4, 4, 5, 7, 11, 15, 22, 24],
		season: "online",
	},
	{
		touchpoint: "Retoure",
		name: "Aufwand bei der Retoure",
		custom: { kind: "ces", content: RETURNS_CONTENT, hiddenFields: ["order_id"] },
		topic: "returns",
		channel: "email",
		perDay: 10,
		weights: [12, 14, 16, 16, 17, 15, 10],
		season: "returns",
	},
	{
		touchpoint: "Kauf in der Filiale",
		template: "branch_visit",
		topic: "branch",
		channel: "qr",
		perDay: 12,
		weights: [3, 5, 12, 38, 42],
		season: "store",
	},
];

const BRANCHES = ["Hamburg", "Berlin-Mitte", "München", "Köln", "Frankfurt", "Leipzig", "Stuttgart", "Dresden"];
const DEPARTMENTS = ["Filialen", "Logistik", "Kundenservice", "E-Commerce", "Marketing"];

/** Last Friday of November (Black Friday) of the year of `at`. */
function blackFriday(year: number): number {
	const lastNov = Date.UTC(year, 10, 30);
	const weekday = new Date(lastNov).getUTCDay();
	return lastNov - ((weekday + 2) % 7) * DAY_MS;
}

/** Volume multiplier of a day: Black Friday week, Christmas shopping, January returns, weekends. */
function seasonFactor(day: Date, season: DemoSurvey["season"]): number {
	const month = day.getUTCMonth();
	const date = day.getUTCDate();
	const bf = blackFriday(day.getUTCFullYear());
	const fromBf = (day.getTime() - bf) / DAY_MS;
	const weekday = day.getUTCDay();
	let factor = 1;
	if (season === "online" || season === "service") {
		if (fromBf >= -2 && fromBf <= 3) factor *= 3.2;
		else if (month === 11 && date <= 22) factor *= 1.9;
		else if (month === 10 && date >= 10) factor *= 1.3;
		if (month === 6 || month === 7) factor *= 0.85;
		if (weekday === 0) factor *= season === "online" ? 1.15 : 0.5;
	}
	if (season === "store") {
		if (month === 11 && date <= 23) factor *= 1.8;
		if (weekday === 6) factor *= 1.7;
		if (weekday === 0) factor = 0;
	}
	if (season === "returns") {
		if (month === 0) factor *= 2.2;
		if (fromBf >= 7 && fromBf <= 21) factor *= 1.6;
	}
	return factor;
}

type Row = Record<string, unknown>;

function comment(
	random: Random,
	survey: DemoSurvey,
	group: "pos" | "neu" | "neg",
	language: "de" | "en",
	isWorse: boolean,
) {
	const bank = BANKS[language];
	const topical = isWorse && group !== "pos" && random() < 0.75 ? bank.carrier : bank[survey.topic][group];
	const first = pick(random, topical);
	if (random() < 0.6) return first;
	const second = pick(random, random() < 0.5 ? bank.general[group] : bank[survey.topic][group]);
	return second === first ? first : `${first} ${second}`;
}

function answersFor(
	random: Random,
	survey: DemoSurvey,
	kind: Kind,
	score: number,
	note: string | null,
	isWorse: boolean,
) {
	const low = kind === "nps" ? score <= 6 : kind === "csat" ? score <= 2 : score <= 3;
	const high = kind === "nps" ? score >= 9 : kind === "csat" ? score >= 4 : score >= 5;
	const answers: Record<string, unknown> = { [kind]: score };
	const textKey = survey.template === "post_purchase_nps" ? "reason" : "comment";
	if (note) answers[textKey] = note;
	switch (survey.template ?? survey.topic) {
		case "post_purchase_nps":
			if (score <= 8 && random() < 0.6) {
				answers.improve = [pick(random, ["prices", "selection", "website", "delivery", "service", "quality"])];
				if (random() < 0.3) answers.improve = [...new Set([...(answers.improve as string[]), "delivery"])];
			}
			break;
		case "checkout_ces":
			if (score <= 4 && random() < 0.7)
				answers.obstacle = pick(random, ["payment", "slow", "slow", "errors", "account", "shipping"]);
			break;
		case "search":
			answers.found = low ? pick(random, ["no", "no", "partly"]) : high ? "yes" : pick(random, ["yes", "partly"]);
			break;
		case "hotline_csat":
			answers.resolved = high ? "yes" : low ? pick(random, ["no", "partly"]) : pick(random, ["yes", "partly"]);
			answers.wait = Math.max(1, Math.min(5, Math.round(score - (random() < 0.5 ? 1 : 0.4) + (random() - 0.5))));
			break;
		case "delivery":
			answers.on_time = isWorse
				? pick(random, ["late", "very_late", "on_time"])
				: high
					? "on_time"
					: pick(random, ["on_time", "late", "very_late"]);
			if (score <= 8 && random() < 0.7) {
				answers.problems = isWorse
					? [pick(random, ["damaged", "damaged", "tracking", "no_notice", "driver"])]
					: [pick(random, ["no_notice", "tracking", "damaged", "incomplete"])];
			}
			break;
		case "branch_visit":
			if (random() < 0.7) {
				const around = (shift: number) => Math.max(1, Math.min(5, score + shift + Math.round(random() * 2 - 1)));
				answers.aspects = { advice: around(0), friendliness: around(0), availability: around(-1), waiting: around(-1) };
			}
			break;
	}
	return answers;
}

async function insertRows(db: Db, rows: Row[]) {
	for (let i = 0; i < rows.length; i += BATCH) {
		const batch = JSON.stringify(rows.slice(i, i + BATCH));
		await db.execute(sql`insert into responses (id, submitted_at, organization_id, survey_id, survey_version_id, touchpoint_id,
			audience, channel, language, answers, hidden_fields, score_type, score, score_group, comment, completed,
			completed_at, started_at, updated_at, visitor_id, analysis_status)
			select id, submitted_at, organization_id, survey_id, survey_version_id, touchpoint_id, audience, channel, language,
				answers, hidden_fields, score_type, score, score_group, comment, completed, completed_at, started_at,
				submitted_at, visitor_id, 'pending'
			from jsonb_to_recordset(${batch}::jsonb) as x(id uuid, submitted_at timestamptz, organization_id uuid,
				survey_id uuid, survey_version_id uuid, touchpoint_id uuid, audience text, channel text, language text,
				answers jsonb, hidden_fields jsonb, score_type text, score smallint, score_group text, comment text,
				completed boolean, completed_at timestamptz, started_at timestamptz, visitor_id text)`);
	}
}

/** Creates the demo surveys (live) and their responses; returns how many responses were written. */
export async function seedResponses(ctx: SurveyCtx, touchpointIds: Map<string, string>, now: Date): Promise<number> {
	const random = prng(20_241_129);
	const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 364 * DAY_MS);
	const worseFrom = now.getTime() - 61 * DAY_MS;
	await ensureResponsePartitions(ctx.db, start, now);
	const rows: Row[] = [];
	const base = (survey: { id: string; version: { id: string } }, touchpointId: string) => ({
		organization_id: ctx.organizationId,
		survey_id: survey.id,
		survey_version_id: survey.version.id,
		touchpoint_id: touchpointId,
	});
	for (const demo of DEMO_SURVEYS) {
		const touchpointId = touchpointIds.get(demo.touchpoint);
		if (!touchpointId) continue;
		const created = await createSurvey(ctx, {
			touchpointId,
			template: demo.template,
			name: demo.name,
			kind: demo.custom?.kind,
			content: demo.custom?.content,
			hiddenFields: demo.custom?.hiddenFields,
		});
		const survey = await publishSurvey(ctx, created.id);
		const kind = survey.kind as Kind;
		const min = kind === "nps" ? 0 : 1;
		for (let day = 0; day < 365; day++) {
			const dayStart = start.getTime() + day * DAY_MS;
			const expected = demo.perDay * seasonFactor(new Date(dayStart), demo.season);
			const count = Math.max(0, Math.round(expected * (0.75 + random() * 0.5)));
			for (let i = 0; i < count; i++) {
				// Opening hours of people answering: mostly 8–22 h.
				const at = dayStart + (7 + random() * 15) * 3_600_000 + Math.floor(random() * 3_600_000);
				if (at > now.getTime()) continue;
				const isWorse = demo.worseWeights !== undefined && at >= worseFrom;
				const score = min + weighted(random, isWorse && demo.worseWeights ? demo.worseWeights : demo.weights);
				const group = scoreGroupOf(kind, score);
				const mood = ["promoter", "satisfied", "easy"].includes(group)
					? "pos"
					: ["detractor", "dissatisfied", "difficult"].includes(group)
						? "neg"
						: "neu";
				const language = random() < 0.8 ? "de" : "en";
				const isComplete = random() < 0.97;
				const hasComment = isComplete && random() < (mood === "neg" ? 0.7 : mood === "neu" ? 0.45 : 0.35);
				const note = hasComment ? comment(random, demo, mood, language, isWorse) : null;
				const answers = answersFor(random, demo, kind, score, note, isWorse);
				const hidden: Record<string, string> = {};
				if (demo.topic === "branch") hidden.branch = pick(random, BRANCHES);
				else if (demo.topic === "search")
					hidden.query = pick(random, ["sofa grau", "regal", "lampe", "teppich 200x300", "bettwäsche"]);
				else if (demo.topic !== "hotline")
					hidden.order_id = `NS-${String(1_000_000 + Math.floor(random() * 8_999_999))}`;
				if (demo.template === "delivery") hidden.carrier = isWorse ? "BlitzPaket" : "DHL";
				if (demo.template === "post_purchase_nps" || demo.template === "checkout_ces")
					hidden.channel = random() < 0.7 ? "web" : "app";
				const submittedAt = new Date(at).toISOString();
				rows.push({
					id: uuidOf(random),
					submitted_at: submittedAt,
					...base(survey, touchpointId),
					audience: "customer",
					channel: demo.channel,
					language,
					answers,
					hidden_fields: hidden,
					score_type: kind,
					score,
					score_group: group,
					comment: note,
					completed: isComplete,
					completed_at: isComplete ? submittedAt : null,
					started_at: new Date(at - (20 + Math.floor(random() * 160)) * 1000).toISOString(),
					visitor_id: demo.channel === "widget" ? `v_${Math.floor(random() * 1e9).toString(36)}` : null,
				});
			}
		}
	}
	rows.push(...(await employeeWaves(ctx, touchpointIds, now, random)));
	await insertRows(ctx.db, rows);
	await ctx.db.execute(sql`insert into response_keys (id, organization_id, survey_id, submitted_at)
		select id, organization_id, survey_id, submitted_at from responses where organization_id = ${ctx.organizationId}
		on conflict (id) do nothing`);
	return rows.length;
}

/** Four quarterly employee pulse waves, anonymous (no visitor, session or timing), grouped by department. */
async function employeeWaves(
	ctx: SurveyCtx,
	touchpointIds: Map<string, string>,
	now: Date,
	random: Random,
): Promise<Row[]> {
	const touchpointId = touchpointIds.get("Kauf in der Filiale");
	if (!touchpointId) return [];
	const created = await createSurvey(ctx, { touchpointId, template: "employee_pulse" });
	const survey = await publishSurvey(ctx, created.id);
	const rows: Row[] = [];
	for (let wave = 0; wave < 4; wave++) {
		const waveStart = now.getTime() - (330 - wave * 90) * DAY_MS;
		for (let i = 0; i < 160; i++) {
			const department = pick(random, DEPARTMENTS);
			// Logistics is stretched; the store teams are happiest.
			const weights =
				department === "Logistik" ? [3, 3, 4, 5, 7, 9, 10, 12, 9, 5, 3] : [1, 1, 2, 2, 3, 5, 8, 14, 18, 16, 10];
			const score = weighted(random, weights);
			const at = new Date(waveStart + random() * 10 * DAY_MS).toISOString();
			const language = random() < 0.9 ? "de" : "en";
			const point = () => Math.max(1, Math.min(5, Math.round(score / 2.5 + random() * 2 - 0.5)));
			const note =
				random() < 0.3 ? pick(random, BANKS[language].employee[score >= 9 ? "pos" : score <= 6 ? "neg" : "neu"]) : null;
			rows.push({
				id: uuidOf(random),
				submitted_at: at,
				organization_id: ctx.organizationId,
				survey_id: survey.id,
				survey_version_id: survey.version.id,
				touchpoint_id: touchpointId,
				audience: "employee",
				channel: "link",
				language,
				answers: {
					enps: score,
					statements: { workload: point(), team: point(), manager: point(), tools: point() },
					...(note ? { comment: note } : {}),
				},
				hidden_fields: { department },
				score_type: "nps",
				score,
				score_group: scoreGroupOf("nps", score),
				comment: note,
				completed: true,
				completed_at: at,
				started_at: null,
				visitor_id: null,
			});
		}
	}
	return rows;
}
