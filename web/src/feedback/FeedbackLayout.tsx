// The feedback area: a tab per section (responses, surveys, mentions, contacts & campaigns); the survey builder uses the full page.
import "./feedback.css";
import { Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import { meQuery } from "../api/session";
import { PageHeader } from "../ui/PageHeader";

const SECTIONS = [
	{ key: "responses", to: "/feedback/responses" },
	{ key: "surveys", to: "/feedback/surveys" },
	{ key: "mentions", to: "/feedback/mentions" },
	{ key: "outreach", to: "/feedback/outreach", permission: "outreach.read" },
] as const;

export function FeedbackLayout() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const { data: me } = useQuery(meQuery);
	const pathname = useRouterState({ select: (state) => state.location.pathname });
	const sections = SECTIONS.filter(
		(section) => !("permission" in section) || (me && hasPermission(me.role, section.permission)),
	);
	if (/^\/feedback\/surveys\/[^/]+/.test(pathname)) return <Outlet />;

	return (
		<>
			<PageHeader title={t("feedback.title")} description={t("feedback.intro")} />
			<Tabs
				value={sections.find((section) => pathname.startsWith(section.to))?.to ?? null}
				onChange={(value) => value && navigate({ to: value })}
				mb="lg"
			>
				<Tabs.List style={{ overflowX: "auto", flexWrap: "nowrap" }}>
					{sections.map((section) => (
						<Tabs.Tab key={section.key} value={section.to}>
							{t(`feedback.tabs.${section.key}`)}
						</Tabs.Tab>
					))}
				</Tabs.List>
			</Tabs>
			<Outlet />
		</>
	);
}
