// The topics area (text analytics): themes with trend and taxonomy, emerging topics, models and re-analysis.
import "../feedback/feedback.css";
import { Tabs } from "@mantine/core";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../ui/PageHeader";

const SECTIONS = [
	{ key: "themes", to: "/topics/themes" },
	{ key: "emerging", to: "/topics/emerging" },
	{ key: "models", to: "/topics/models" },
] as const;

export function TextLayout() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const pathname = useRouterState({ select: (state) => state.location.pathname });
	return (
		<>
			<PageHeader title={t("text.title")} description={t("text.intro")} />
			<Tabs
				value={SECTIONS.find((section) => pathname.startsWith(section.to))?.to ?? null}
				onChange={(value) => value && navigate({ to: value })}
				mb="lg"
			>
				<Tabs.List style={{ overflowX: "auto", flexWrap: "nowrap" }}>
					{SECTIONS.map((section) => (
						<Tabs.Tab key={section.key} value={section.to}>
							{t(`text.tabs.${section.key}`)}
						</Tabs.Tab>
					))}
				</Tabs.List>
			</Tabs>
			<Outlet />
		</>
	);
}
