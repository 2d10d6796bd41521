// The settings area: a tab per section, each section its own lazily loaded page.
import { Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import { meQuery } from "../api/session";
import { PageHeader } from "../ui/PageHeader";

const SECTIONS = [
	{ key: "organization", to: "/settings/organization" },
	{ key: "departments", to: "/settings/departments" },
	{ key: "members", to: "/settings/members" },
	{ key: "apiKeys", to: "/settings/api-keys", permission: "apiKeys.manage" },
] as const;

export function SettingsLayout() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const { data: me } = useQuery(meQuery);
	const pathname = useRouterState({ select: (state) => state.location.pathname });
	const sections = SECTIONS.filter(
		(section) => !("permission" in section) || (me && hasPermission(me.role, section.permission)),
	);

	return (
		<>
			<PageHeader title={t("settings.title")} description={t("settings.intro")} />
			<Tabs
				value={sections.find((section) => pathname.startsWith(section.to))?.to ?? null}
				onChange={(value) => value && navigate({ to: value })}
				mb="lg"
			>
				<Tabs.List style={{ overflowX: "auto", flexWrap: "nowrap" }}>
					{sections.map((section) => (
						<Tabs.Tab key={section.key} value={section.to}>
							{t(`settings.${section.key}.tab`)}
						</Tabs.Tab>
					))}
				</Tabs.List>
			</Tabs>
			<Outlet />
		</>
	);
}
