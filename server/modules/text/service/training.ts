// Retraining an organization's sentiment model from its corrections: fine-tune the model in use on four
// fifths of the corrections, score both on the held-back fifth, and switch only when the new one is not worse.
import { createHash } from "node:crypto";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Page, PageQuery } from "../../../../lib/api/pagination";
import { fineTuneSentimentModel } from "../../../../lib/text/fine-tune";
import type { SentimentLabel } from "../../../../lib/text/sentiment";
import {
	evaluateSentimentModel,
	type SentimentExample,
	serializeSentimentModel,
} from "../../../../lib/text/train-sentiment";
import type { Ctx } from "../../../platform/context";
import type { Db } from "../../../platform/db";
import { conflict } from "../../../platform/errors";
import { afterCursor, toPage } from "../../../platform/pagination";
import { recordAudit } from "../../admin/service/audit";
import type { ModelView } from "../contract";
import { type ModelMetrics, textCorrections, textModels } from "../schema";
import { modelsForOrganization } from "./models";

export const TRAIN_JOB = "text.train";
export const MIN_CORRECTIONS = 20;
type ModelRow = typeof textModels.$inferSelect;

const toView = (row: ModelRow): ModelView => ({
	id: row.id,
	language: row.language,
	status: row.status,
	examples: row.examples,
	metrics: row.metrics ?? null,
	error: row.error,
	createdAt: row.createdAt.toISOString(),
	finishedAt: row.finishedAt?.toISOString() ?? null,
});

export async function requestTraining(ctx: Ctx, language: string): Promise<ModelView> {
	return ctx.db.transaction(async (tx) => {
		const [busy] = await tx
			.select({ id: textModels.id })
			.from(textModels)
			.where(and(eq(textModels.organizationId, ctx.organizationId), eq(textModels.status, "training")));
		if (busy) throw conflict("A model is already being trained");
		const [row] = await tx
			.insert(textModels)
			.values({
				organizationId: ctx.organizationId,
				language,
				status: "training",
				requestedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
				createdAt: ctx.now,
			})
			.returning();
		if (!row) throw new Error("model row not written");
		await ctx.jobs.enqueue(tx, TRAIN_JOB, { modelId: row.id });
		await recordAudit(tx, ctx, "text.training.requested", { type: "textModel", id: row.id }, { language });
		return toView(row);
	});
}

/** Deterministic split: about one correction in five is held back for the before/after comparison. */
const isHeldBack = (id: string) => (createHash("sha256").update(id).digest()[0] ?? 0) % 5 === 0;

const scores = (report: { accuracy: number; macroF1: number }) => ({
	accuracy: Math.round(report.accuracy * 1000) / 1000,
	macroF1: Math.round(report.macroF1 * 1000) / 1000,
});

export async function trainOrganizationModel(db: Db, modelId: string): Promise<ModelRow | undefined> {
	const [row] = await db.select().from(textModels).where(eq(textModels.id, modelId));
	if (row?.status !== "training") return row;
	const corrections = await db
		.select({ id: textCorrections.id, text: textCorrections.text, sentiment: textCorrections.sentiment })
		.from(textCorrections)
		.where(
			and(
				eq(textCorrections.organizationId, row.organizationId),
				eq(textCorrections.language, row.language),
				isNotNull(textCorrections.sentiment),
			),
		);
	const finish = async (set: Partial<ModelRow>) => {
		const [done] = await db
			.update(textModels)
			.set({ ...set, finishedAt: new Date() })
			.where(eq(textModels.id, modelId))
			.returning();
		return done;
	};
	if (corrections.length < MIN_CORRECTIONS) {
		return finish({
			status: "failed",
			examples: corrections.length,
			error: `Needs at least ${MIN_CORRECTIONS} corrected sentiments in this language; there are ${corrections.length}.`,
		});
	}
	const examples = corrections.map((c) => ({ id: c.id, text: c.text, label: c.sentiment as SentimentLabel }));
	let heldBack = examples.filter((e) => isHeldBack(e.id));
	if (heldBack.length < 4) heldBack = examples.slice(-4);
	const training: SentimentExample[] = examples.filter((e) => !heldBack.includes(e));
	const current = (await modelsForOrganization(db, row.organizationId))[row.language];
	if (!current) return finish({ status: "failed", error: `No model for language ${row.language}` });
	const candidate = fineTuneSentimentModel(current, training, { seed: 1 });
	const metrics: ModelMetrics = {
		heldOut: heldBack.length,
		before: scores(evaluateSentimentModel(current, heldBack)),
		after: scores(evaluateSentimentModel(candidate, heldBack)),
	};
	const isNotWorse =
		metrics.after.accuracy >= metrics.before.accuracy && metrics.after.macroF1 >= metrics.before.macroF1;
	const weights = JSON.stringify(
		serializeSentimentModel(candidate, { fineTunedOn: training.length, organizationId: row.organizationId }),
	);
	return db.transaction(async (tx) => {
		if (isNotWorse) {
			await tx
				.update(textModels)
				.set({ status: "retired" })
				.where(
					and(
						eq(textModels.organizationId, row.organizationId),
						eq(textModels.language, row.language),
						eq(textModels.status, "active"),
					),
				);
		}
		const [done] = await tx
			.update(textModels)
			.set({
				status: isNotWorse ? "active" : "rejected",
				metrics,
				examples: training.length,
				weights: isNotWorse ? weights : null,
				finishedAt: new Date(),
			})
			.where(eq(textModels.id, modelId))
			.returning();
		return done;
	});
}

export async function failTraining(db: Db, modelId: string, error: unknown): Promise<void> {
	await db
		.update(textModels)
		.set({
			status: "failed",
			error: String(error instanceof Error ? error.message : error).slice(0, 500),
			finishedAt: new Date(),
		})
		.where(eq(textModels.id, modelId));
}

export async function findModels(ctx: Ctx, query: PageQuery): Promise<Page<ModelView>> {
	const rows = await ctx.db
		.select()
		.from(textModels)
		.where(
			and(
				eq(textModels.organizationId, ctx.organizationId),
				afterCursor(query.cursor, { column: textModels.createdAt, kind: "time" }, textModels.id, "desc"),
			),
		)
		.orderBy(desc(textModels.createdAt), desc(textModels.id))
		.limit(query.limit + 1);
	return toPage(rows, query.limit, toView, (r) => [r.createdAt, r.id]);
}
