// Aggregated results of one survey's completed responses: score summary, breakdown by a hidden field, and
// answer counts per question. For employee surveys every group below EMPLOYEE_MIN_GROUP_SIZE is suppressed.
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/context";
import { invalid } from "../../../platform/errors";
import { EMPLOYEE_MIN_GROUP_SIZE, type Question, type ScoreType } from "../../surveys/contract";
import { getCurrentVersion, getSurveyInOrg } from "../../surveys/service/load";
import type { ScoreSummaryView, SurveyResultsQuery, SurveyResultsView } from "../contract";
import { responses } from "../schema";

type GroupCounts = { key: string | null; scoreGroup: string | null; n: number; scoreSum: number; scored: number };

const TOP_BOX: Record<ScoreType, string> = { nps: "promoter", csat: "satisfied", ces: "easy" };

function summary(type: ScoreType, rows: GroupCounts[]): ScoreSummaryView {
	const groupCounts: Record<string, number> = {};
	let scored = 0;
	let sum = 0;
	for (const row of rows) {
		if (row.scoreGroup) groupCounts[row.scoreGroup] = (groupCounts[row.scoreGroup] ?? 0) + row.n;
		scored += row.scored;
		sum += row.scoreSum;
	}
	const share = (group: string) => (scored > 0 ? ((groupCounts[group] ?? 0) / scored) * 100 : 0);
	const round = (v: number) => Math.round(v * 10) / 10;
	return {
		type,
		n: scored,
		average: scored > 0 ? round(sum / scored) : null,
		// NPS = % promoters − % detractors (Reichheld 2003).
		nps: type === "nps" && scored > 0 ? round(share("promoter") - share("detractor")) : null,
		topBoxShare: type !== "nps" && scored > 0 ? round(share(TOP_BOX[type])) : null,
		groupCounts,
	};
}

async function answerCounts(ctx: Ctx, where: SQL | undefined, question: Question) {
	const answered = and(where, sql`${responses.answers} ? ${question.id}`);
	const [total] = await ctx.db
		.select({ n: sql<number>`count(*)`.mapWith(Number) })
		.from(responses)
		.where(answered);
	if (question.type === "open_text") return { answered: total?.n ?? 0, counts: [] };
	const answer = sql`${responses.answers} -> ${question.id}`;
	// Lists and matrix objects are unnested per option / per row ("row:point") before counting.
	const query =
		question.type === "multiple_choice"
			? sql`select e.value as value, count(*)::int as count from ${responses}
				cross join lateral jsonb_array_elements_text(case when jsonb_typeof(${answer}) = 'array' then ${answer} else '[]'::jsonb end) as e(value)
				where ${answered} group by e.value`
			: question.type === "matrix"
				? sql`select e.key || ':' || e.value as value, count(*)::int as count from ${responses}
				cross join lateral jsonb_each_text(case when jsonb_typeof(${answer}) = 'object' then ${answer} else '{}'::jsonb end) as e(key, value)
				where ${answered} group by 1`
				: sql`select ${responses.answers} ->> ${question.id} as value, count(*)::int as count from ${responses}
				where ${answered} group by 1`;
	const result = (await ctx.db.execute(query)) as unknown as { rows: { value: string; count: number }[] };
	return {
		answered: total?.n ?? 0,
		counts: result.rows
			.map((row) => ({ value: String(row.value), count: Number(row.count) }))
			.sort((a, b) => a.value.localeCompare(b.value, "en", { numeric: true })),
	};
}

export async function getSurveyResults(
	ctx: Ctx,
	surveyId: string,
	query: SurveyResultsQuery,
): Promise<SurveyResultsView> {
	const survey = await getSurveyInOrg(ctx.db, ctx.organizationId, surveyId);
	const version = await getCurrentVersion(ctx.db, survey);
	if (query.groupBy && !survey.hiddenFields.includes(query.groupBy)) {
		throw invalid("groupBy: not a hidden field of this survey", {
			fields: [{ field: "groupBy", message: "Not a hidden field of this survey" }],
		});
	}
	const minGroupSize = survey.audience === "employee" ? EMPLOYEE_MIN_GROUP_SIZE : 1;
	const where = and(
		eq(responses.organizationId, ctx.organizationId),
		eq(responses.surveyId, surveyId),
		eq(responses.completed, true),
		query.from ? gte(responses.submittedAt, new Date(query.from)) : undefined,
		query.to ? lt(responses.submittedAt, new Date(query.to)) : undefined,
	);
	const key = query.groupBy ? sql<string | null>`${responses.hiddenFields} ->> ${query.groupBy}` : sql<null>`null`;
	const rows: GroupCounts[] = await ctx.db
		.select({
			key,
			scoreGroup: responses.scoreGroup,
			n: sql<number>`count(*)`.mapWith(Number),
			scoreSum: sql<number>`coalesce(sum(${responses.score}), 0)`.mapWith(Number),
			scored: sql<number>`count(${responses.score})`.mapWith(Number),
		})
		.from(responses)
		.where(where)
		.groupBy(sql`1`, responses.scoreGroup);
	const scoreType: ScoreType | undefined =
		survey.kind === "custom"
			? (version.content.questions.find((q) => q.type === "nps" || q.type === "csat" || q.type === "ces")?.type as
					| ScoreType
					| undefined)
			: survey.kind;
	const groupView = (groupKey: string | null, members: GroupCounts[]) => {
		const n = members.reduce((total, r) => total + r.n, 0);
		const suppressed = n < minGroupSize;
		return {
			key: groupKey,
			suppressed,
			n: suppressed ? null : n,
			score: suppressed || !scoreType ? null : summary(scoreType, members),
		};
	};
	const total = groupView(null, rows);
	const byKey = new Map<string | null, GroupCounts[]>();
	for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
	const groups = query.groupBy ? [...byKey].map(([k, members]) => groupView(k, members)) : [];
	const questions = [];
	for (const question of version.content.questions) {
		const counted = total.suppressed ? undefined : await answerCounts(ctx, where, question);
		const suppressed = !counted || counted.answered < minGroupSize;
		questions.push({
			questionId: question.id,
			type: question.type,
			suppressed,
			answered: suppressed ? null : (counted?.answered ?? 0),
			counts: suppressed ? [] : (counted?.counts ?? []),
		});
	}
	return { surveyId, audience: survey.audience, minGroupSize, total, groups, questions };
}
