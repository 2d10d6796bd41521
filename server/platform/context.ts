// The small context every service function takes: database, tenant, who acts, the clock, the log.
import type { Role } from "./auth/roles";
import type { Db } from "./db";
import type { Jobs } from "./jobs/jobs";
import type { Logger } from "./logging";

export type Actor =
	| { type: "user"; userId: string; role: Role }
	| { type: "apiKey"; apiKeyId: string; role: Role }
	| { type: "job"; name: string }
	| { type: "public" };

export type Ctx = {
	db: Db;
	organizationId: string;
	actor: Actor;
	now: Date;
	log: Logger;
	jobs: Jobs;
};

export function actorId(actor: Actor): string | null {
	switch (actor.type) {
		case "user":
			return actor.userId;
		case "apiKey":
			return actor.apiKeyId;
		case "job":
			return actor.name;
		case "public":
			return null;
	}
}
