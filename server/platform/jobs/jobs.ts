// Durable background jobs on pg-boss, in the same database as the data (PostgreSQL or PGlite).
// A service enqueues inside its own transaction, so a job exists exactly when its cause committed.
import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, Db } from "../db";
import type { Logger } from "../logging";

export type JobOptions = {
	retryLimit?: number;
	retryDelaySeconds?: number;
	retryBackoff?: boolean;
	startAfter?: Date | number;
	singletonKey?: string;
};

export type JobMeta = { id: string; retryCount: number };

export type JobDefinition<Data = unknown, Env = unknown> = {
	name: string;
	retryLimit: number;
	retryDelaySeconds: number;
	retryBackoff?: boolean;
	/** A cron expression (UTC): pg-boss sends the job on this schedule, once across all nodes. */
	cron?: string;
	handle: (env: Env, data: Data, meta: JobMeta) => Promise<void>;
};

/** Runs pg-boss's raw SQL on a Drizzle database or transaction (so a send joins the transaction). */
function executorOf(db: Db) {
	return {
		executeSql: async (text: string, values: unknown[] = []) => {
			const chunks: SQL[] = [];
			const parts = text.split(/\$(\d+)/);
			for (let i = 0; i < parts.length; i++) {
				if (i % 2 === 0) chunks.push(sql.raw(parts[i] ?? ""));
				else {
					const value = values[Number(parts[i]) - 1];
					chunks.push(sql`${value === undefined ? null : isPlainObject(value) ? JSON.stringify(value) : value}`);
				}
			}
			const result = (await db.execute(sql.join(chunks))) as unknown as { rows: Record<string, unknown>[] };
			return { rows: result.rows };
		},
	};
}

const isPlainObject = (v: unknown) => v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v);

export class Jobs {
	readonly boss: PgBoss;
	private readonly definitions = new Map<string, JobDefinition<never, never>>();

	/**
	 * `schedules: false` leaves the definitions' cron schedules out (tests drive time themselves; a cron run with the
	 * real clock in the middle of a test with a moved clock would change what it observes).
	 */
	constructor(
		database: Database,
		private readonly log: Logger,
		private readonly options: { schedules?: boolean } = {},
	) {
		const schedule = options.schedules !== false;
		this.boss = database.connectionString
			? new PgBoss({ connectionString: database.connectionString, max: 4, schedule })
			: new PgBoss({ db: { executeSql: database.executeSql }, schedule });
		this.boss.on("error", (error) => this.log.error({ err: error }, "job system error"));
	}

	/** Creates the queues; call once before sending. `supervise` runs maintenance (one per database is enough). */
	async start(definitions: JobDefinition<never, never>[]): Promise<void> {
		await this.boss.start();
		for (const definition of definitions) {
			this.definitions.set(definition.name, definition);
			const existing = await this.boss.getQueue(definition.name);
			const policy = {
				name: definition.name,
				retryLimit: definition.retryLimit,
				retryDelay: definition.retryDelaySeconds,
				retryBackoff: definition.retryBackoff ?? false,
			};
			if (existing) await this.boss.updateQueue(definition.name, policy);
			else await this.boss.createQueue(definition.name, policy);
			if (definition.cron && this.options.schedules !== false)
				await this.boss.schedule(definition.name, definition.cron, {});
		}
	}

	/** Starts workers for every defined job, each given `env`. */
	async work<Env>(env: Env, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
		for (const definition of this.definitions.values()) {
			const handle = definition.handle as unknown as JobDefinition<unknown, Env>["handle"];
			await this.boss.work(
				definition.name,
				{ includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 },
				async (jobs) => {
					for (const job of jobs) {
						try {
							await handle(env, job.data, { id: job.id, retryCount: job.retryCount });
						} catch (error) {
							this.log.warn({ err: error, job: definition.name, id: job.id }, "job failed, will retry if allowed");
							throw error;
						}
					}
				},
			);
		}
	}

	/** Enqueues on `db`, which may be a transaction: the job is then sent only if it commits. */
	async enqueue(db: Db, name: string, data: object, options: JobOptions = {}): Promise<string | null> {
		if (!this.definitions.has(name)) throw new Error(`Unknown job ${name}`);
		const sendOptions: PgBoss.SendOptions & { db: ReturnType<typeof executorOf> } = { db: executorOf(db) };
		if (options.retryLimit !== undefined) sendOptions.retryLimit = options.retryLimit;
		if (options.retryDelaySeconds !== undefined) sendOptions.retryDelay = options.retryDelaySeconds;
		if (options.retryBackoff !== undefined) sendOptions.retryBackoff = options.retryBackoff;
		if (options.startAfter !== undefined) sendOptions.startAfter = options.startAfter;
		if (options.singletonKey !== undefined) sendOptions.singletonKey = options.singletonKey;
		return this.boss.send(name, data, sendOptions);
	}

	/** Enqueues many jobs of one kind in one statement, on `db` (which may be a transaction). */
	async enqueueMany(db: Db, name: string, dataList: object[]): Promise<void> {
		if (!this.definitions.has(name)) throw new Error(`Unknown job ${name}`);
		if (dataList.length === 0) return;
		await this.boss.insert(
			dataList.map((data) => ({ name, data })),
			{ db: executorOf(db) } as never,
		);
	}

	async stop(): Promise<void> {
		await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
	}
}
