// The sentiment models an organization's feedback is analysed with: the shipped ones (models/), replaced
// per language by the organization's own retrained model once one is active.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import type { TextModels } from "../../../../lib/text/analyze";
import { loadSentimentModel, type SentimentModel, type SentimentModelJson } from "../../../../lib/text/sentiment";
import type { Db } from "../../../platform/db";
import { textModels } from "../schema";

export function shippedModelsDir(): string {
	return (
		process.env.LOUPE_MODELS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../models")
	);
}

let shipped: TextModels | undefined;

/** Reads models/sentiment-<lang>.json once per process. */
export function loadShippedModels(dir = shippedModelsDir()): TextModels {
	if (shipped && dir === shippedModelsDir()) return shipped;
	const models: Record<string, SentimentModel> = {};
	for (const file of fs.readdirSync(dir)) {
		const match = /^sentiment-([a-z]{2})\.json$/.exec(file);
		if (!match?.[1]) continue;
		models[match[1]] = loadSentimentModel(
			JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as SentimentModelJson,
		);
	}
	if (Object.keys(models).length === 0) throw new Error(`no sentiment-*.json models in ${dir}`);
	if (dir === shippedModelsDir()) shipped = models;
	return models;
}

// Per organization: the ids of its active models and the loaded models, so a switch is seen at the next job.
const organizationModels = new Map<string, { key: string; models: TextModels }>();

export async function modelsForOrganization(db: Db, organizationId: string): Promise<TextModels> {
	const active = await db
		.select({ id: textModels.id, language: textModels.language })
		.from(textModels)
		.where(and(eq(textModels.organizationId, organizationId), eq(textModels.status, "active")));
	const base = loadShippedModels();
	if (active.length === 0) return base;
	const key = active
		.map((m) => m.id)
		.sort()
		.join(",");
	const cached = organizationModels.get(organizationId);
	if (cached?.key === key) return cached.models;
	const models: Record<string, SentimentModel> = { ...base };
	for (const { id, language } of active) {
		const [row] = await db.select({ weights: textModels.weights }).from(textModels).where(eq(textModels.id, id));
		if (row?.weights) models[language] = loadSentimentModel(JSON.parse(row.weights) as SentimentModelJson);
	}
	organizationModels.set(organizationId, { key, models });
	return models;
}
