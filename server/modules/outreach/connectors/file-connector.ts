// The file connector: mentions read from an uploaded CSV or JSON file (already validated), as a connector,
// so that uploads and future live sources go through the same importer.
import type { MentionDraft } from "../contract";
import { type MentionConnector, newestPublishedAt, registerMentionConnector } from "./connector";

export function fileMentionConnector(drafts: MentionDraft[]): MentionConnector {
	return {
		name: "file",
		async *fetchSince(cursor) {
			const since = cursor ? Date.parse(cursor) : Number.NEGATIVE_INFINITY;
			for (const draft of drafts) if (Date.parse(draft.publishedAt) > since) yield draft;
		},
		cursorAfter: newestPublishedAt,
	};
}

registerMentionConnector("file", (config) => fileMentionConnector((config as { drafts: MentionDraft[] }).drafts));
