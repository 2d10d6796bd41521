// HTTP routes of email campaigns (with stats and invitations) and of the outreach settings.
import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import {
	CreateEmailCampaignInput,
	EmailCampaignView,
	InvitationQuery,
	InvitationView,
	OutreachSettingsView,
	UpdateOutreachSettingsInput,
	WebhookSecretView,
} from "../contract";
import {
	createEmailCampaign,
	findCampaignInvitations,
	findEmailCampaigns,
	getEmailCampaign,
} from "../service/campaigns";
import { getOutreachSettings, rotateWebhookSecret, updateOutreachSettings } from "../service/settings";

const tags = ["Email campaigns"];
const IdParam = z.object({ id: z.uuid() });

export const campaignRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/email-campaigns",
			tags,
			summary: "Email campaigns, newest first, with their stats",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(EmailCampaignView), "A page of campaigns"), ...errorResponses },
		}),
		async (c) => c.json(await findEmailCampaigns(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/email-campaigns",
			tags,
			summary: "Invite a contact list to a live survey by email (now or at sendAt; optional one reminder)",
			description:
				"One email per contact in the contact's language, with a personal single-use link and, for NPS/CSAT/CES, " +
				"the first question as score links. Unsubscribed and bounced contacts and those invited within the " +
				"organization's contact cap are skipped and counted.",
			request: jsonBody(CreateEmailCampaignInput),
			responses: { 201: jsonResponse(EmailCampaignView, "Scheduled"), ...errorResponses },
		}),
		async (c) => c.json(await createEmailCampaign(ctxOf(c, "outreach.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/email-campaigns/{id}",
			tags,
			summary: "A campaign with its stats (sent, failed, bounced, clicked, responded, unsubscribed, skipped)",
			request: { params: IdParam },
			responses: { 200: jsonResponse(EmailCampaignView, "The campaign"), ...errorResponses },
		}),
		async (c) => c.json(await getEmailCampaign(ctxOf(c), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/email-campaigns/{id}/invitations",
			tags,
			summary: "The campaign's invitations: one per contact, with delivery and response",
			request: { params: IdParam, query: InvitationQuery },
			responses: { 200: jsonResponse(pageOf(InvitationView), "A page of invitations"), ...errorResponses },
		}),
		async (c) =>
			c.json(
				await findCampaignInvitations(ctxOf(c, "outreach.read"), c.req.valid("param").id, c.req.valid("query")),
				200,
			),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/outreach/settings",
			tags,
			summary: "Outreach settings: contact cap and webhook",
			responses: { 200: jsonResponse(OutreachSettingsView, "The settings"), ...errorResponses },
		}),
		async (c) => c.json(await getOutreachSettings(ctxOf(c), c.get("services").config.publicUrl), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/outreach/settings",
			tags,
			summary: "Set the contact cap (at most one invitation per contact within N days; 0 = none)",
			request: jsonBody(UpdateOutreachSettingsInput),
			responses: { 200: jsonResponse(OutreachSettingsView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(
				await updateOutreachSettings(
					ctxOf(c, "organization.write"),
					c.req.valid("json"),
					c.get("services").config.publicUrl,
				),
				200,
			),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/outreach/webhook-secret",
			tags,
			summary: "Make a new secret for POST /api/v1/public/email-events (shown once; the old one stops working)",
			responses: { 201: jsonResponse(WebhookSecretView, "The new secret"), ...errorResponses },
		}),
		async (c) => c.json(await rotateWebhookSecret(ctxOf(c, "organization.write")), 201),
	);
