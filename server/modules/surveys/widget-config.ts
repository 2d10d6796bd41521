// The widget config of a site (GET /api/v1/public/widget-config): its live widget surveys with their triggers —
// what the triggers in /loupe.js need and nothing more. Asked on every page view of every visitor, so cached
// per site in process memory for WIDGET_CONFIG_CACHE_MS (a new or changed distribution shows within that time).
import { z } from "@hono/zod-openapi";
import type { Db } from "../../platform/db";
import { WidgetTrigger } from "./contract";
import { findWidgetSurveysOfSite } from "./service/distributions";

export const WIDGET_CONFIG_CACHE_MS = 10_000;
const MAX_SITES = 5000;

export const WidgetConfigView = z.object({
	surveys: z.array(
		z.object({
			/** The widget distribution (sampling is drawn per distribution). */
			id: z.uuid(),
			slug: z.string(),
			position: z.string(),
			trigger: WidgetTrigger,
		}),
	),
});
export type WidgetConfigView = z.infer<typeof WidgetConfigView>;

const bySite = new Map<string, { loadedAtMs: number; view: WidgetConfigView }>();

export async function getWidgetConfig(db: Db, siteId: string, nowMs: number): Promise<WidgetConfigView> {
	const cached = bySite.get(siteId);
	if (cached && nowMs - cached.loadedAtMs < WIDGET_CONFIG_CACHE_MS && nowMs >= cached.loadedAtMs) return cached.view;
	const surveys = await findWidgetSurveysOfSite(db, siteId);
	const view = {
		surveys: surveys.map((s) => ({
			id: s.distributionId,
			slug: s.surveySlug,
			position: s.position,
			trigger: s.trigger,
		})),
	};
	if (bySite.size >= MAX_SITES) bySite.clear();
	bySite.set(siteId, { loadedAtMs: nowMs, view });
	return view;
}
