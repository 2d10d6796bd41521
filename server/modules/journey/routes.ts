// HTTP routes of the journey model: journeys, stages, touchpoints.
import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../platform/http";
import {
	CreateJourneyInput,
	CreateStageInput,
	CreateTouchpointInput,
	JourneyDetailView,
	JourneyView,
	ReorderStagesInput,
	ReorderTouchpointsInput,
	TouchpointQuery,
	TouchpointView,
	UpdateJourneyInput,
	UpdateStageInput,
	UpdateTouchpointInput,
} from "./contract";
import { createJourney, deleteJourney, findJourneys, getJourney, updateJourney } from "./service/journeys";
import { addStage, deleteStage, reorderStages, updateStage } from "./service/stages";
import {
	addTouchpoint,
	deleteTouchpoint,
	findTouchpoints,
	reorderTouchpoints,
	updateTouchpoint,
} from "./service/touchpoints";

const tags = ["Journey"];
const JourneyParam = z.object({ journeyId: z.uuid() });
const StageParam = JourneyParam.extend({ stageId: z.uuid() });
const TouchpointParam = JourneyParam.extend({ touchpointId: z.uuid() });
const detail = (description: string) => ({ 200: jsonResponse(JourneyDetailView, description), ...errorResponses });

export const journeyRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/journeys",
			tags,
			summary: "Journeys, newest first, with stage and touchpoint counts",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(JourneyView), "A page of journeys"), ...errorResponses },
		}),
		async (c) => c.json(await findJourneys(ctxOf(c), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/journeys",
			tags,
			summary: "Create a journey (optionally with the seven standard stages)",
			request: jsonBody(CreateJourneyInput),
			responses: { 201: jsonResponse(JourneyDetailView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createJourney(ctxOf(c, "journey.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/journeys/{journeyId}",
			tags,
			summary: "A journey with its stages and touchpoints in order",
			request: { params: JourneyParam },
			responses: detail("The journey"),
		}),
		async (c) => c.json(await getJourney(ctxOf(c), c.req.valid("param").journeyId), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/journeys/{journeyId}",
			tags,
			summary: "Rename or describe a journey",
			request: { params: JourneyParam, ...jsonBody(UpdateJourneyInput) },
			responses: detail("Updated"),
		}),
		async (c) =>
			c.json(await updateJourney(ctxOf(c, "journey.write"), c.req.valid("param").journeyId, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/journeys/{journeyId}",
			tags,
			summary: "Delete a journey with its stages and touchpoints",
			request: { params: JourneyParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteJourney(ctxOf(c, "journey.write"), c.req.valid("param").journeyId);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/journeys/{journeyId}/stages",
			tags,
			summary: "Add a stage (at the end, or at `position`)",
			request: { params: JourneyParam, ...jsonBody(CreateStageInput) },
			responses: { 201: jsonResponse(JourneyDetailView, "Added"), ...errorResponses },
		}),
		async (c) =>
			c.json(await addStage(ctxOf(c, "journey.write"), c.req.valid("param").journeyId, c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "put",
			path: "/api/v1/journeys/{journeyId}/stage-order",
			tags,
			summary: "Set the order of all stages",
			request: { params: JourneyParam, ...jsonBody(ReorderStagesInput) },
			responses: detail("Reordered"),
		}),
		async (c) =>
			c.json(await reorderStages(ctxOf(c, "journey.write"), c.req.valid("param").journeyId, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/journeys/{journeyId}/stages/{stageId}",
			tags,
			summary: "Rename or describe a stage",
			request: { params: StageParam, ...jsonBody(UpdateStageInput) },
			responses: detail("Updated"),
		}),
		async (c) => {
			const { journeyId, stageId } = c.req.valid("param");
			return c.json(await updateStage(ctxOf(c, "journey.write"), journeyId, stageId, c.req.valid("json")), 200);
		},
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/journeys/{journeyId}/stages/{stageId}",
			tags,
			summary: "Delete an empty stage",
			request: { params: StageParam },
			responses: detail("Deleted; the journey as it is now"),
		}),
		async (c) => {
			const { journeyId, stageId } = c.req.valid("param");
			return c.json(await deleteStage(ctxOf(c, "journey.write"), journeyId, stageId), 200);
		},
	)
	.openapi(
		createRoute({
			method: "put",
			path: "/api/v1/journeys/{journeyId}/stages/{stageId}/touchpoint-order",
			tags,
			summary: "Set the order of a stage's touchpoints (ids from other stages are moved here)",
			request: { params: StageParam, ...jsonBody(ReorderTouchpointsInput) },
			responses: detail("Reordered"),
		}),
		async (c) => {
			const { journeyId, stageId } = c.req.valid("param");
			return c.json(await reorderTouchpoints(ctxOf(c, "journey.write"), journeyId, stageId, c.req.valid("json")), 200);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/journeys/{journeyId}/touchpoints",
			tags,
			summary: "Add a touchpoint to a stage",
			request: { params: JourneyParam, ...jsonBody(CreateTouchpointInput) },
			responses: { 201: jsonResponse(JourneyDetailView, "Added"), ...errorResponses },
		}),
		async (c) =>
			c.json(await addTouchpoint(ctxOf(c, "journey.write"), c.req.valid("param").journeyId, c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/journeys/{journeyId}/touchpoints/{touchpointId}",
			tags,
			summary: "Edit a touchpoint (name, channel, owner, URL patterns) or move it to another stage",
			request: { params: TouchpointParam, ...jsonBody(UpdateTouchpointInput) },
			responses: detail("Updated"),
		}),
		async (c) => {
			const { journeyId, touchpointId } = c.req.valid("param");
			return c.json(
				await updateTouchpoint(ctxOf(c, "journey.write"), journeyId, touchpointId, c.req.valid("json")),
				200,
			);
		},
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/journeys/{journeyId}/touchpoints/{touchpointId}",
			tags,
			summary: "Delete a touchpoint",
			request: { params: TouchpointParam },
			responses: detail("Deleted; the journey as it is now"),
		}),
		async (c) => {
			const { journeyId, touchpointId } = c.req.valid("param");
			return c.json(await deleteTouchpoint(ctxOf(c, "journey.write"), journeyId, touchpointId), 200);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/touchpoints",
			tags,
			summary: "Touchpoints of the organization by name, filtered by journey, stage, department or channel",
			request: { query: TouchpointQuery },
			responses: { 200: jsonResponse(pageOf(TouchpointView), "A page of touchpoints"), ...errorResponses },
		}),
		async (c) => c.json(await findTouchpoints(ctxOf(c), c.req.valid("query")), 200),
	);
