// The cases area: the inbox, closed-loop metrics and (for admins) the settings, one tab each.
import { Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import { meQuery } from "../api/session";
import { PageHeader } from "../ui/PageHeader";

const SECTIONS = [
	{ key: "inbox", to: "/cases", permission: "cases.read" },
	{ key: "metrics", to: "/cases/metrics", permission: "read" },
	{ key: "settings", to: "/cases/settings", permission: "cases.manage" },
] as const;

export function CasesLayout() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const { data: me } = useQuery(meQuery);
	const pathname = useRouterState({ select: (state) => state.location.pathname });
	const sections = SECTIONS.filter((section) => me && hasPermission(me.role, section.permission));
	const current =
		sections.find((section) => section.key !== "inbox" && pathname.startsWith(section.to))?.to ??
		(sections.some((section) => section.key === "inbox") ? "/cases" : null);

	return (
		<>
			<PageHeader title={t("cases.title")} description={t("cases.intro")} />
			<Tabs value={current} onChange={(value) => value && navigate({ to: value })} mb="md">
				<Tabs.List style={{ overflowX: "auto", flexWrap: "nowrap" }}>
					{sections.map((section) => (
						<Tabs.Tab key={section.key} value={section.to}>
							{t(`cases.tabs.${section.key}`)}
						</Tabs.Tab>
					))}
				</Tabs.List>
			</Tabs>
			<Outlet />
		</>
	);
}
