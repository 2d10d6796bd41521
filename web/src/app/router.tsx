// The route tree: public pages (sign-in, sign-up, invitation), the signed-in shell, and not-found.
import type { QueryClient } from "@tanstack/react-query";
import {
	createRootRouteWithContext,
	createRoute,
	createRouter,
	lazyRouteComponent,
	redirect,
} from "@tanstack/react-router";
import { queryClient, setSessionExpiredHandler } from "../api/query-client";
import { meQuery, meQueryKey } from "../api/session";
import { AcceptInvitationPage } from "../auth/AcceptInvitationPage";
import { SignInPage } from "../auth/SignInPage";
import { SignUpPage } from "../auth/SignUpPage";
import { JourneyPage } from "../journey/JourneyPage";
import { AppLayout } from "../shell/AppLayout";
import { NotFoundPage } from "../shell/NotFoundPage";
import { RootLayout } from "./RootLayout";

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
	component: RootLayout,
	notFoundComponent: NotFoundPage,
});

const redirectIfSignedIn = async ({ context }: { context: { queryClient: QueryClient } }) => {
	if (await context.queryClient.ensureQueryData(meQuery)) throw redirect({ to: "/journey" });
};

const signInRoute = createRoute({
	getParentRoute: () => rootRoute,
	path: "/sign-in",
	validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
		typeof search.redirect === "string" && search.redirect.startsWith("/") ? { redirect: search.redirect } : {},
	beforeLoad: redirectIfSignedIn,
	component: SignInPage,
});

const signUpRoute = createRoute({
	getParentRoute: () => rootRoute,
	path: "/sign-up",
	beforeLoad: redirectIfSignedIn,
	component: SignUpPage,
});

const invitationRoute = createRoute({
	getParentRoute: () => rootRoute,
	path: "/invitation/$token",
	component: AcceptInvitationPage,
});

/** A shared dashboard, read-only and without sign-in (also what the server's PNG/PDF export opens). */
const shareRoute = createRoute({
	getParentRoute: () => rootRoute,
	path: "/share/$token",
	validateSearch: (search: Record<string, unknown>): { lang?: string; export?: string } => ({
		...(typeof search.lang === "string" ? { lang: search.lang } : {}),
		...(search.export !== undefined ? { export: String(search.export) } : {}),
	}),
	component: lazyRouteComponent(() => import("../insights/dashboards/SharePage"), "SharePage"),
});

const appRoute = createRoute({
	getParentRoute: () => rootRoute,
	id: "app",
	beforeLoad: async ({ context, location }) => {
		const me = await context.queryClient.ensureQueryData(meQuery);
		if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
		return { me };
	},
	component: AppLayout,
});

const homeRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/",
	beforeLoad: () => {
		throw redirect({ to: "/journey" });
	},
});

export const journeyRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/journey",
	validateSearch: (search: Record<string, unknown>): { journey?: string } =>
		typeof search.journey === "string" ? { journey: search.journey } : {},
	component: JourneyPage,
});

const feedbackRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/feedback",
	component: lazyRouteComponent(() => import("../feedback/FeedbackLayout"), "FeedbackLayout"),
});

const feedbackIndexRoute = createRoute({
	getParentRoute: () => feedbackRoute,
	path: "/",
	beforeLoad: () => {
		throw redirect({ to: "/feedback/responses" });
	},
});

const feedbackResponsesRoute = createRoute({
	getParentRoute: () => feedbackRoute,
	path: "responses",
	validateSearch: (
		search: Record<string, unknown>,
	): { survey?: string; response?: string; touchpoint?: string; from?: string; to?: string } => ({
		...(typeof search.survey === "string" ? { survey: search.survey } : {}),
		...(typeof search.response === "string" ? { response: search.response } : {}),
		...(typeof search.touchpoint === "string" ? { touchpoint: search.touchpoint } : {}),
		...(typeof search.from === "string" ? { from: search.from } : {}),
		...(typeof search.to === "string" ? { to: search.to } : {}),
	}),
	component: lazyRouteComponent(() => import("../feedback/responses/ResponseExplorer"), "ResponseExplorer"),
});

const feedbackSurveysRoute = createRoute({
	getParentRoute: () => feedbackRoute,
	path: "surveys",
	component: lazyRouteComponent(() => import("../feedback/surveys/SurveyListPage"), "SurveyListPage"),
});

const surveyBuilderRoute = createRoute({
	getParentRoute: () => feedbackRoute,
	path: "surveys/$surveyId",
	validateSearch: (search: Record<string, unknown>): { tab?: string } =>
		typeof search.tab === "string" ? { tab: search.tab } : {},
	component: lazyRouteComponent(() => import("../feedback/surveys/SurveyBuilderPage"), "SurveyBuilderPage"),
});

const feedbackMentionsRoute = createRoute({
	getParentRoute: () => feedbackRoute,
	path: "mentions",
	component: lazyRouteComponent(() => import("../feedback/mentions/MentionsPage"), "MentionsPage"),
});

const feedbackOutreachRoute = createRoute({
	getParentRoute: () => feedbackRoute,
	path: "outreach",
	validateSearch: (search: Record<string, unknown>): { survey?: string } =>
		typeof search.survey === "string" ? { survey: search.survey } : {},
	component: lazyRouteComponent(() => import("../feedback/outreach/OutreachPage"), "OutreachPage"),
});

const topicsRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/topics",
	component: lazyRouteComponent(() => import("../text/TextLayout"), "TextLayout"),
});

const topicsIndexRoute = createRoute({
	getParentRoute: () => topicsRoute,
	path: "/",
	beforeLoad: () => {
		throw redirect({ to: "/topics/themes" });
	},
});

const topicsThemesRoute = createRoute({
	getParentRoute: () => topicsRoute,
	path: "themes",
	validateSearch: (search: Record<string, unknown>): { newTheme?: string } =>
		typeof search.newTheme === "string" ? { newTheme: search.newTheme } : {},
	component: lazyRouteComponent(() => import("../text/ThemesPage"), "ThemesPage"),
});

const topicsEmergingRoute = createRoute({
	getParentRoute: () => topicsRoute,
	path: "emerging",
	component: lazyRouteComponent(() => import("../text/EmergingTopicsPage"), "EmergingTopicsPage"),
});

const topicsModelsRoute = createRoute({
	getParentRoute: () => topicsRoute,
	path: "models",
	component: lazyRouteComponent(() => import("../text/ModelsPage"), "ModelsPage"),
});

const behaviourRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/behaviour",
	component: lazyRouteComponent(() => import("../behaviour/BehaviourPage"), "BehaviourPage"),
});

const casesRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/cases",
	component: lazyRouteComponent(() => import("../cases/CasesLayout"), "CasesLayout"),
});

const casesInboxRoute = createRoute({
	getParentRoute: () => casesRoute,
	path: "/",
	component: lazyRouteComponent(() => import("../cases/inbox/InboxPage"), "InboxPage"),
});

const caseDetailRoute = createRoute({
	getParentRoute: () => casesRoute,
	path: "$caseId",
	component: lazyRouteComponent(() => import("../cases/inbox/InboxPage"), "InboxPage"),
});

const casesMetricsRoute = createRoute({
	getParentRoute: () => casesRoute,
	path: "metrics",
	component: lazyRouteComponent(() => import("../cases/metrics/CaseMetricsPage"), "CaseMetricsPage"),
});

const casesSettingsRoute = createRoute({
	getParentRoute: () => casesRoute,
	path: "settings",
	component: lazyRouteComponent(() => import("../cases/settings/CaseSettingsPage"), "CaseSettingsPage"),
});

const insightsRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/insights",
	component: lazyRouteComponent(() => import("../insights/InsightsLayout"), "InsightsLayout"),
});

const insightsDashboardRoute = createRoute({
	getParentRoute: () => insightsRoute,
	path: "/",
	component: lazyRouteComponent(() => import("../insights/dashboards/DashboardPage"), "DashboardPage"),
});

const insightsKpisRoute = createRoute({
	getParentRoute: () => insightsRoute,
	path: "kpis",
	component: lazyRouteComponent(() => import("../insights/kpis/KpisPage"), "KpisPage"),
});

const insightsJourneyMapRoute = createRoute({
	getParentRoute: () => insightsRoute,
	path: "journey-map",
	component: lazyRouteComponent(() => import("../insights/journey-map/JourneyMapPage"), "JourneyMapPage"),
});

const insightsAlertsRoute = createRoute({
	getParentRoute: () => insightsRoute,
	path: "alerts",
	component: lazyRouteComponent(() => import("../insights/alerts/AlertsPage"), "AlertsPage"),
});

const insightsDriversRoute = createRoute({
	getParentRoute: () => insightsRoute,
	path: "drivers",
	component: lazyRouteComponent(() => import("../insights/drivers/DriversPage"), "DriversPage"),
});

const settingsRoute = createRoute({
	getParentRoute: () => appRoute,
	path: "/settings",
	component: lazyRouteComponent(() => import("../settings/SettingsLayout"), "SettingsLayout"),
});

const settingsIndexRoute = createRoute({
	getParentRoute: () => settingsRoute,
	path: "/",
	beforeLoad: () => {
		throw redirect({ to: "/settings/organization" });
	},
});

const organizationSettingsRoute = createRoute({
	getParentRoute: () => settingsRoute,
	path: "organization",
	component: lazyRouteComponent(() => import("../settings/OrganizationSettings"), "OrganizationSettings"),
});

const departmentSettingsRoute = createRoute({
	getParentRoute: () => settingsRoute,
	path: "departments",
	component: lazyRouteComponent(() => import("../settings/DepartmentSettings"), "DepartmentSettings"),
});

const memberSettingsRoute = createRoute({
	getParentRoute: () => settingsRoute,
	path: "members",
	component: lazyRouteComponent(() => import("../settings/MemberSettings"), "MemberSettings"),
});

const apiKeySettingsRoute = createRoute({
	getParentRoute: () => settingsRoute,
	path: "api-keys",
	component: lazyRouteComponent(() => import("../settings/ApiKeySettings"), "ApiKeySettings"),
});

const routeTree = rootRoute.addChildren([
	signInRoute,
	signUpRoute,
	invitationRoute,
	shareRoute,
	appRoute.addChildren([
		homeRoute,
		journeyRoute,
		feedbackRoute.addChildren([
			feedbackIndexRoute,
			feedbackResponsesRoute,
			feedbackSurveysRoute,
			surveyBuilderRoute,
			feedbackMentionsRoute,
			feedbackOutreachRoute,
		]),
		topicsRoute.addChildren([topicsIndexRoute, topicsThemesRoute, topicsEmergingRoute, topicsModelsRoute]),
		behaviourRoute,
		insightsRoute.addChildren([
			insightsDashboardRoute,
			insightsKpisRoute,
			insightsJourneyMapRoute,
			insightsDriversRoute,
			insightsAlertsRoute,
		]),
		casesRoute.addChildren([casesInboxRoute, caseDetailRoute, casesMetricsRoute, casesSettingsRoute]),
		settingsRoute.addChildren([
			settingsIndexRoute,
			organizationSettingsRoute,
			departmentSettingsRoute,
			memberSettingsRoute,
			apiKeySettingsRoute,
		]),
	]),
]);

export const router = createRouter({
	routeTree,
	context: { queryClient },
	defaultPreload: "intent",
	scrollRestoration: true,
});

setSessionExpiredHandler(() => {
	if (queryClient.getQueryData(meQueryKey) === null) return;
	queryClient.setQueryData(meQueryKey, null);
	router.navigate({ to: "/sign-in", search: { redirect: router.state.location.href } });
});

declare module "@tanstack/react-router" {
	interface Register {
		router: typeof router;
	}
}
