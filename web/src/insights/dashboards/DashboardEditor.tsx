// The dashboard editor: name, widgets added, removed and reordered, each configured (metric, period, interval,
// touchpoints, target, size). Saves the whole widget list at once; the server validates it and writes nothing if bad.
import {
	ActionIcon,
	Button,
	Card,
	Drawer,
	Group,
	Menu,
	MultiSelect,
	NumberInput,
	Select,
	Stack,
	Text,
	TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../../lib/api/pagination";
import { DASHBOARD_METRICS, WIDGET_KINDS, type Widget } from "../../../../server/modules/analytics/contract-dashboards";
import type { TouchpointView } from "../../../../server/modules/journey/contract";
import { api, isApiError } from "../../api/client";
import { notify } from "../../ui/notifications";
import { useSaveDashboard } from "./dashboards-api";
import { useWidgetTitle } from "./widgets/WidgetView";

type Props = {
	dashboard?: { id: string; name: string; widgets: Widget[] };
	opened: boolean;
	onClose: () => void;
	onSaved: (id: string) => void;
};

const useTouchpoints = () =>
	useQuery({
		queryKey: ["touchpoints", "all"],
		queryFn: () => api<Page<TouchpointView>>("GET", "/touchpoints?limit=200"),
	});

function newWidget(kind: Widget["kind"], existing: Widget[]): Widget {
	let n = existing.length + 1;
	while (existing.some((w) => w.id === `${kind.replace("_", "-")}-${n}`)) n++;
	const id = `${kind.replace("_", "-")}-${n}`;
	switch (kind) {
		case "kpi":
			return { id, kind, size: "small", metric: "nps", periodDays: 28, filter: {} };
		case "series":
			return { id, kind, size: "large", metric: "nps", interval: "week", periodDays: 182, filter: {} };
		case "journey_heatmap":
			return { id, kind, size: "large", metric: "score", periodDays: 28 };
		case "pain_points":
			return { id, kind, size: "medium", periodDays: 28, limit: 5 };
		case "alerts":
			return { id, kind, size: "medium", limit: 5 };
		case "volume":
			return { id, kind, size: "medium", interval: "week", periodDays: 182, filter: {} };
		case "themes":
			return { id, kind, size: "medium", periodDays: 28, limit: 8 };
		case "case_metrics":
			return { id, kind, size: "medium", periodDays: 28 };
	}
}

export function DashboardEditor({ dashboard, opened, onClose, onSaved }: Props) {
	const { t } = useTranslation();
	const save = useSaveDashboard();
	const [name, setName] = useState("");
	const [widgets, setWidgets] = useState<Widget[]>([]);
	const [error, setError] = useState<string | null>(null);
	useEffect(() => {
		if (!opened) return;
		setName(dashboard?.name ?? "");
		setWidgets(dashboard?.widgets ?? []);
		setError(null);
	}, [opened, dashboard]);

	const move = (index: number, by: number) =>
		setWidgets((ws) => {
			const next = [...ws];
			const [item] = next.splice(index, 1);
			if (item) next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
			return next;
		});
	const update = (index: number, widget: Widget) => setWidgets((ws) => ws.map((w, i) => (i === index ? widget : w)));

	const submit = async () => {
		setError(null);
		try {
			const view = await save.mutateAsync({ id: dashboard?.id, input: { name: name.trim(), widgets } });
			notify("success", t("dashboards.editor.saved"));
			onSaved(view.id);
			onClose();
		} catch (e) {
			setError(isApiError(e) ? e.message : String(e));
		}
	};

	return (
		<Drawer
			opened={opened}
			onClose={onClose}
			position="right"
			size="lg"
			title={dashboard ? t("dashboards.editor.editTitle") : t("dashboards.editor.newTitle")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<Stack gap="md">
				<TextInput
					label={t("dashboards.editor.name")}
					value={name}
					onChange={(e) => setName(e.currentTarget.value)}
					required
				/>
				<Group justify="space-between">
					<Text fw={600} size="sm">
						{t("dashboards.editor.widgets", { count: widgets.length })}
					</Text>
					<Menu position="bottom-end">
						<Menu.Target>
							<Button size="xs" variant="light" disabled={widgets.length >= 24}>
								{t("dashboards.editor.add")}
							</Button>
						</Menu.Target>
						<Menu.Dropdown>
							{WIDGET_KINDS.map((kind) => (
								<Menu.Item key={kind} onClick={() => setWidgets((ws) => [...ws, newWidget(kind, ws)])}>
									{t(`dashboards.kinds.${kind}`)}
								</Menu.Item>
							))}
						</Menu.Dropdown>
					</Menu>
				</Group>
				{widgets.map((widget, index) => (
					<WidgetSettings
						key={widget.id}
						widget={widget}
						isFirst={index === 0}
						isLast={index === widgets.length - 1}
						onChange={(w) => update(index, w)}
						onMove={(by) => move(index, by)}
						onRemove={() => setWidgets((ws) => ws.filter((_, i) => i !== index))}
					/>
				))}
				{error && (
					<Text c="red" size="sm" role="alert">
						{error}
					</Text>
				)}
				<Group justify="flex-end">
					<Button variant="default" onClick={onClose}>
						{t("common.cancel")}
					</Button>
					<Button onClick={submit} loading={save.isPending} disabled={!name.trim()}>
						{t("common.save")}
					</Button>
				</Group>
			</Stack>
		</Drawer>
	);
}

type SettingsProps = {
	widget: Widget;
	isFirst: boolean;
	isLast: boolean;
	onChange: (widget: Widget) => void;
	onMove: (by: number) => void;
	onRemove: () => void;
};

function WidgetSettings({ widget, isFirst, isLast, onChange, onMove, onRemove }: SettingsProps) {
	const { t } = useTranslation();
	const title = useWidgetTitle()(widget);
	const touchpoints = useTouchpoints();
	const touchpointOptions = (touchpoints.data?.items ?? []).map((tp) => ({ value: tp.id, label: tp.name }));
	const set = (patch: Partial<Widget>) => onChange({ ...widget, ...patch } as Widget);
	const number = (v: string | number) => (typeof v === "number" ? v : undefined);
	return (
		<Card withBorder padding="sm" data-testid="widget-settings">
			<Group justify="space-between" mb="xs" wrap="nowrap">
				<Text size="sm" fw={600} lineClamp={1}>
					{title}{" "}
					<Text span size="xs" c="dimmed">
						{t(`dashboards.kinds.${widget.kind}`)}
					</Text>
				</Text>
				<Group gap={4} wrap="nowrap">
					<ActionIcon
						variant="subtle"
						disabled={isFirst}
						onClick={() => onMove(-1)}
						aria-label={t("dashboards.editor.up")}
					>
						↑
					</ActionIcon>
					<ActionIcon
						variant="subtle"
						disabled={isLast}
						onClick={() => onMove(1)}
						aria-label={t("dashboards.editor.down")}
					>
						↓
					</ActionIcon>
					<ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t("dashboards.editor.remove")}>
						✕
					</ActionIcon>
				</Group>
			</Group>
			<Group grow align="flex-start" gap="xs">
				<TextInput
					size="xs"
					label={t("dashboards.editor.title")}
					placeholder={title}
					value={widget.title ?? ""}
					onChange={(e) => set({ title: e.currentTarget.value || undefined })}
				/>
				<Select
					size="xs"
					label={t("dashboards.editor.size")}
					data={["small", "medium", "large"].map((s) => ({ value: s, label: t(`dashboards.sizes.${s}`) }))}
					value={widget.size}
					onChange={(v) => v && set({ size: v as Widget["size"] })}
					allowDeselect={false}
				/>
			</Group>
			<Group grow align="flex-start" gap="xs" mt="xs">
				{(widget.kind === "kpi" || widget.kind === "series") && (
					<Select
						size="xs"
						label={t("dashboards.editor.metric")}
						data={DASHBOARD_METRICS.filter((m) => widget.kind === "kpi" || m !== "responses").map((m) => ({
							value: m,
							label: t(`dashboards.metrics.${m}`),
						}))}
						value={widget.metric}
						onChange={(v) => v && set({ metric: v } as Partial<Widget>)}
						allowDeselect={false}
					/>
				)}
				{widget.kind === "journey_heatmap" && (
					<Select
						size="xs"
						label={t("dashboards.editor.metric")}
						data={["score", "nps", "csat", "ces", "detractorShare", "negativeShare"].map((m) => ({
							value: m,
							label: t(`dashboards.metrics.${m}`),
						}))}
						value={widget.metric}
						onChange={(v) => v && set({ metric: v } as Partial<Widget>)}
						allowDeselect={false}
					/>
				)}
				{"periodDays" in widget && (
					<NumberInput
						size="xs"
						label={t("dashboards.editor.periodDays")}
						min={7}
						max={730}
						value={widget.periodDays}
						onChange={(v) => number(v) && set({ periodDays: number(v) } as Partial<Widget>)}
					/>
				)}
				{(widget.kind === "series" || widget.kind === "volume") && (
					<Select
						size="xs"
						label={t("dashboards.editor.interval")}
						data={["day", "week", "month"].map((i) => ({ value: i, label: t(`dashboards.intervals.${i}`) }))}
						value={widget.interval}
						onChange={(v) => v && set({ interval: v } as Partial<Widget>)}
						allowDeselect={false}
					/>
				)}
				{(widget.kind === "kpi" || widget.kind === "series") && (
					<NumberInput
						size="xs"
						label={t("dashboards.target")}
						value={widget.target ?? ""}
						onChange={(v) => set({ target: number(v) } as Partial<Widget>)}
						decimalScale={1}
					/>
				)}
				{"limit" in widget && (
					<NumberInput
						size="xs"
						label={t("dashboards.editor.limit")}
						min={1}
						max={20}
						value={widget.limit}
						onChange={(v) => number(v) && set({ limit: number(v) } as Partial<Widget>)}
					/>
				)}
			</Group>
			{(widget.kind === "kpi" || widget.kind === "series" || widget.kind === "volume") && (
				<MultiSelect
					size="xs"
					mt="xs"
					label={t("dashboards.editor.touchpoints")}
					placeholder={t("dashboards.editor.allTouchpoints")}
					data={touchpointOptions}
					value={widget.filter.touchpointIds ?? []}
					searchable
					onChange={(ids) => {
						const { touchpointIds: _, ...rest } = widget.filter;
						set({ filter: ids.length ? { ...rest, touchpointIds: ids } : rest } as Partial<Widget>);
					}}
				/>
			)}
			{widget.kind === "themes" && (
				<MultiSelect
					size="xs"
					mt="xs"
					label={t("dashboards.editor.touchpoints")}
					placeholder={t("dashboards.editor.allTouchpoints")}
					data={touchpointOptions}
					value={widget.touchpointIds ?? []}
					searchable
					onChange={(ids) => set({ touchpointIds: ids.length ? ids : undefined } as Partial<Widget>)}
				/>
			)}
		</Card>
	);
}
