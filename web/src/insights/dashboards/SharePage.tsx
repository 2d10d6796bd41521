// The public, read-only view of a shared dashboard (/share/:token): no sign-in, no navigation. The server's export
// opens this page too and waits for <html data-dashboard-ready> before it captures it.
import "./dashboards.css";
import { Alert, Group, Stack, Text, Title } from "@mantine/core";
import { useParams, useSearch } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../../i18n/i18n";
import { Logo } from "../../shell/Logo";
import { LoadingState } from "../../ui/QueryState";
import { DashboardGrid } from "./DashboardGrid";
import { useSharedDashboardData } from "./dashboards-api";

export function SharePage() {
	const { t, i18n } = useTranslation();
	const { token } = useParams({ from: "/share/$token" });
	const { lang } = useSearch({ from: "/share/$token" });
	const data = useSharedDashboardData(token);
	useEffect(() => {
		if (isLanguage(lang) && i18n.language !== lang) void i18n.changeLanguage(lang);
	}, [lang, i18n]);
	useEffect(() => {
		if (data.isPending) return;
		// Two frames: the charts have drawn (they render synchronously, without animation) before the flag is set.
		const frame = requestAnimationFrame(() =>
			requestAnimationFrame(() => {
				document.documentElement.dataset.dashboardReady = data.isError ? "error" : "true";
			}),
		);
		return () => cancelAnimationFrame(frame);
	}, [data.isPending, data.isError]);

	return (
		<main className="loupe-share-page">
			<Group justify="space-between" mb="lg" align="flex-end">
				<Stack gap={2}>
					<Title order={1} size="h2">
						{data.data?.isDefault ? t("dashboards.executive") : (data.data?.name ?? t("dashboards.share.pageTitle"))}
					</Title>
					<Text size="sm" c="dimmed">
						{t("dashboards.share.readOnly")}
						{data.data &&
							` · ${t("dashboards.generatedAt", { time: new Date(data.data.generatedAt).toLocaleString(i18n.language) })}`}
					</Text>
				</Stack>
				<Logo />
			</Group>
			{data.isPending ? (
				<LoadingState />
			) : data.isError ? (
				<Alert color="gray" title={t("dashboards.share.unavailableTitle")}>
					{t("dashboards.share.unavailable")}
				</Alert>
			) : (
				<DashboardGrid view={data.data} isPublic />
			)}
		</main>
	);
}
