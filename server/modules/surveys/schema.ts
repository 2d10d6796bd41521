// Surveys bound to a touchpoint, their immutable question versions, and the ways they are distributed.
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, sites } from "../admin/schema";
import { touchpoints } from "../journey/schema";
import {
	AUDIENCES,
	DISTRIBUTION_KINDS,
	SURVEY_KINDS,
	SURVEY_STATUSES,
	type SurveyContent,
	type SurveyLanguage,
	TEMPLATE_KEYS,
	type WidgetTrigger,
} from "./contract";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const surveys = pgTable(
	"surveys",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		/** A touchpoint with surveys cannot be deleted: its responses would lose their place in the journey. */
		touchpointId: uuid("touchpoint_id")
			.notNull()
			.references(() => touchpoints.id, { onDelete: "no action" }),
		name: text("name").notNull(),
		kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
		audience: text("audience", { enum: AUDIENCES }).notNull(),
		/** Public (the page is /s/<slug>), so unique across organizations. */
		slug: text("slug").notNull().unique(),
		status: text("status", { enum: SURVEY_STATUSES }).notNull().default("draft"),
		languages: text("languages").array().notNull().$type<SurveyLanguage[]>(),
		defaultLanguage: text("default_language").notNull().$type<SurveyLanguage>(),
		hiddenFields: text("hidden_fields").array().notNull().default([]),
		template: text("template", { enum: TEMPLATE_KEYS }),
		currentVersionId: uuid("current_version_id"),
		currentVersion: integer("current_version").notNull().default(1),
		spamDroppedCount: integer("spam_dropped_count").notNull().default(0),
		createdBy: text("created_by"),
		createdAt: at("created_at").notNull().defaultNow(),
		updatedAt: at("updated_at").notNull().defaultNow(),
		publishedAt: at("published_at"),
		closedAt: at("closed_at"),
	},
	(t) => [
		index("surveys_org_idx").on(t.organizationId, t.createdAt, t.id),
		index("surveys_touchpoint_idx").on(t.touchpointId),
	],
);

/** One immutable question set of a survey; responses keep the version they answered. */
export const surveyVersions = pgTable(
	"survey_versions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		surveyId: uuid("survey_id")
			.notNull()
			.references(() => surveys.id, { onDelete: "cascade" }),
		version: integer("version").notNull(),
		content: jsonb("content").$type<SurveyContent>().notNull(),
		createdBy: text("created_by"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [uniqueIndex("survey_versions_survey_version_key").on(t.surveyId, t.version)],
);

export const surveyDistributions = pgTable(
	"survey_distributions",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		surveyId: uuid("survey_id")
			.notNull()
			.references(() => surveys.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: DISTRIBUTION_KINDS }).notNull(),
		name: text("name"),
		siteId: uuid("site_id").references(() => sites.id, { onDelete: "cascade" }),
		trigger: jsonb("trigger").$type<WidgetTrigger>(),
		position: text("position"),
		embedFirstQuestion: boolean("embed_first_question"),
		createdBy: text("created_by"),
		createdAt: at("created_at").notNull().defaultNow(),
	},
	(t) => [
		index("survey_distributions_survey_idx").on(t.surveyId, t.createdAt, t.id),
		index("survey_distributions_site_idx").on(t.siteId),
	],
);
