// The interface every mention source implements (files today; review platforms and feeds later), and the
// registry that names them. A connector only reads; storing, dedupe and analysis are the importer's job.
import type { MentionDraft } from "../contract";

export type MentionConnector = {
	/** Stable name, e.g. "file" or "trustpilot". */
	name: string;
	/**
	 * Mentions newer than `cursor` (an opaque string the connector made earlier, null for everything it has).
	 * Drafts must already be valid MentionDrafts; the importer dedupes by (source, sourceId).
	 */
	fetchSince(cursor: string | null): AsyncIterable<MentionDraft>;
	/** The cursor to store after the run, so the next run starts where this one ended. */
	cursorAfter(drafts: MentionDraft[], previous: string | null): string | null;
};

export type MentionConnectorFactory = (config: unknown) => MentionConnector;

const registry = new Map<string, MentionConnectorFactory>();

export function registerMentionConnector(name: string, factory: MentionConnectorFactory): void {
	if (registry.has(name)) throw new Error(`Mention connector ${name} is registered twice`);
	registry.set(name, factory);
}

export function mentionConnector(name: string, config: unknown): MentionConnector {
	const factory = registry.get(name);
	if (!factory) throw new Error(`No mention connector named ${name}`);
	return factory(config);
}

export const mentionConnectorNames = (): string[] => [...registry.keys()].sort();

/** The newest publishedAt among the drafts (ISO), or the previous cursor: what time-ordered sources use. */
export function newestPublishedAt(drafts: MentionDraft[], previous: string | null): string | null {
	let newest = previous ? Date.parse(previous) : Number.NEGATIVE_INFINITY;
	for (const draft of drafts) newest = Math.max(newest, Date.parse(draft.publishedAt));
	return Number.isFinite(newest) ? new Date(newest).toISOString() : previous;
}
