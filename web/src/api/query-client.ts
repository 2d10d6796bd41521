// The one React Query client: no retries on 4xx, and an expired session sends the user to sign-in.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./client";

let onSessionExpired: () => void = () => {};

/** Registered by the router: where to go when a request answers 401. */
export function setSessionExpiredHandler(handler: () => void) {
	onSessionExpired = handler;
}

const checkSession = (error: unknown) => {
	if (isApiError(error) && error.status === 401) onSessionExpired();
};

export const queryClient = new QueryClient({
	queryCache: new QueryCache({ onError: checkSession }),
	mutationCache: new MutationCache({ onError: checkSession }),
	defaultOptions: {
		queries: {
			staleTime: 30_000,
			refetchOnWindowFocus: false,
			retry: (failureCount, error) =>
				!(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
		},
	},
});
