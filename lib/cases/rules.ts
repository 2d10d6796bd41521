// Case rules as pure functions: does a piece of feedback meet a rule's conditions, which rule wins (the first
// enabled one by position), and which agent gets the next case (round robin: the least recently assigned).

export type RuleConditions = {
	scoreType?: "nps" | "csat" | "ces";
	maxScore?: number;
	sentiments?: readonly string[];
	intents?: readonly string[];
	themes?: readonly string[];
	touchpointIds?: readonly string[];
	keywords?: readonly string[];
	minCustomerValueCents?: number;
	customerValueAttribute?: string;
	sources?: readonly ("response" | "mention")[];
};

export type FeedbackFacts = {
	source: "response" | "mention";
	scoreType: string | null;
	score: number | null;
	sentiment: string | null;
	intents: readonly string[];
	themes: readonly string[];
	touchpointId: string | null;
	text: string | null;
	/** The contact's attributes, when the feedback is from a known contact. */
	contactAttributes: Record<string, unknown> | null;
};

export const DEFAULT_CUSTOMER_VALUE_ATTRIBUTE = "valueCents";

/** The customer's value in cents from a numeric contact attribute (a number or a numeric string), else null. */
export function customerValueCents(facts: FeedbackFacts, attribute = DEFAULT_CUSTOMER_VALUE_ATTRIBUTE): number | null {
	const raw = facts.contactAttributes?.[attribute];
	const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
	return Number.isFinite(value) ? value : null;
}

const overlaps = (wanted: readonly string[] | undefined, actual: readonly string[]) =>
	wanted === undefined || wanted.some((w) => actual.includes(w));

/** Every given condition holds (absent conditions hold for everything). */
export function matchesRule(conditions: RuleConditions, facts: FeedbackFacts): boolean {
	if (conditions.sources && !conditions.sources.includes(facts.source)) return false;
	if (conditions.scoreType !== undefined) {
		if (facts.scoreType !== conditions.scoreType || facts.score === null) return false;
		if (conditions.maxScore !== undefined && facts.score > conditions.maxScore) return false;
	}
	if (conditions.sentiments && (facts.sentiment === null || !conditions.sentiments.includes(facts.sentiment))) {
		return false;
	}
	if (!overlaps(conditions.intents, facts.intents)) return false;
	if (!overlaps(conditions.themes, facts.themes)) return false;
	if (
		conditions.touchpointIds &&
		(facts.touchpointId === null || !conditions.touchpointIds.includes(facts.touchpointId))
	) {
		return false;
	}
	if (conditions.keywords) {
		const text = (facts.text ?? "").toLocaleLowerCase();
		if (!conditions.keywords.some((k) => text.includes(k.toLocaleLowerCase()))) return false;
	}
	if (conditions.minCustomerValueCents !== undefined) {
		const value = customerValueCents(facts, conditions.customerValueAttribute);
		if (value === null || value < conditions.minCustomerValueCents) return false;
	}
	return true;
}

export type RankedRule<R> = R & { enabled: boolean; position: number; conditions: RuleConditions };

/** The first enabled rule by position (ties by the order given) whose conditions hold, or undefined. */
export function firstMatchingRule<R>(rules: readonly RankedRule<R>[], facts: FeedbackFacts): RankedRule<R> | undefined {
	return [...rules]
		.filter((r) => r.enabled)
		.sort((a, b) => a.position - b.position)
		.find((r) => matchesRule(r.conditions, facts));
}

/**
 * Round robin that stays fair across restarts and nodes: the agent whose last assignment is oldest (never
 * assigned first), ties broken by user id so the choice is deterministic. `lastAssignedMs` is updated in place.
 */
export function pickLeastRecentlyAssigned(
	agentIds: readonly string[],
	lastAssignedMs: Map<string, number>,
	nowMs: number,
) {
	const ordered = [...agentIds].sort((a, b) => {
		const la = lastAssignedMs.get(a) ?? Number.NEGATIVE_INFINITY;
		const lb = lastAssignedMs.get(b) ?? Number.NEGATIVE_INFINITY;
		return la === lb ? (a < b ? -1 : a > b ? 1 : 0) : la - lb;
	});
	const chosen = ordered[0];
	// Later than every recorded assignment, so that a batch of cases opened at one instant goes round.
	const latest = Math.max(nowMs, ...[...lastAssignedMs.values()].map((ms) => ms + 1));
	if (chosen !== undefined) lastAssignedMs.set(chosen, latest);
	return chosen;
}
