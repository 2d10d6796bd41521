// The insights area: a tab per view — the executive dashboard, KPIs, the journey map, key drivers and alerts.
import { Tabs } from "@mantine/core";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../ui/PageHeader";

const SECTIONS = [
	{ key: "dashboard", to: "/insights" },
	{ key: "kpis", to: "/insights/kpis" },
	{ key: "journeyMap", to: "/insights/journey-map" },
	{ key: "drivers", to: "/insights/drivers" },
	{ key: "alerts", to: "/insights/alerts" },
] as const;

export function InsightsLayout() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const pathname = useRouterState({ select: (state) => state.location.pathname }).replace(/\/$/, "");
	const current = SECTIONS.find((s) => s.to !== "/insights" && pathname.startsWith(s.to))?.to ?? "/insights";
	return (
		<>
			<PageHeader title={t("insights.title")} description={t("insights.intro")} />
			<Tabs value={current} onChange={(value) => value && navigate({ to: value })} mb="lg">
				<Tabs.List style={{ overflowX: "auto", flexWrap: "nowrap" }}>
					{SECTIONS.map((section) => (
						<Tabs.Tab key={section.key} value={section.to} data-testid={`insights-tab-${section.key}`}>
							{t(`insights.tabs.${section.key}`)}
						</Tabs.Tab>
					))}
				</Tabs.List>
			</Tabs>
			<Outlet />
		</>
	);
}
