// Demo outreach data for Nordstern Wohnen: ~500 contacts in three lists, a past NPS email campaign with realistic
// numbers, and ~2,000 imported reviews and community/social posts in German and English whose complaints follow
// the demo's pain points (slow checkout, products hard to find, hotline waits; late and damaged deliveries
// concentrated in the last two months). Deterministic (seeded PRNG, dates relative to `now`), bulk inserts.
import { inArray } from "drizzle-orm";
import { findTouchpoints } from "../modules/journey/service/touchpoints";
import {
	contactListMembers,
	contactLists,
	contacts,
	emailCampaigns,
	emailInvitations,
	mentions,
} from "../modules/outreach/schema";
import { createSurvey, findSurveys, publishSurvey } from "../modules/surveys/service/surveys";
import type { Ctx } from "../platform/context";

const DAY_MS = 24 * 3600 * 1000;
const CHUNK = 1000;

/** mulberry32: a small, well-distributed 32-bit PRNG (Tommy Ettinger, public domain), for reproducible demo data. */
function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	/** One key by weight. */
	const weighted = <K extends string>(weights: Record<K, number>): K => {
		const entries = Object.entries(weights) as [K, number][];
		let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
		for (const [key, weight] of entries) {
			roll -= weight;
			if (roll <= 0) return key;
		}
		return entries[entries.length - 1]?.[0] as K;
	};
	return { next, pick, int, weighted };
}
type Random = ReturnType<typeof prng>;

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const FIRST_NAMES = [
	"Anna",
	"Lukas",
	"Sophie",
	"Jonas",
	"Marie",
	"Felix",
	"Laura",
	"Paul",
	"Lena",
	"Tim",
	"Julia",
	"Max",
	"Sarah",
	"Leon",
	"Hannah",
	"Finn",
	"Emma",
	"Ben",
	"Mia",
	"Elias",
	"Clara",
	"Noah",
	"Lea",
	"David",
	"Nina",
	"Jan",
	"Katrin",
	"Murat",
	"Aylin",
	"Piotr",
	"Olga",
	"James",
	"Emily",
	"Oliver",
	"Grace",
] as const;
const LAST_NAMES = [
	"Müller",
	"Schmidt",
	"Schneider",
	"Fischer",
	"Weber",
	"Meyer",
	"Wagner",
	"Becker",
	"Schulz",
	"Hoffmann",
	"Koch",
	"Richter",
	"Klein",
	"Wolf",
	"Neumann",
	"Schwarz",
	"Zimmermann",
	"Braun",
	"Krüger",
	"Hartmann",
	"Lange",
	"Werner",
	"Yilmaz",
	"Kowalski",
	"Smith",
	"Brown",
	"Jansen",
	"Peters",
] as const;
const CITIES = ["Hamburg", "Berlin", "München", "Köln", "Leipzig", "Bremen", "Hannover", "Dresden", "Kiel", "Lübeck"];
const DOMAINS = ["example.com", "example.org", "example.net"] as const;

const ascii = (text: string) =>
	text
		.toLowerCase()
		.replace(/ä/g, "ae")
		.replace(/ö/g, "oe")
		.replace(/ü/g, "ue")
		.replace(/ß/g, "ss")
		.replace(/[^a-z]/g, "");

type Theme = "late" | "damaged" | "checkout" | "findability" | "hotline" | "praise" | "neutral";

/** Phrase banks per theme and language; `{n}` is filled with a plausible number. */
const PHRASES: Record<Theme, Record<"de" | "en", string[]>> = {
	late: {
		de: [
			"Die Lieferung kam {n} Tage später als angekündigt.",
			"Mein Sofa wurde zweimal verschoben, und niemand hat sich gemeldet.",
			"Liefertermin um {n} Tage überschritten, die Sendungsverfolgung zeigte tagelang nichts an.",
			"Seit {n} Tagen warte ich auf meinen Esstisch, der Status steht auf „in Bearbeitung“.",
			"Die Spedition kam nicht zum vereinbarten Termin, ich habe umsonst frei genommen.",
		],
		en: [
			"The delivery arrived {n} days later than promised.",
			"My sofa was rescheduled twice and nobody told me.",
			"Tracking showed nothing for days and the parcel came {n} days late.",
			"The carrier missed the agreed slot; I took a day off for nothing.",
		],
	},
	damaged: {
		de: [
			"Das Paket kam beschädigt an, die Ecke vom Regal war abgebrochen.",
			"Der Karton war völlig zerdrückt, zwei Gläser waren kaputt.",
			"Die Tischplatte hatte einen tiefen Kratzer, die Verpackung war aufgerissen.",
			"Lampe kam in Einzelteilen an – beim Transport beschädigt.",
		],
		en: [
			"The parcel arrived damaged, one corner of the shelf was broken off.",
			"The box was crushed and two glasses were broken.",
			"The table top had a deep scratch, the packaging was torn open.",
		],
	},
	checkout: {
		de: [
			"Der Checkout ist extrem langsam, die Zahlungsseite lädt ewig.",
			"Beim Bezahlen hing die Seite, ich musste die Bestellung dreimal abschicken.",
			"Warenkorb hat sich geleert, als ich die Adresse geändert habe.",
			"PayPal-Zahlung brach im Checkout ab, erst im dritten Versuch ging es.",
		],
		en: [
			"Checkout is painfully slow, the payment page takes forever to load.",
			"The page froze when paying and I had to submit the order three times.",
			"My cart emptied itself when I changed the address.",
		],
	},
	findability: {
		de: [
			"Über die Suche finde ich die Produkte einfach nicht, auch mit genauem Namen.",
			"Die Filter im Shop sind unbrauchbar, ich habe das Regal erst über Google gefunden.",
			"Wo finde ich Ersatzteile? In der Navigation gibt es nichts dazu.",
			"Die Suche nach „Eiche Sideboard“ zeigt Kissen und Vorhänge an.",
		],
		en: [
			"I can't find products with the search, not even with the exact name.",
			"The shop filters are useless, I only found the shelf through Google.",
			"Where do I find spare parts? The navigation has nothing.",
		],
	},
	hotline: {
		de: [
			"Ich hing {n} Minuten in der Warteschleife der Hotline.",
			"Die Hotline ist nie erreichbar, nach {n} Minuten habe ich aufgegeben.",
			"Dreimal angerufen, jedes Mal lange Wartezeit und dann aus der Leitung geflogen.",
			"Rückruf wurde versprochen, kam aber nie.",
		],
		en: [
			"I was on hold with the hotline for {n} minutes.",
			"Customer service is never reachable, I gave up after {n} minutes.",
			"Called three times, long waits every time, then got disconnected.",
		],
	},
	praise: {
		de: [
			"Sehr schöne Möbel in guter Qualität, das Sofa ist traumhaft bequem.",
			"Die Beratung in der Filiale war kompetent und freundlich.",
			"Aufbau war einfach, die Anleitung verständlich.",
			"Lieferung pünktlich, die Monteure waren sehr nett.",
			"Tolles Design zu fairen Preisen, ich bestelle gerne wieder.",
		],
		en: [
			"Beautiful furniture in great quality, the sofa is so comfortable.",
			"The advice in the store was friendly and competent.",
			"Assembly was easy and the instructions were clear.",
			"Delivered on time, the fitters were very friendly.",
		],
	},
	neutral: {
		de: [
			"Bestellung ist angekommen, Qualität wie erwartet.",
			"Weiß jemand, ob es das Regal auch in Weiß gibt?",
			"Preis-Leistung in Ordnung, nichts Besonderes.",
			"Hat jemand Erfahrung mit dem Wohnbox-Abo?",
		],
		en: [
			"Order arrived, quality as expected.",
			"Does anyone know if the shelf comes in white?",
			"Decent value for money, nothing special.",
		],
	},
};
const CLOSERS = {
	negative: {
		de: ["So nicht, Nordstern.", "Schade, eigentlich mag ich die Produkte.", "Ich bestelle erst mal woanders.", ""],
		en: ["Not good enough.", "A pity, I actually like the products.", "I'll order elsewhere for now.", ""],
	},
	positive: { de: ["Gerne wieder!", "Klare Empfehlung.", ""], en: ["Would buy again!", "Highly recommended.", ""] },
};

const RECENT_WEIGHTS: Record<Theme, number> = {
	late: 22,
	damaged: 14,
	checkout: 12,
	findability: 10,
	hotline: 12,
	praise: 22,
	neutral: 8,
};
const EARLIER_WEIGHTS: Record<Theme, number> = {
	late: 7,
	damaged: 3,
	checkout: 13,
	findability: 11,
	hotline: 12,
	praise: 40,
	neutral: 14,
};

type SourceKind = { name: string; touchpoint: string; count: number; hasRating: boolean; url: (id: string) => string };
const SOURCES: SourceKind[] = [
	{
		name: "Trustpilot",
		touchpoint: "Bewertungsportale",
		count: 900,
		hasRating: true,
		url: (id) => `https://trustpilot.example/reviews/${id}`,
	},
	{
		name: "Google",
		touchpoint: "Bewertungsportale",
		count: 600,
		hasRating: true,
		url: (id) => `https://maps.example/nordstern-wohnen/reviews/${id}`,
	},
	{
		name: "Community-Forum",
		touchpoint: "Community-Forum",
		count: 300,
		hasRating: false,
		url: (id) => `https://nordstern-wohnen.example/community/t/${id}`,
	},
	{
		name: "Instagram",
		touchpoint: "Erwähnungen in sozialen Medien",
		count: 200,
		hasRating: false,
		url: (id) => `https://instagram.example/p/${id}`,
	},
];

function ratingFor(theme: Theme, random: Random): number {
	if (theme === "praise") return random.pick([4, 5, 5, 5]);
	if (theme === "neutral") return random.pick([3, 3, 4]);
	return random.pick([1, 1, 2, 2, 3]);
}

function mentionText(theme: Theme, language: "de" | "en", random: Random): string {
	const main = random
		.pick(PHRASES[theme][language])
		.replace("{n}", String(theme === "hotline" ? random.int(25, 70) : random.int(4, 16)));
	const mood = theme === "praise" ? "positive" : theme === "neutral" ? undefined : "negative";
	const secondTheme =
		mood === "negative" && random.next() < 0.25 ? random.pick(["checkout", "hotline"] as const) : undefined;
	const second =
		secondTheme && secondTheme !== theme
			? ` ${random.pick(PHRASES[secondTheme][language]).replace("{n}", String(random.int(20, 50)))}`
			: "";
	const closer = mood ? random.pick(CLOSERS[mood][language]) : "";
	return `${main}${second}${closer ? ` ${closer}` : ""}`;
}

async function seedContacts(ctx: Ctx, random: Random, now: Date) {
	const rows: (typeof contacts.$inferInsert)[] = [];
	for (let i = 0; i < 500; i++) {
		const isEmployee = i >= 460;
		const first = random.pick(FIRST_NAMES);
		const last = random.pick(LAST_NAMES);
		const createdAt = new Date(now.getTime() - random.int(20, 700) * DAY_MS);
		const roll = random.next();
		rows.push({
			organizationId: ctx.organizationId,
			email: isEmployee
				? `${ascii(first)}.${ascii(last)}${i}@mitarbeitende.example.org`
				: `${ascii(first)}.${ascii(last)}${i}@${random.pick(DOMAINS)}`,
			name: `${first} ${last}`,
			language: isEmployee || random.next() < 0.86 ? "de" : "en",
			externalId: isEmployee ? `MA-${2000 + i}` : `K-${100_000 + i * 7}`,
			attributes: isEmployee
				? { role: "employee", department: random.pick(["Filialen", "Kundenservice", "Logistik", "E-Commerce"]) }
				: {
						city: random.pick(CITIES),
						segment: random.pick(["stammkunde", "neukunde", "neukunde", "gelegenheitskunde"]),
						orders: random.int(1, 14),
					},
			unsubscribedAt: !isEmployee && roll < 0.03 ? new Date(createdAt.getTime() + random.int(1, 15) * DAY_MS) : null,
			bouncedAt: !isEmployee && roll > 0.99 ? new Date(createdAt.getTime() + DAY_MS) : null,
			bounceReason: !isEmployee && roll > 0.99 ? "550 5.1.1 mailbox unavailable" : null,
			createdAt,
			updatedAt: createdAt,
		});
	}
	const inserted: { id: string; language: "de" | "en"; unsubscribedAt: Date | null; bouncedAt: Date | null }[] = [];
	await insertInChunks(rows, async (chunk) => {
		inserted.push(
			...(await ctx.db.insert(contacts).values(chunk).returning({
				id: contacts.id,
				language: contacts.language,
				unsubscribedAt: contacts.unsubscribedAt,
				bouncedAt: contacts.bouncedAt,
			})),
		);
	});
	return inserted;
}

async function seedLists(ctx: Ctx, random: Random, now: Date, contactRows: Awaited<ReturnType<typeof seedContacts>>) {
	const lists = await ctx.db
		.insert(contactLists)
		.values(
			[
				["Newsletter-Abonnent:innen", "Haben dem Newsletter und Umfragen zugestimmt."],
				["Käufer:innen der letzten 90 Tage", "Online- und Filialkäufe mit Kundenkonto, für NPS nach dem Kauf."],
				["Mitarbeitende", "Für die Mitarbeitendenbefragung (anonym ausgewertet)."],
			].map(([name, description], i) => ({
				organizationId: ctx.organizationId,
				name: name ?? "",
				description: description ?? null,
				createdAt: new Date(now.getTime() - (200 - i * 30) * DAY_MS),
				updatedAt: now,
			})),
		)
		.returning({ id: contactLists.id });
	const [newsletter, buyers, employees] = lists.map((l) => l.id);
	const members: (typeof contactListMembers.$inferInsert)[] = [];
	const buyerIds: string[] = [];
	contactRows.forEach((contact, i) => {
		const add = (listId: string | undefined) =>
			listId && members.push({ organizationId: ctx.organizationId, listId, contactId: contact.id, addedAt: now });
		if (i >= 460) {
			add(employees);
			return;
		}
		if (random.next() < 0.75) add(newsletter);
		if (random.next() < 0.65) {
			add(buyers);
			buyerIds.push(contact.id);
		}
	});
	await insertInChunks(members, (chunk) => ctx.db.insert(contactListMembers).values(chunk));
	return { buyersListId: buyers ?? "", buyerIds };
}

/** The demo's live NPS survey, or one made for the email campaign when no other seed made it. */
async function npsSurveyId(ctx: Ctx): Promise<string | undefined> {
	const surveyCtx = { ...ctx, publicUrl: "" };
	const live = await findSurveys(surveyCtx, { status: "live", kind: "nps", audience: "customer", limit: 1 });
	if (live.items[0]) return live.items[0].id;
	const checkout = (await findTouchpoints(ctx, { limit: 200 })).items.find((t) => t.name === "Online-Checkout");
	if (!checkout) return undefined;
	const survey = await createSurvey(surveyCtx, {
		template: "post_purchase_nps",
		touchpointId: checkout.id,
		name: "NPS nach dem Kauf (E-Mail)",
		slug: "nordstern-kauf-email",
	});
	await publishSurvey(surveyCtx, survey.id);
	return survey.id;
}

async function seedCampaign(
	ctx: Ctx,
	random: Random,
	now: Date,
	contactRows: Awaited<ReturnType<typeof seedContacts>>,
	buyers: { buyersListId: string; buyerIds: string[] },
) {
	const surveyId = await npsSurveyId(ctx);
	if (!surveyId) return;
	const sentAt = new Date(now.getTime() - 24 * DAY_MS);
	const [campaign] = await ctx.db
		.insert(emailCampaigns)
		.values({
			organizationId: ctx.organizationId,
			name: "NPS-Befragung Herbst",
			surveyId,
			contactListId: buyers.buyersListId,
			subject: { de: "Wie zufrieden sind Sie mit Nordstern Wohnen?", en: "How happy are you with Nordstern Wohnen?" },
			intro: {
				de: "Hallo,\n\nSie haben kürzlich bei uns eingekauft. Eine Frage, eine Minute – Ihre Antwort hilft uns, besser zu werden.",
				en: "Hello,\n\nyou recently shopped with us. One question, one minute – your answer helps us get better.",
			},
			reminderAfterDays: 4,
			status: "sent",
			sendAt: sentAt,
			startedAt: sentAt,
			finishedAt: new Date(sentAt.getTime() + 90_000),
			reminderDueAt: new Date(sentAt.getTime() + 4 * DAY_MS),
			reminderSentAt: new Date(sentAt.getTime() + 4 * DAY_MS + 60_000),
			createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
			createdAt: new Date(sentAt.getTime() - DAY_MS),
		})
		.returning({ id: emailCampaigns.id });
	if (!campaign) return;
	const byId = new Map(contactRows.map((c) => [c.id, c]));
	const reminderAt = new Date(sentAt.getTime() + 4 * DAY_MS + 60_000);
	const invitations: (typeof emailInvitations.$inferInsert)[] = [];
	const unsubscribedNow: string[] = [];
	for (const contactId of buyers.buyerIds) {
		const contact = byId.get(contactId);
		if (!contact) continue;
		const base = {
			organizationId: ctx.organizationId,
			campaignId: campaign.id,
			contactId,
			surveyId,
			language: contact.language,
			createdAt: sentAt,
		};
		const skipReason = contact.unsubscribedAt
			? ("unsubscribed" as const)
			: contact.bouncedAt
				? ("bounced" as const)
				: random.next() < 0.03
					? ("frequency_cap" as const)
					: null;
		if (skipReason) {
			invitations.push({ ...base, status: "skipped", skipReason });
			continue;
		}
		if (random.next() < 0.015) {
			invitations.push({ ...base, status: "bounced", deliveryError: "550 5.1.1 recipient address rejected" });
			continue;
		}
		const respondsEarly = random.next() < 0.22;
		const respondsAfterReminder = !respondsEarly && random.next() < 0.12;
		const unsubscribes = !respondsEarly && !respondsAfterReminder && random.next() < 0.02;
		const respondedAt = respondsEarly
			? new Date(sentAt.getTime() + random.int(5, 72 * 60) * 60_000)
			: respondsAfterReminder
				? new Date(reminderAt.getTime() + random.int(5, 48 * 60) * 60_000)
				: null;
		const clicked = respondedAt !== null || random.next() < 0.15;
		if (unsubscribes) unsubscribedNow.push(contactId);
		invitations.push({
			...base,
			status: "sent",
			sentAt: new Date(sentAt.getTime() + random.int(1, 90) * 1000),
			remindedAt: respondsEarly || unsubscribes ? null : reminderAt,
			clickedAt: clicked ? (respondedAt ?? new Date(sentAt.getTime() + random.int(10, 5000) * 60_000)) : null,
			respondedAt,
			unsubscribedAt: unsubscribes ? new Date(sentAt.getTime() + random.int(10, 3000) * 60_000) : null,
		});
	}
	await insertInChunks(invitations, (chunk) => ctx.db.insert(emailInvitations).values(chunk));
	const invited = invitations.filter((i) => i.status !== "skipped").map((i) => i.contactId ?? "");
	for (let i = 0; i < invited.length; i += CHUNK) {
		await ctx.db
			.update(contacts)
			.set({ lastInvitedAt: sentAt })
			.where(inArray(contacts.id, invited.slice(i, i + CHUNK)));
	}
	if (unsubscribedNow.length > 0) {
		await ctx.db.update(contacts).set({ unsubscribedAt: reminderAt }).where(inArray(contacts.id, unsubscribedNow));
	}
}

async function seedMentions(ctx: Ctx, random: Random, now: Date) {
	const touchpointIds = new Map((await findTouchpoints(ctx, { limit: 200 })).items.map((t) => [t.name, t.id]));
	const rows: (typeof mentions.$inferInsert)[] = [];
	for (const source of SOURCES) {
		for (let i = 0; i < source.count; i++) {
			// Two thirds of the year's mentions are older than two months; the recent ones carry the delivery problems.
			const isRecent = random.next() < 0.34;
			const ageDays = isRecent ? random.int(0, 59) : random.int(60, 365);
			const publishedAt = new Date(now.getTime() - ageDays * DAY_MS - random.int(0, DAY_MS / 1000) * 1000);
			const theme = random.weighted(isRecent ? RECENT_WEIGHTS : EARLIER_WEIGHTS);
			const language = random.next() < 0.8 ? "de" : "en";
			const sourceId = `${source.name.slice(0, 2).toLowerCase()}-${(i * 7919 + 104_729).toString(36)}`;
			rows.push({
				organizationId: ctx.organizationId,
				touchpointId: touchpointIds.get(source.touchpoint) ?? null,
				source: source.name,
				sourceId,
				author: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES).slice(0, 1)}.`,
				rating: source.hasRating ? ratingFor(theme, random) : null,
				text: mentionText(theme, language, random),
				publishedAt,
				url: source.url(sourceId),
				language,
				importedAt: now,
				updatedAt: now,
			});
		}
	}
	await insertInChunks(rows, (chunk) => ctx.db.insert(mentions).values(chunk));
}

export async function seedDemoOutreach(ctx: Ctx, now: Date): Promise<void> {
	const random = prng(20_251_104);
	const contactRows = await seedContacts(ctx, random, now);
	const buyers = await seedLists(ctx, random, now, contactRows);
	await seedCampaign(ctx, random, now, contactRows, buyers);
	await seedMentions(ctx, random, now);
}
