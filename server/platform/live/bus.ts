// Live updates for the web app (new responses, analyses, cases, alerts). In one process an in-memory
// emitter; on PostgreSQL every node also LISTENs on one channel, so an event published on any node (or
// by any worker) reaches the browsers connected to every node. Publish after the transaction committed.
import { EventEmitter } from "node:events";
import pg from "pg";
import type { Logger } from "../logging";

export type LiveEvent = { type: string; organizationId: string; data: Record<string, unknown> };
type Listener = (event: LiveEvent) => void;

const CHANNEL = "loupe_live";
// NOTIFY payloads are limited to 8000 bytes; larger events carry only ids and the client refetches.
const MAX_PAYLOAD = 7500;

export class LiveBus {
	private readonly local = new EventEmitter();
	private listenClient: pg.Client | undefined;
	private notifyPool: pg.Pool | undefined;

	constructor(private readonly log: Logger) {
		this.local.setMaxListeners(0);
	}

	/** On PostgreSQL: relay events between processes through LISTEN/NOTIFY. */
	async connect(connectionString: string | undefined): Promise<void> {
		if (!connectionString) return;
		this.notifyPool = new pg.Pool({ connectionString, max: 2 });
		this.notifyPool.on("error", (error) => this.log.warn({ err: error }, "idle live-notify connection closed"));
		this.listenClient = new pg.Client({ connectionString });
		await this.listenClient.connect();
		this.listenClient.on("notification", (message) => {
			if (!message.payload) return;
			try {
				this.local.emit("event", JSON.parse(message.payload) as LiveEvent);
			} catch (error) {
				this.log.warn({ err: error }, "unreadable live event");
			}
		});
		this.listenClient.on("error", (error) => this.log.error({ err: error }, "live listener failed"));
		await this.listenClient.query(`LISTEN ${CHANNEL}`);
	}

	async publish(event: LiveEvent): Promise<void> {
		if (!this.notifyPool) {
			this.local.emit("event", event);
			return;
		}
		let payload = JSON.stringify(event);
		if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ ...event, data: { truncated: true } });
		await this.notifyPool.query("select pg_notify($1, $2)", [CHANNEL, payload]);
	}

	/** Subscribes to one organization's events; returns the unsubscribe function. */
	subscribe(organizationId: string, listener: Listener): () => void {
		const filtered = (event: LiveEvent) => {
			if (event.organizationId === organizationId) listener(event);
		};
		this.local.on("event", filtered);
		return () => this.local.off("event", filtered);
	}

	async close(): Promise<void> {
		this.local.removeAllListeners();
		await this.listenClient?.end().catch(() => {});
		await this.notifyPool?.end().catch(() => {});
	}
}
