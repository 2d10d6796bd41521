// The outermost layout: the current page and the notification stack.
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { NotificationStack } from "../ui/notifications";

export function RootLayout() {
	const { t } = useTranslation();
	return (
		<>
			<Outlet />
			<NotificationStack closeLabel={t("common.close")} />
		</>
	);
}
