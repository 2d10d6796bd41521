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
	appRoute.addChildren([
		homeRoute,
		journeyRoute,
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
