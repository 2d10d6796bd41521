// Payloads of the journey API: journeys, their ordered stages and touchpoints. Pure zod (the web app imports it).
import { z } from "zod";

export const CHANNELS = [
	"ads",
	"social",
	"referral",
	"search",
	"web",
	"app",
	"email",
	"checkout",
	"branch",
	"hotline",
	"chat",
	"delivery",
	"product",
	"community",
	"review",
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const STAGE_KEYS = ["awareness", "research", "purchase", "service", "use", "repurchase", "advocacy"] as const;
export const StageKey = z.enum(STAGE_KEYS);
export type StageKey = z.infer<typeof StageKey>;

export const MAX_STAGES_PER_JOURNEY = 20;
export const MAX_TOUCHPOINTS_PER_JOURNEY = 300;

const Name = z.string().trim().min(1, "Required").max(120);
const Description = z.string().trim().max(2000).nullable();

/** A URL path ("/checkout/*") or full URL ("https://shop.example/*"); `*` matches any characters. */
export const UrlPattern = z
	.string()
	.trim()
	.min(1)
	.max(300)
	.regex(/^(\/|https?:\/\/)\S*$/, "Start with / or http(s):// and use no spaces");

export const JourneyView = z.object({
	id: z.uuid(),
	name: z.string(),
	description: z.string().nullable(),
	stageCount: z.number().int(),
	touchpointCount: z.number().int(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
});
export type JourneyView = z.infer<typeof JourneyView>;

export const TouchpointView = z.object({
	id: z.uuid(),
	journeyId: z.uuid(),
	stageId: z.uuid(),
	name: z.string(),
	description: z.string().nullable(),
	channel: Channel,
	departmentId: z.uuid().nullable(),
	urlPatterns: z.array(z.string()),
	position: z.number().int(),
});
export type TouchpointView = z.infer<typeof TouchpointView>;

export const StageView = z.object({
	id: z.uuid(),
	journeyId: z.uuid(),
	key: StageKey.nullable(),
	name: z.string(),
	description: z.string().nullable(),
	position: z.number().int(),
	touchpoints: z.array(TouchpointView),
});
export type StageView = z.infer<typeof StageView>;

export const JourneyDetailView = JourneyView.extend({ stages: z.array(StageView) });
export type JourneyDetailView = z.infer<typeof JourneyDetailView>;

export const CreateJourneyInput = z
	.object({
		name: Name,
		description: Description.optional(),
		/** Start with the seven standard stages, named in this language. */
		standardStages: z.enum(["de", "en"]).optional(),
	})
	.strict();
export type CreateJourneyInput = z.infer<typeof CreateJourneyInput>;

const atLeastOne = (v: object) => Object.keys(v).length > 0;

export const UpdateJourneyInput = z
	.object({ name: Name.optional(), description: Description.optional() })
	.strict()
	.refine(atLeastOne, "Send at least one field");
export type UpdateJourneyInput = z.infer<typeof UpdateJourneyInput>;

export const CreateStageInput = z
	.object({
		name: Name,
		key: StageKey.nullable().optional(),
		description: Description.optional(),
		/** Where to insert (0 = first); at the end when left out. */
		position: z.number().int().min(0).max(MAX_STAGES_PER_JOURNEY).optional(),
	})
	.strict();
export type CreateStageInput = z.infer<typeof CreateStageInput>;

export const UpdateStageInput = z
	.object({ name: Name.optional(), key: StageKey.nullable().optional(), description: Description.optional() })
	.strict()
	.refine(atLeastOne, "Send at least one field");
export type UpdateStageInput = z.infer<typeof UpdateStageInput>;

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

export const ReorderStagesInput = z
	.object({ stageIds: z.array(z.uuid()).min(1).max(MAX_STAGES_PER_JOURNEY).refine(uniqueIds, "Each stage once") })
	.strict();
export type ReorderStagesInput = z.infer<typeof ReorderStagesInput>;

export const CreateTouchpointInput = z
	.object({
		stageId: z.uuid(),
		name: Name,
		channel: Channel,
		description: Description.optional(),
		departmentId: z.uuid().nullable().optional(),
		urlPatterns: z.array(UrlPattern).max(20).default([]),
		position: z.number().int().min(0).max(MAX_TOUCHPOINTS_PER_JOURNEY).optional(),
	})
	.strict();
export type CreateTouchpointInput = z.infer<typeof CreateTouchpointInput>;

export const UpdateTouchpointInput = z
	.object({
		stageId: z.uuid().optional(),
		name: Name.optional(),
		channel: Channel.optional(),
		description: Description.optional(),
		departmentId: z.uuid().nullable().optional(),
		urlPatterns: z.array(UrlPattern).max(20).optional(),
	})
	.strict()
	.refine(atLeastOne, "Send at least one field");
export type UpdateTouchpointInput = z.infer<typeof UpdateTouchpointInput>;

/** The stage's complete new order; ids from other stages of the journey are moved into it. */
export const ReorderTouchpointsInput = z
	.object({
		touchpointIds: z.array(z.uuid()).max(MAX_TOUCHPOINTS_PER_JOURNEY).refine(uniqueIds, "Each touchpoint once"),
	})
	.strict();
export type ReorderTouchpointsInput = z.infer<typeof ReorderTouchpointsInput>;

export const TouchpointQuery = z.object({
	journeyId: z.uuid().optional(),
	stageId: z.uuid().optional(),
	departmentId: z.uuid().optional(),
	channel: Channel.optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	cursor: z.string().max(500).optional(),
});
export type TouchpointQuery = z.infer<typeof TouchpointQuery>;

/** Names of the standard stages, for new journeys and the demo. */
export const STANDARD_STAGE_NAMES: Record<"de" | "en", Record<StageKey, string>> = {
	de: {
		awareness: "Aufmerksamkeit",
		research: "Recherche & Vergleich",
		purchase: "Kauf",
		service: "Service",
		use: "Nutzung",
		repurchase: "Wiederkauf & Abo",
		advocacy: "Empfehlung",
	},
	en: {
		awareness: "Awareness",
		research: "Research & comparison",
		purchase: "Purchase",
		service: "Service",
		use: "Product use",
		repurchase: "Repurchase & subscription",
		advocacy: "Advocacy",
	},
};
