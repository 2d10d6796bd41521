// Shared setup of the survey and response tests: an organization with a journey, a touchpoint, a site, and a
// helper that creates and publishes a survey through the API.
import type { TestApp } from "../../test/harness";

export type SurveyOrg = Awaited<ReturnType<typeof setUpSurveyOrg>>;

export async function setUpSurveyOrg(t: TestApp, name: string, email: string) {
	const owner = await t.signUp(name, email);
	const call = (method: string, path: string, body?: unknown) => t.call(method, path, { cookie: owner.cookie, body });
	const journey = (await call("POST", "/api/v1/journeys", { name: "Journey", standardStages: "de" })).json;
	const stageId: string = journey.stages[2].id;
	const withTouchpoint = await call("POST", `/api/v1/journeys/${journey.id}/touchpoints`, {
		stageId,
		name: "Checkout",
		channel: "checkout",
	});
	const touchpointId: string = withTouchpoint.json.stages[2].touchpoints[0].id;
	const site = await call("POST", "/api/v1/sites", {
		name: "Shop",
		allowedOrigins: ["https://shop.example", "http://localhost:*"],
	});
	async function liveSurvey(body: Record<string, unknown>) {
		const created = await call("POST", "/api/v1/surveys", { touchpointId, ...body });
		if (created.status !== 201) throw new Error(`survey not created: ${created.text}`);
		const published = await call("POST", `/api/v1/surveys/${created.json.id}/publish`);
		if (published.status !== 200) throw new Error(`survey not published: ${published.text}`);
		return published.json as { id: string; slug: string; version: { id: string } };
	}
	return {
		...owner,
		call,
		journeyId: journey.id as string,
		stageId,
		touchpointId,
		siteId: site.json.id as string,
		siteKey: site.json.publicKey as string,
		liveSurvey,
	};
}

/** A JSON submission to the public endpoint. */
export function submit(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
	return t.call("POST", "/api/v1/public/responses", { body, headers });
}
