// Text analytics per organization: its theme taxonomy, users' corrections (labelled examples), its own
// retrained sentiment models, re-analysis runs, and its settings.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "../admin/schema";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const orgId = () =>
	uuid("organization_id")
		.notNull()
		.references(() => organizations.id, { onDelete: "cascade" });

export const textThemes = pgTable(
	"text_themes",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		key: text("key").notNull(),
		labelDe: text("label_de").notNull(),
		labelEn: text("label_en").notNull(),
		keywordsDe: text("keywords_de").array().notNull().default(sql`'{}'::text[]`),
		keywordsEn: text("keywords_en").array().notNull().default(sql`'{}'::text[]`),
		isActive: boolean("is_active").notNull().default(true),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
	},
	(t) => [uniqueIndex("text_themes_org_key").on(t.organizationId, t.key)],
);

export const textCorrections = pgTable(
	"text_corrections",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		targetKind: text("target_kind", { enum: ["response", "mention"] }).notNull(),
		targetId: uuid("target_id").notNull(),
		text: text("text").notNull(),
		language: text("language").notNull(),
		sentiment: text("sentiment", { enum: ["negative", "neutral", "positive"] }),
		intents: text("intents").array(),
		themes: text("themes").array(),
		correctedBy: uuid("corrected_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [uniqueIndex("text_corrections_target").on(t.organizationId, t.targetKind, t.targetId)],
);

export const textModels = pgTable(
	"text_models",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		language: text("language").notNull(),
		status: text("status", { enum: ["training", "active", "rejected", "retired", "failed"] }).notNull(),
		/** Held-back corrections scored by the model in use before and by the new one. */
		metrics: jsonb("metrics").$type<ModelMetrics>(),
		weights: text("weights"),
		examples: integer("examples").notNull().default(0),
		error: text("error"),
		requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: at("created_at").notNull().defaultNow(),
		finishedAt: at("finished_at"),
	},
	(t) => [index("text_models_org_idx").on(t.organizationId, t.language, t.createdAt)],
);

export type ModelMetrics = {
	heldOut: number;
	before: { accuracy: number; macroF1: number };
	after: { accuracy: number; macroF1: number };
};

export const textReanalysisRuns = pgTable(
	"text_reanalysis_runs",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: orgId(),
		status: text("status", { enum: ["running", "done", "failed"] }).notNull(),
		reason: text("reason").notNull(),
		/** Per target kind, the last id done: the run resumes from here after a restart. */
		cursor: jsonb("cursor").$type<Record<string, string | null>>().notNull().default({}),
		total: integer("total").notNull().default(0),
		processed: integer("processed").notNull().default(0),
		error: text("error"),
		createdAt: at("created_at").notNull().defaultNow(),
		finishedAt: at("finished_at"),
	},
	(t) => [index("text_reanalysis_org_idx").on(t.organizationId, t.createdAt)],
);

export const textSettings = pgTable("text_settings", {
	organizationId: uuid("organization_id")
		.primaryKey()
		.references(() => organizations.id, { onDelete: "cascade" }),
	/** Store analysis text and exports with emails, phone numbers, IBANs, cards and addresses masked. */
	redactPii: boolean("redact_pii").notNull().default(true),
	updatedAt: at("updated_at").notNull().defaultNow(),
});
