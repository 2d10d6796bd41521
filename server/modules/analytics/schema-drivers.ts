// Stored key driver analyses: one row per organization × kind × period, recomputed by the analytics.drivers job.
import {
	boolean,
	date,
	doublePrecision,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "../admin/schema";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A request sets `requested_at` and `is_computing`; the job stores the result with `computed_at` and clears
 * `is_computing`. While a recomputation runs, the previous result stays readable.
 */
export const analyticsDriverResults = pgTable(
	"analytics_driver_results",
	{
		organizationId: uuid("organization_id")
			.notNull()
			.references(() => organizations.id, { onDelete: "cascade" }),
		kind: text("kind", { enum: ["themes", "touchpoints"] }).notNull(),
		periodFrom: date("period_from").notNull(),
		periodTo: date("period_to").notNull(),
		requestedAt: at("requested_at").notNull(),
		isComputing: boolean("is_computing").notNull().default(false),
		computedAt: at("computed_at"),
		/** Observations in the model: responses (themes) or customers (touchpoints). */
		n: integer("n").notNull().default(0),
		r2: doublePrecision("r2"),
		insufficientData: boolean("insufficient_data").notNull().default(false),
		/** The DriverAnalysis payload of contract-drivers.ts. */
		result: jsonb("result").$type<unknown>(),
		error: text("error"),
	},
	(t) => [primaryKey({ columns: [t.organizationId, t.kind, t.periodFrom, t.periodTo] })],
);
