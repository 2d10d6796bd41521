// Reads the feedback a case is about (responses, mentions) with its analysis and the contact behind it. These
// rows belong to the responses and outreach modules: read here by id with plain SQL, never written.
import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db";

export type FeedbackRow = {
	kind: "response" | "mention";
	id: string;
	organizationId: string;
	at: Date;
	submittedAt: Date | null;
	touchpointId: string | null;
	scoreType: string | null;
	score: number | null;
	text: string | null;
	sentiment: string | null;
	intents: string[];
	themes: string[];
	language: string | null;
	/** A comment still waiting for its analysis (rules run once it is stored). */
	isAnalysisPending: boolean;
	isCustomerFeedback: boolean;
	contactId: string | null;
	customerEmail: string | null;
	customerName: string | null;
	contactLanguage: string | null;
	contactAttributes: Record<string, unknown> | null;
	sessionId: string | null;
	visitorId: string | null;
	source: string | null;
	url: string | null;
};

type Raw = Record<string, unknown>;

const idList = (ids: string[]) =>
	sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `,
	);

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const asJson = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
const themeKeys = (v: unknown): string[] => {
	const list = asJson(v);
	return Array.isArray(list)
		? list.map((t) => (t && typeof t === "object" ? String((t as { theme?: unknown }).theme ?? "") : String(t)))
		: [];
};
const textArray = (v: unknown): string[] => {
	if (Array.isArray(v)) return v.map(String);
	if (typeof v === "string") {
		const inner = v.replace(/^\{|\}$/g, "");
		return inner ? inner.split(",").map((s) => s.replace(/^"|"$/g, "")) : [];
	}
	return [];
};

function toFeedback(kind: "response" | "mention", r: Raw): FeedbackRow {
	return {
		kind,
		id: String(r.id),
		organizationId: String(r.organization_id),
		at: asDate(r.at),
		submittedAt: r.submitted_at ? asDate(r.submitted_at) : null,
		touchpointId: (r.touchpoint_id as string | null) ?? null,
		scoreType: (r.score_type as string | null) ?? null,
		score: r.score === null || r.score === undefined ? null : Number(r.score),
		text: (r.text as string | null) ?? null,
		sentiment: (r.sentiment as string | null) ?? null,
		intents: textArray(r.intents),
		themes: themeKeys(r.themes),
		language: (r.language as string | null) ?? null,
		isAnalysisPending: r.analysis_status === "pending" && !!String(r.text ?? "").trim(),
		isCustomerFeedback: r.is_customer === true || r.is_customer === "t",
		contactId: (r.contact_id as string | null) ?? null,
		customerEmail: (r.email as string | null) ?? null,
		customerName: (r.name as string | null) ?? null,
		contactLanguage: (r.contact_language as string | null) ?? null,
		contactAttributes: (asJson(r.attributes) as Record<string, unknown> | null) ?? null,
		sessionId: (r.session_id as string | null) ?? null,
		visitorId: (r.visitor_id as string | null) ?? null,
		source: (r.source as string | null) ?? null,
		url: (r.url as string | null) ?? null,
	};
}

async function rows(db: Db | Tx, query: SQL): Promise<Raw[]> {
	return ((await db.execute(query)) as unknown as { rows: Raw[] }).rows;
}

/** Completed responses by id (the ledger finds the partition), optionally only of one organization. */
export async function loadResponses(db: Db | Tx, ids: string[], organizationId?: string): Promise<FeedbackRow[]> {
	if (ids.length === 0) return [];
	const result = await rows(
		db,
		sql`select r.id, r.organization_id, coalesce(r.completed_at, r.submitted_at) as at, r.submitted_at, r.touchpoint_id,
			r.score_type, r.score, r.comment as text, r.sentiment, r.intents, r.themes, r.language, r.analysis_status,
			r.audience = 'customer' as is_customer, r.contact_id, c.email, c.name, c.language as contact_language,
			c.attributes, r.session_id, r.visitor_id, null as source, null as url
		from response_keys k
		join responses r on r.id = k.id and r.submitted_at = k.submitted_at
		left join contacts c on c.id = r.contact_id and c.organization_id = r.organization_id
		where k.id in (${idList(ids)}) and r.completed
			${organizationId ? sql`and k.organization_id = ${organizationId}` : sql``}`,
	);
	return result.map((r) => toFeedback("response", r));
}

export async function loadMentions(db: Db | Tx, ids: string[], organizationId?: string): Promise<FeedbackRow[]> {
	if (ids.length === 0) return [];
	const result = await rows(
		db,
		sql`select m.id, m.organization_id, m.published_at as at, null as submitted_at, m.touchpoint_id,
			null as score_type, m.rating as score, m.text, m.sentiment, m.intents, m.themes, m.language, m.analysis_status,
			true as is_customer, null as contact_id, null as email, m.author as name, null as contact_language,
			null as attributes, null as session_id, null as visitor_id, m.source, m.url
		from mentions m
		where m.id in (${idList(ids)}) ${organizationId ? sql`and m.organization_id = ${organizationId}` : sql``}`,
	);
	return result.map((r) => toFeedback("mention", r));
}

export const loadFeedback = (db: Db | Tx, kind: "response" | "mention", ids: string[], organizationId?: string) =>
	kind === "response" ? loadResponses(db, ids, organizationId) : loadMentions(db, ids, organizationId);

/** The owning department of each touchpoint (journey module rows, read by id within the organization). */
export async function touchpointDepartments(
	db: Db | Tx,
	organizationId: string,
	touchpointIds: string[],
): Promise<Map<string, string | null>> {
	const unique = [...new Set(touchpointIds)];
	if (unique.length === 0) return new Map();
	const result = await rows(
		db,
		sql`select id, department_id from touchpoints where organization_id = ${organizationId} and id in (${idList(unique)})`,
	);
	return new Map(result.map((r) => [String(r.id), (r.department_id as string | null) ?? null]));
}

/** Other completed responses of the same contact (or, without one, the same visitor), newest first. */
export async function findCustomerResponses(db: Db | Tx, organizationId: string, feedback: FeedbackRow, limit = 20) {
	if (!feedback.contactId && !feedback.visitorId) return [];
	const who = feedback.contactId
		? sql`r.contact_id = ${feedback.contactId}`
		: sql`r.visitor_id = ${feedback.visitorId}`;
	const result = await rows(
		db,
		sql`select r.id, coalesce(r.completed_at, r.submitted_at) as at, r.touchpoint_id, r.score_type, r.score,
			r.comment, r.sentiment from responses r
		where r.organization_id = ${organizationId} and ${who} and r.completed and r.id <> ${feedback.id}
		order by r.submitted_at desc limit ${limit}`,
	);
	return result.map((r) => ({
		id: String(r.id),
		at: asDate(r.at).toISOString(),
		touchpointId: String(r.touchpoint_id),
		scoreType: (r.score_type as string | null) ?? null,
		score: r.score === null || r.score === undefined ? null : Number(r.score),
		comment: (r.comment as string | null) ?? null,
		sentiment: (r.sentiment as string | null) ?? null,
	}));
}

/** Whether the ids are responses/mentions of the organization (for linking a manual case). */
export async function isFeedbackInOrg(db: Db | Tx, organizationId: string, kind: "response" | "mention", id: string) {
	const found = await loadFeedback(db, kind, [id], organizationId);
	return found[0];
}
