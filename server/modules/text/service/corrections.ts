// A person corrects a comment's sentiment, intents or themes: the row is updated at once and the
// correction kept as a labelled example of the organization (text stored with personal data masked).
import { redactPii } from "../../../../lib/text/pii";
import type { Ctx } from "../../../platform/context";
import { notFound } from "../../../platform/errors";
import { recordAudit } from "../../admin/service/audit";
import type { CorrectionInput } from "../contract";
import { textCorrections } from "../schema";
import { analysisTarget } from "../targets";

export async function correctAnalysis(ctx: Ctx, input: CorrectionInput): Promise<void> {
	const target = analysisTarget(input.targetKind);
	if (!target) throw notFound("Feedback");
	const { targetKind, targetId, ...labels } = input;
	await ctx.db.transaction(async (tx) => {
		const subject = await target.applyCorrection(tx, ctx.organizationId, targetId, labels);
		if (!subject) throw notFound("Feedback");
		const row = {
			organizationId: ctx.organizationId,
			targetKind,
			targetId,
			text: redactPii(subject.text).text,
			language: subject.language,
			sentiment: labels.sentiment ?? null,
			intents: labels.intents ?? null,
			themes: labels.themes ?? null,
			correctedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
			createdAt: ctx.now,
		};
		await tx
			.insert(textCorrections)
			.values(row)
			.onConflictDoUpdate({
				target: [textCorrections.organizationId, textCorrections.targetKind, textCorrections.targetId],
				set: {
					...(labels.sentiment ? { sentiment: labels.sentiment } : {}),
					...(labels.intents ? { intents: labels.intents } : {}),
					...(labels.themes ? { themes: labels.themes } : {}),
					correctedBy: row.correctedBy,
					createdAt: ctx.now,
				},
			});
		await recordAudit(tx, ctx, "text.corrected", { type: targetKind, id: targetId }, labels);
	});
}
