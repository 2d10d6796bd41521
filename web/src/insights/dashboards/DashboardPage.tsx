// The insights index: the executive dashboard (or another chosen one) with switcher, editor, share links and export.
import "./dashboards.css";
import { Button, Group, Menu, Select, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import { meQuery } from "../../api/session";
import { useLiveEvents } from "../../feedback/use-live-events";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { DashboardEditor } from "./DashboardEditor";
import { DashboardGrid } from "./DashboardGrid";
import { dashboardsKey, useDashboard, useDashboardData, useDashboards, useDeleteDashboard } from "./dashboards-api";
import { ShareDialog } from "./ShareDialog";

const STORAGE_KEY = "loupe.dashboard";

export function DashboardPage() {
	const { t, i18n } = useTranslation();
	const client = useQueryClient();
	const { data: me } = useQuery(meQuery);
	const canManage = me ? hasPermission(me.role, "analytics.manage") : false;
	const list = useDashboards();
	const [selected, setSelected] = useState<string | null>(() => globalThis.localStorage?.getItem(STORAGE_KEY) ?? null);
	const items = list.data?.items ?? [];
	const current = items.find((d) => d.id === selected) ?? items.find((d) => d.isDefault) ?? items[0];
	const dashboard = useDashboard(current?.id);
	const data = useDashboardData(current?.id);
	const remove = useDeleteDashboard();
	const [editing, setEditing] = useState<"new" | "current" | null>(null);
	const [isSharing, setSharing] = useState(false);
	const [isDeleting, setDeleting] = useState(false);
	useEffect(() => {
		if (current) globalThis.localStorage?.setItem(STORAGE_KEY, current.id);
	}, [current]);
	useLiveEvents(["alert.fired"], () => client.invalidateQueries({ queryKey: dashboardsKey }));

	if (list.isPending) return <LoadingState />;
	if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
	const nameOf = (d: { name: string; isDefault: boolean }) => (d.isDefault ? t("dashboards.executive") : d.name);
	/** Fetches the rendered file (a few seconds) and saves it; a missing Chromium is reported, not downloaded. */
	const downloadExport = async (format: "png" | "pdf") => {
		if (!current) return;
		notify("info", t("dashboards.exporting"));
		const lang = i18n.language === "en" ? "en" : "de";
		const response = await fetch(`/api/v1/analytics/dashboards/${current.id}/export.${format}?lang=${lang}`).catch(
			() => null,
		);
		if (!response?.ok) {
			const payload = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
			notify("error", t("dashboards.exportFailed"), payload?.error?.message);
			return;
		}
		const url = URL.createObjectURL(await response.blob());
		const link = document.createElement("a");
		link.href = url;
		link.download = `${nameOf(current).replace(/[^\p{L}\p{N}-]+/gu, "-")}.${format}`;
		link.click();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	};

	return (
		<>
			<Group justify="space-between" mb="md" gap="sm">
				<Group gap="sm">
					<Select
						aria-label={t("dashboards.switch")}
						data={items.map((d) => ({ value: d.id, label: nameOf(d) }))}
						value={current?.id ?? null}
						onChange={(id) => id && setSelected(id)}
						allowDeselect={false}
						w={260}
						data-testid="dashboard-switcher"
					/>
					{data.data && (
						<Text size="xs" c="dimmed">
							{t("dashboards.generatedAt", { time: new Date(data.data.generatedAt).toLocaleString(i18n.language) })}
						</Text>
					)}
				</Group>
				<Group gap="xs">
					{canManage && (
						<>
							<Button variant="default" size="sm" onClick={() => setEditing("new")}>
								{t("dashboards.new")}
							</Button>
							<Button variant="default" size="sm" onClick={() => setEditing("current")} disabled={!dashboard.data}>
								{t("dashboards.edit")}
							</Button>
							<Button variant="default" size="sm" onClick={() => setSharing(true)} disabled={!current}>
								{t("dashboards.share.button")}
							</Button>
						</>
					)}
					<Menu position="bottom-end">
						<Menu.Target>
							<Button size="sm" variant="light" disabled={!current}>
								{t("dashboards.export")}
							</Button>
						</Menu.Target>
						<Menu.Dropdown>
							<Menu.Item onClick={() => downloadExport("png")}>PNG</Menu.Item>
							<Menu.Item onClick={() => downloadExport("pdf")}>PDF</Menu.Item>
							{canManage && current && !current.isDefault && (
								<>
									<Menu.Divider />
									<Menu.Item color="red" onClick={() => setDeleting(true)}>
										{t("dashboards.delete")}
									</Menu.Item>
								</>
							)}
						</Menu.Dropdown>
					</Menu>
				</Group>
			</Group>
			{data.isPending ? (
				<LoadingState />
			) : data.isError ? (
				<ErrorState error={data.error} onRetry={() => data.refetch()} />
			) : data.data.widgets.length === 0 ? (
				<Text c="dimmed">{t("dashboards.empty")}</Text>
			) : (
				<DashboardGrid view={data.data} />
			)}
			<DashboardEditor
				opened={editing !== null}
				dashboard={editing === "current" && dashboard.data ? dashboard.data : undefined}
				onClose={() => setEditing(null)}
				onSaved={(id) => {
					setSelected(id);
					client.invalidateQueries({ queryKey: ["dashboards", id] });
				}}
			/>
			{current && <ShareDialog dashboardId={current.id} opened={isSharing} onClose={() => setSharing(false)} />}
			<ConfirmDialog
				opened={isDeleting}
				title={t("dashboards.delete")}
				message={t("dashboards.deleteConfirm", { name: current?.name ?? "" })}
				confirmLabel={t("dashboards.delete")}
				isPending={remove.isPending}
				onClose={() => setDeleting(false)}
				onConfirm={async () => {
					if (current) await remove.mutateAsync(current.id);
					setSelected(null);
					setDeleting(false);
				}}
			/>
		</>
	);
}
