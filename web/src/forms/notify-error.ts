// Turns any failed request into a translated notification (title by error code, the server's message below).
import type { TFunction } from "i18next";
import { isApiError } from "../api/client";
import { notify } from "../ui/notifications";

const KNOWN_CODES = ["invalid", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "network"];

export function notifyError(error: unknown, t: TFunction, title?: string) {
	if (!isApiError(error)) {
		notify("error", title ?? t("errors.title.internal"));
		return;
	}
	const code = KNOWN_CODES.includes(error.code) ? error.code : "internal";
	notify("error", title ?? t(`errors.title.${code}`), error.code === "network" ? t("errors.network") : error.message);
}
