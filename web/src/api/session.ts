// Who is signed in (GET /me) and the session actions: sign in/up/out, switch organization, language.
import type {
	AcceptInvitationInput,
	Locale,
	MeView,
	SignInInput,
	SignUpInput,
} from "../../../server/modules/admin/contract";
import { ApiError, api } from "./client";
import { queryClient } from "./query-client";

export const meQueryKey = ["me"] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<MeView | null> {
	try {
		return await api<MeView>("GET", "/me");
	} catch (error) {
		if (error instanceof ApiError && error.status === 401) return null;
		throw error;
	}
}

export const meQuery = { queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 };

const startSession = (me: MeView) => {
	queryClient.clear();
	queryClient.setQueryData(meQueryKey, me);
	return me;
};

export const signIn = async (input: SignInInput) => startSession(await api<MeView>("POST", "/auth/sign-in", input));
export const signUp = async (input: SignUpInput) => startSession(await api<MeView>("POST", "/auth/sign-up", input));
export const acceptInvitation = async (input: AcceptInvitationInput) =>
	startSession(await api<MeView>("POST", "/auth/accept-invitation", input));
export const switchOrganization = async (organizationId: string) =>
	startSession(await api<MeView>("POST", "/auth/switch-organization", { organizationId }));

export async function signOut() {
	await api<void>("POST", "/auth/sign-out");
	queryClient.clear();
	queryClient.setQueryData(meQueryKey, null);
}

export async function saveLocale(locale: Locale) {
	const me = await api<MeView>("PATCH", "/me", { locale });
	queryClient.setQueryData(meQueryKey, me);
	return me;
}
