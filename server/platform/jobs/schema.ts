// Health checks of the job system: a row per check, completed by a worker (proves queue, retry, storage).
import { integer, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";

export const jobHealthChecks = pgTable("job_health_checks", {
	id: uuid("id").primaryKey().defaultRandom(),
	failuresWanted: integer("failures_wanted").notNull().default(0),
	attempts: integer("attempts").notNull().default(0),
	completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }),
	createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
