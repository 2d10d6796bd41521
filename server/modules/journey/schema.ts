// The customer journey: journeys of ordered stages, each holding ordered touchpoints owned by a department.
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { departments, organizations } from "../admin/schema";
import { CHANNELS, STAGE_KEYS } from "./contract";

export const journeys = pgTable(
	"journeys",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		description: text("description"),
		createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
	},
	(t) => [index("journeys_org_idx").on(t.organizationId, t.createdAt, t.id)],
);

export const stages = pgTable(
	"stages",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		journeyId: uuid("journey_id")
			.notNull()
			.references(() => journeys.id, { onDelete: "cascade" }),
		key: text("key", { enum: STAGE_KEYS }),
		name: text("name").notNull(),
		description: text("description"),
		position: integer("position").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
	},
	(t) => [index("stages_journey_idx").on(t.journeyId, t.position)],
);

export const touchpoints = pgTable(
	"touchpoints",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		journeyId: uuid("journey_id")
			.notNull()
			.references(() => journeys.id, { onDelete: "cascade" }),
		stageId: uuid("stage_id")
			.notNull()
			.references(() => stages.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		description: text("description"),
		channel: text("channel", { enum: CHANNELS }).notNull(),
		departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
		urlPatterns: text("url_patterns").array().notNull().default([]),
		position: integer("position").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
	},
	(t) => [
		index("touchpoints_stage_idx").on(t.stageId, t.position),
		index("touchpoints_org_idx").on(t.organizationId, t.journeyId),
	],
);
