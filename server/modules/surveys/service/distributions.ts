// Distributions: the ways a survey reaches people (link, QR code, website widget, email), each recorded with
// its settings; the live widget surveys of a site for the widget loader; QR images of the public page.
import { and, desc, eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import { actorId } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import { getSiteInOrg } from "../../admin/service/sites";
import type { CreateDistributionInput, DistributionView, WidgetSurveyView } from "../contract";
import { surveyDistributions, surveys } from "../schema";
import { getSurveyInOrg, publicPageUrl, type SurveyCtx } from "./load";

type DistributionRow = typeof surveyDistributions.$inferSelect;

/** The public page as the QR code's target: `src=qr` records the channel of responses that come through it. */
export const qrTargetUrl = (publicUrl: string, slug: string) => `${publicPageUrl(publicUrl, slug)}?src=qr`;

function toView(row: DistributionRow, slug: string, publicUrl: string): DistributionView {
	const url =
		row.kind === "link" ? publicPageUrl(publicUrl, slug) : row.kind === "qr" ? qrTargetUrl(publicUrl, slug) : null;
	return {
		id: row.id,
		surveyId: row.surveyId,
		kind: row.kind,
		name: row.name,
		url,
		siteId: row.siteId,
		trigger: row.trigger,
		position: row.position,
		embedFirstQuestion: row.embedFirstQuestion,
		createdAt: row.createdAt.toISOString(),
	};
}

export async function createDistribution(
	ctx: SurveyCtx,
	surveyId: string,
	input: CreateDistributionInput,
): Promise<DistributionView> {
	return ctx.db.transaction(async (tx) => {
		const survey = await getSurveyInOrg(tx, ctx.organizationId, surveyId);
		if (input.kind === "widget") await getSiteInOrg(tx, ctx.organizationId, input.siteId);
		const [row] = await tx
			.insert(surveyDistributions)
			.values({
				organizationId: ctx.organizationId,
				surveyId,
				kind: input.kind,
				name: input.name ?? null,
				siteId: input.kind === "widget" ? input.siteId : null,
				trigger: input.kind === "widget" ? input.trigger : null,
				position: input.kind === "widget" ? input.position : null,
				embedFirstQuestion: input.kind === "email" ? input.embedFirstQuestion : null,
				createdBy: actorId(ctx.actor),
				createdAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("distribution not written");
		await recordAudit(tx, ctx, "survey.distribution_created", { type: "survey_distribution", id: row.id }, input);
		return toView(row, survey.slug, ctx.publicUrl);
	});
}

export async function findDistributions(
	ctx: SurveyCtx,
	surveyId: string,
	query: PageQuery,
): Promise<Page<DistributionView>> {
	const survey = await getSurveyInOrg(ctx.db, ctx.organizationId, surveyId);
	const rows = await ctx.db
		.select()
		.from(surveyDistributions)
		.where(
			and(
				eq(surveyDistributions.organizationId, ctx.organizationId),
				eq(surveyDistributions.surveyId, surveyId),
				afterCursor(
					query.cursor,
					{ column: surveyDistributions.createdAt, kind: "time" },
					surveyDistributions.id,
					"desc",
				),
			),
		)
		.orderBy(desc(surveyDistributions.createdAt), desc(surveyDistributions.id))
		.limit(query.limit + 1);
	return toPage(
		rows,
		query.limit,
		(r) => toView(r, survey.slug, ctx.publicUrl),
		(r) => [r.createdAt, r.id],
	);
}

/** The live widget surveys of a site with their triggers (bounded: a site has few). */
export async function findWidgetSurveysOfSite(db: Db, siteId: string): Promise<WidgetSurveyView[]> {
	const rows = await db
		.select({ distribution: surveyDistributions, slug: surveys.slug })
		.from(surveyDistributions)
		.innerJoin(surveys, eq(surveys.id, surveyDistributions.surveyId))
		.where(
			and(
				eq(surveyDistributions.siteId, siteId),
				eq(surveyDistributions.kind, "widget"),
				eq(surveys.status, "live"),
				eq(surveys.organizationId, surveyDistributions.organizationId),
			),
		)
		.orderBy(desc(surveyDistributions.createdAt))
		.limit(50);
	return rows.flatMap(({ distribution, slug }) =>
		distribution.trigger
			? [
					{
						distributionId: distribution.id,
						surveySlug: slug,
						trigger: distribution.trigger,
						position: distribution.position ?? "bottom-right",
					},
				]
			: [],
	);
}

/** The QR code of the survey's public page, as PNG bytes or SVG text. */
export async function surveyQrCode(ctx: SurveyCtx, surveyId: string, format: "png" | "svg"): Promise<Buffer | string> {
	const survey = await getSurveyInOrg(ctx.db, ctx.organizationId, surveyId);
	const url = qrTargetUrl(ctx.publicUrl, survey.slug);
	const options = { errorCorrectionLevel: "M" as const, margin: 2 };
	return format === "png"
		? QRCode.toBuffer(url, { ...options, width: 512 })
		: QRCode.toString(url, { ...options, type: "svg" });
}
