// HTTP routes of the closed loop with the customer: reply templates, the message thread (reply by email, public
// note), follow-ups, feedback reply state and the unanswered inbox, the inbound-mail secret, and metrics.
import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import {
	CaseMetricsQuery,
	CaseMetricsView,
	CreateReplyTemplateInput,
	FollowUpList,
	InboundSecretView,
	InboundSettingsView,
	PublicNoteInput,
	PublicNoteView,
	ReplyTemplateList,
	ReplyTemplateView,
	SendCaseMessageInput,
	SetReplyStateInput,
	SetReplyStateView,
	ThreadMessagePage,
	ThreadMessagesQuery,
	ThreadMessageView,
	UnansweredPage,
	UnansweredQuery,
	UpdateReplyTemplateInput,
} from "../contract-loop";
import { findCaseFollowUps } from "../service/follow-up";
import { getInboundSettings, rotateInboundSecret } from "../service/inbound-settings";
import { publishCaseEvents } from "../service/live";
import { sendCaseReply } from "../service/messages";
import { addPublicNote } from "../service/messages-public-note";
import { findCaseThread } from "../service/messages-view";
import { getCaseMetrics } from "../service/metrics";
import { setReplyState } from "../service/reply-state";
import { findUnansweredFeedback } from "../service/reply-state-unanswered";
import {
	createReplyTemplate,
	deleteReplyTemplate,
	findReplyTemplates,
	updateReplyTemplate,
} from "../service/templates";

const tags = ["Cases"];
const CaseParam = z.object({ id: z.uuid() });
const TemplateParam = z.object({ templateId: z.uuid() });

export const caseLoopRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/metrics",
			tags,
			summary: "Closed-loop metrics of the cases created in [from, to), optionally of one department",
			request: { query: CaseMetricsQuery },
			responses: { 200: jsonResponse(CaseMetricsView, "Metrics"), ...errorResponses },
		}),
		async (c) => c.json(await getCaseMetrics(ctxOf(c, "read"), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/unanswered",
			tags,
			summary: "Feedback nobody answered yet (responses with a comment, mentions), newest first, per department",
			request: { query: UnansweredQuery },
			responses: { 200: jsonResponse(UnansweredPage, "A page of unanswered feedback"), ...errorResponses },
		}),
		async (c) => c.json(await findUnansweredFeedback(ctxOf(c, "cases.read"), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/feedback/reply-state",
			tags,
			summary: "Acknowledge feedback in bulk (or undo an acknowledgement); answered feedback is left alone",
			request: jsonBody(SetReplyStateInput),
			responses: { 200: jsonResponse(SetReplyStateView, "How many changed"), ...errorResponses },
		}),
		async (c) => c.json(await setReplyState(ctxOf(c, "cases.work"), c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/reply-templates",
			tags,
			summary: "Reply templates (a German and an English default are made on first use) and their variables",
			responses: { 200: jsonResponse(ReplyTemplateList, "Templates"), ...errorResponses },
		}),
		async (c) => c.json(await findReplyTemplates(ctxOf(c, "cases.read")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/reply-templates",
			tags,
			summary: "Create a reply template; unknown {{variables}} are refused",
			request: jsonBody(CreateReplyTemplateInput),
			responses: { 201: jsonResponse(ReplyTemplateView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createReplyTemplate(ctxOf(c, "cases.manage"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/cases/reply-templates/{templateId}",
			tags,
			summary: "Change a reply template",
			request: { params: TemplateParam, ...jsonBody(UpdateReplyTemplateInput) },
			responses: { 200: jsonResponse(ReplyTemplateView, "Changed"), ...errorResponses },
		}),
		async (c) =>
			c.json(
				await updateReplyTemplate(ctxOf(c, "cases.manage"), c.req.valid("param").templateId, c.req.valid("json")),
				200,
			),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/cases/reply-templates/{templateId}",
			tags,
			summary: "Delete a reply template",
			request: { params: TemplateParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteReplyTemplate(ctxOf(c, "cases.manage"), c.req.valid("param").templateId);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/inbound-settings",
			tags,
			summary: "The inbound-mail webhook: its address, whether a secret is set, the reply-address pattern",
			responses: { 200: jsonResponse(InboundSettingsView, "Settings"), ...errorResponses },
		}),
		async (c) => c.json(await getInboundSettings(ctxOf(c, "cases.manage"), c.get("services").config), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/inbound-secret",
			tags,
			summary: "A new secret for the inbound-mail webhook (shown once; the old one stops working)",
			responses: { 201: jsonResponse(InboundSecretView, "The new secret"), ...errorResponses },
		}),
		async (c) => c.json(await rotateInboundSecret(ctxOf(c, "cases.manage"), c.get("services").config), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/{id}/messages",
			tags,
			summary: "The case's thread, oldest first: notes, emails with their delivery, customer replies, public notes",
			request: { params: CaseParam, query: ThreadMessagesQuery },
			responses: { 200: jsonResponse(ThreadMessagePage, "A page of the thread"), ...errorResponses },
		}),
		async (c) =>
			c.json(await findCaseThread(ctxOf(c, "cases.read"), c.req.valid("param").id, c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/{id}/messages",
			tags,
			summary: "Reply to the customer by email (a body or a template); the case then waits on the customer",
			description:
				"The email goes out through the email job (retried with backoff; the delivery shows on the message) with " +
				"the case's reply address as Reply-To, so the customer's answer comes back into the thread. A customer " +
				"without an email address → 400.",
			request: { params: CaseParam, ...jsonBody(SendCaseMessageInput) },
			responses: {
				201: jsonResponse(ThreadMessageView, "Queued"),
				409: { description: "The case is closed" },
				...errorResponses,
			},
		}),
		async (c) => {
			const { config, live, log } = c.get("services");
			const sent = await sendCaseReply(ctxOf(c, "cases.work"), config, c.req.valid("param").id, c.req.valid("json"));
			await publishCaseEvents(live, "case.message", [sent.caseRow], log);
			return c.json(sent.message, 201);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/cases/{id}/public-note",
			tags,
			summary: "A public reply to a review or post, stored for the agent to post there (Loupe does not post)",
			request: { params: CaseParam, ...jsonBody(PublicNoteInput) },
			responses: { 201: jsonResponse(PublicNoteView, "Stored"), ...errorResponses },
		}),
		async (c) => {
			const { live, log } = c.get("services");
			const posted = await addPublicNote(ctxOf(c, "cases.work"), c.req.valid("param").id, c.req.valid("json"));
			await publishCaseEvents(live, "case.message", [posted.caseRow], log);
			return c.json(posted.note, 201);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/cases/{id}/follow-ups",
			tags,
			summary: "The 'was your issue solved?' follow-ups of a case and their answers",
			request: { params: CaseParam },
			responses: { 200: jsonResponse(FollowUpList, "Follow-ups, newest first"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c, "cases.read");
			return c.json(await findCaseFollowUps(ctx.db, ctx.organizationId, c.req.valid("param").id), 200);
		},
	);
