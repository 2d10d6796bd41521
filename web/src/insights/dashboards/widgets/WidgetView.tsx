// One dashboard widget drawn from its resolved data: KPI card, series with CI band, volume, journey heatmap, pain
// points, open alerts, themes, case metrics. The same component serves the app and the public share page
// (`isPublic`: no links).
import { Badge, Group, Progress, Stack, Table, Text, Tooltip } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type {
	DashboardDataView,
	Widget,
	WidgetData,
} from "../../../../../server/modules/analytics/contract-dashboards";
import { SeriesWithBand } from "../../charts/SeriesWithBand";
import { CaseMetricsCard } from "./CaseMetricsCard";
import { formatDifference, formatMetric, indexColor, isHigherBetter, pText } from "./format";
import { VolumeChart } from "./VolumeChart";
import { WidgetFrame } from "./WidgetFrame";

type Props = { widget: Widget; data: DashboardDataView["data"][string] | undefined; isPublic?: boolean };
type Data<K extends WidgetData["kind"]> = Extract<WidgetData, { kind: K }>;

export function useWidgetTitle() {
	const { t } = useTranslation();
	return (widget: Widget) => {
		if (widget.title) return widget.title;
		if (widget.kind === "kpi" || widget.kind === "series") return t(`dashboards.metrics.${widget.metric}`);
		return t(`dashboards.kinds.${widget.kind}`);
	};
}

export function WidgetView({ widget, data, isPublic = false }: Props) {
	const { t, i18n } = useTranslation();
	const title = useWidgetTitle()(widget);
	const period = "periodDays" in widget ? t("dashboards.lastDays", { count: widget.periodDays }) : undefined;
	if (!data)
		return (
			<WidgetFrame title={title} error={t("dashboards.noData")}>
				{null}
			</WidgetFrame>
		);
	if ("error" in data)
		return (
			<WidgetFrame title={title} error={data.error}>
				{null}
			</WidgetFrame>
		);
	const language = i18n.language;
	switch (data.kind) {
		case "kpi":
			return <KpiCard widget={widget} data={data} title={title} period={period} language={language} />;
		case "series": {
			const metric = widget.kind === "series" ? widget.metric : "nps";
			const subtitle = `${period ?? ""} · ${t(`dashboards.intervals.${widget.kind === "series" ? widget.interval : "week"}`)} · ${t("dashboards.ciBand")}`;
			return (
				<WidgetFrame
					title={title}
					subtitle={subtitle}
					badge={data.target !== null ? <TargetBadge metric={metric} target={data.target} /> : null}
				>
					<SeriesWithBand
						points={data.points}
						height={240}
						yRange={rangeOf(data.points, data.target)}
						reference={
							data.target === null
								? null
								: {
										value: data.target,
										label: `${t("dashboards.target")} ${formatMetric(metric, data.target, language)}`,
									}
						}
						formatValue={(v) => formatMetric(metric, v, language)}
						labels={{ value: title, interval: t("dashboards.ci95"), n: "n" }}
					/>
				</WidgetFrame>
			);
		}
		case "volume":
			return (
				<WidgetFrame
					title={title}
					subtitle={period}
					badge={<Badge variant="light">{formatMetric("responses", data.total, language)}</Badge>}
				>
					<VolumeChart points={data.points} label={t("dashboards.metrics.responses")} />
				</WidgetFrame>
			);
		case "journey_heatmap":
			return <Heatmap data={data} title={title} period={period} isPublic={isPublic} />;
		case "pain_points":
			return <PainPoints data={data} title={title} period={period} />;
		case "alerts":
			return <AlertsList data={data} title={title} isPublic={isPublic} />;
		case "themes":
			return <Themes data={data} title={title} period={period} />;
		case "case_metrics":
			return <CaseMetricsCard widget={widget} data={data} title={title} period={period} isPublic={isPublic} />;
	}
}

/** The axis range holding every band and the target line (the chart would otherwise cut a target off). */
function rangeOf(
	points: { ci95: [number, number] | null; value: number | null }[],
	target: number | null,
): [number, number] {
	const values = points.flatMap((p) => [p.value, ...(p.ci95 ?? [])]).filter((v): v is number => v !== null);
	if (target !== null) values.push(target);
	if (values.length === 0) return [0, 1];
	const min = Math.min(...values);
	const max = Math.max(...values);
	const pad = Math.max((max - min) * 0.1, 1);
	return [Math.floor(min - pad), Math.ceil(max + pad)];
}

function TargetBadge({ metric, target }: { metric: string; target: number }) {
	const { t, i18n } = useTranslation();
	return (
		<Badge variant="outline" color="green" style={{ flexShrink: 0 }}>
			{t("dashboards.target")} {formatMetric(metric, target, i18n.language)}
		</Badge>
	);
}

function KpiCard({
	widget,
	data,
	title,
	period,
	language,
}: {
	widget: Widget;
	data: Data<"kpi">;
	title: string;
	period?: string;
	language: string;
}) {
	const { t } = useTranslation();
	const metric = widget.kind === "kpi" ? widget.metric : "nps";
	const value = data.current;
	const isSignificant = data.pValue !== null && data.pValue < 0.05;
	const isBetter = data.difference !== null && data.difference > 0 === isHigherBetter(metric);
	const filtered = widget.kind === "kpi" && Object.keys(widget.filter).length > 0;
	return (
		<WidgetFrame
			title={title}
			subtitle={[period, filtered ? t("dashboards.filtered") : null].filter(Boolean).join(" · ")}
			badge={
				data.target !== null ? (
					<Badge color={data.isTargetMet ? "green" : "red"} variant="light" style={{ flexShrink: 0 }}>
						{data.isTargetMet ? t("dashboards.targetMet") : t("dashboards.targetMissed")} (
						{formatMetric(metric, data.target, language)})
					</Badge>
				) : null
			}
		>
			<Text fz={36} fw={700} lh={1.1} data-testid={`kpi-${widget.id}`}>
				{formatMetric(metric, value?.value, language)}
			</Text>
			{value?.ci95 && (
				<Text size="xs" c="dimmed">
					{t("dashboards.ci95")} {formatMetric(metric, value.ci95[0], language)} …{" "}
					{formatMetric(metric, value.ci95[1], language)} · n = {value.n.toLocaleString(language)}
				</Text>
			)}
			{data.difference !== null && (
				<Tooltip label={`${t("dashboards.vsPrevious")} · ${pText("p", data.pValue)}`}>
					<Text size="sm" c={isSignificant ? (isBetter ? "teal" : "red") : "dimmed"} fw={isSignificant ? 600 : 400}>
						{isSignificant ? (isBetter ? "▲ " : "▼ ") : ""}
						{formatDifference(metric, data.difference, language)} {t("dashboards.vsPrevious")}
						{!isSignificant && ` (${t("dashboards.notSignificant")})`}
					</Text>
				</Tooltip>
			)}
		</WidgetFrame>
	);
}

function Heatmap({
	data,
	title,
	period,
	isPublic,
}: {
	data: Data<"journey_heatmap">;
	title: string;
	period?: string;
	isPublic: boolean;
}) {
	const { t, i18n } = useTranslation();
	if (data.stages.length === 0)
		return (
			<WidgetFrame title={title} error={t("dashboards.noJourney")}>
				{null}
			</WidgetFrame>
		);
	return (
		<WidgetFrame title={title} subtitle={[data.journeyName, period].filter(Boolean).join(" · ")}>
			<div
				className="loupe-heatmap"
				style={{ gridTemplateColumns: `repeat(${data.stages.length}, minmax(110px, 1fr))` }}
			>
				{data.stages.map((stage) => (
					<div key={stage.name} className="loupe-heatmap-stage">
						<Text size="xs" fw={700} c="dimmed" tt="uppercase" lineClamp={1} title={stage.name}>
							{stage.name}
						</Text>
						{stage.touchpoints.map((cell) => {
							const arrow = cell.direction === "worse" ? "▼" : cell.direction === "better" ? "▲" : "";
							const label = (
								<div
									className="loupe-heatmap-cell"
									data-direction={cell.direction}
									data-alert={cell.alert ? "true" : undefined}
									style={{ background: indexColor(cell.index) }}
									data-testid="heatmap-cell"
								>
									<Text size="xs" fw={600} lineClamp={2}>
										{cell.name}
									</Text>
									<Group gap={4} justify="space-between" wrap="nowrap">
										<Text size="sm" fw={700}>
											{cell.metric ? formatMetric(cell.metric, cell.current?.value, i18n.language) : "–"}
										</Text>
										{arrow && (
											<Text size="sm" fw={700} c={cell.direction === "worse" ? "red.8" : "teal.8"}>
												{arrow} {formatDifference(cell.metric ?? "nps", cell.difference, i18n.language)}
											</Text>
										)}
									</Group>
									{cell.alert ? (
										<Text size="10px" fw={700} c="red.9">
											⚠ {t(`alerts.kinds.${cell.alert}`)}
										</Text>
									) : (
										cell.metric && (
											<Text size="10px" c="dark.3">
												{t(`dashboards.metrics.${cell.metric}`)} · n = {cell.current?.n ?? 0}
											</Text>
										)
									)}
								</div>
							);
							return (
								<Tooltip
									key={cell.touchpointId}
									label={`${cell.name}: ${t("dashboards.vsPrevious")} ${formatDifference(cell.metric ?? "nps", cell.difference, i18n.language)}, ${pText("p", cell.pValue)}${cell.isSignificant ? ` (${t("dashboards.significant")})` : ""}${cell.current ? ` · n = ${cell.current.n}` : ""}`}
								>
									{isPublic ? (
										label
									) : (
										<Link to="/feedback/responses" style={{ textDecoration: "none", color: "inherit" }}>
											{label}
										</Link>
									)}
								</Tooltip>
							);
						})}
					</div>
				))}
			</div>
		</WidgetFrame>
	);
}

function PainPoints({ data, title, period }: { data: Data<"pain_points">; title: string; period?: string }) {
	const { t, i18n } = useTranslation();
	const language = i18n.language === "en" ? "en" : "de";
	const maxImpact = Math.max(...data.items.map((i) => i.impact), 1);
	return (
		<WidgetFrame title={title} subtitle={period}>
			{data.items.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("dashboards.noPainPoints")}
				</Text>
			) : (
				<Stack gap="sm">
					{data.items.map((item, rank) => (
						<div key={item.touchpointId} data-testid="pain-point">
							<Group justify="space-between" gap="xs" wrap="nowrap">
								<Text size="sm" fw={600} lineClamp={1}>
									{rank + 1}. {item.name}{" "}
									<Text span size="xs" c="dimmed" fw={400}>
										{item.stage}
									</Text>
								</Text>
								<Text size="sm" fw={700} c="red.8" style={{ flexShrink: 0 }}>
									{formatMetric(item.metric, item.value, i18n.language)}
									<Text span size="xs" c="dimmed" fw={400}>
										{" "}
										/ Ø {formatMetric(item.metric, item.journeyAverage, i18n.language)}
									</Text>
								</Text>
							</Group>
							<Progress value={(100 * item.impact) / maxImpact} color="red" size="sm" my={4} />
							<Text size="xs" c="dimmed">
								{t("dashboards.impact", { impact: item.impact, affected: item.affected })}
								{item.isSignificant ? ` · ${t("dashboards.significant")}` : ""}
								{item.topThemes.length > 0
									? ` · ${item.topThemes.map((theme) => theme.label[language]).join(", ")}`
									: ""}
							</Text>
						</div>
					))}
				</Stack>
			)}
		</WidgetFrame>
	);
}

function AlertsList({ data, title, isPublic }: { data: Data<"alerts">; title: string; isPublic: boolean }) {
	const { t, i18n } = useTranslation();
	return (
		<WidgetFrame
			title={title}
			badge={
				<Badge color={data.openCount > 0 ? "red" : "gray"} variant={data.openCount > 0 ? "filled" : "light"}>
					{t("dashboards.openAlerts", { count: data.openCount })}
				</Badge>
			}
		>
			{data.items.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("dashboards.noAlerts")}
				</Text>
			) : (
				<Table fz="sm" verticalSpacing={6} data-testid="alerts-widget">
					<Table.Tbody>
						{data.items.map((alert) => {
							const metric =
								alert.kind === "nps_drop"
									? "nps"
									: alert.kind === "csat_drop"
										? "csat"
										: alert.kind === "ces_drop"
											? "ces"
											: "detractorShare";
							return (
								<Table.Tr key={alert.id}>
									<Table.Td>
										<Text size="sm" fw={600}>
											{t(`alerts.kinds.${alert.kind}`)}
										</Text>
										<Text size="xs" c="dimmed">
											{[alert.touchpoint, alert.theme].filter(Boolean).join(" · ") || t("alerts.allTouchpoints")}
										</Text>
									</Table.Td>
									<Table.Td ta="right">
										<Text size="sm" fw={700} c="red.8">
											{formatDifference(metric, alert.difference, i18n.language)}
										</Text>
										<Text size="xs" c="dimmed">
											{formatMetric(metric, alert.previous, i18n.language)} →{" "}
											{formatMetric(metric, alert.current, i18n.language)} · {pText("q", alert.qValue)}
										</Text>
									</Table.Td>
								</Table.Tr>
							);
						})}
					</Table.Tbody>
				</Table>
			)}
			{!isPublic && data.items.length > 0 && (
				<Text size="xs">
					<Link to="/insights/alerts">{t("dashboards.toAlerts")}</Link>
				</Text>
			)}
		</WidgetFrame>
	);
}

function Themes({ data, title, period }: { data: Data<"themes">; title: string; period?: string }) {
	const { t, i18n } = useTranslation();
	const language = i18n.language === "en" ? "en" : "de";
	const max = Math.max(...data.items.map((i) => i.count), 1);
	return (
		<WidgetFrame title={title} subtitle={period}>
			{data.items.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("dashboards.noThemes")}
				</Text>
			) : (
				<Stack gap={6}>
					{data.items.map((item) => (
						<div key={item.theme}>
							<Group justify="space-between" gap="xs">
								<Text size="sm">{item.label[language]}</Text>
								<Text size="xs" c="dimmed">
									{t("dashboards.themeCounts", { count: item.count, negative: item.negative })}
								</Text>
							</Group>
							<Progress.Root size="sm">
								<Progress.Section value={(100 * item.negative) / max} color="red" />
								<Progress.Section value={(100 * (item.count - item.negative)) / max} color="gray.4" />
							</Progress.Root>
						</div>
					))}
				</Stack>
			)}
		</WidgetFrame>
	);
}
