// The case_metrics widget: the inbox's closed-loop figures in compact cells — open and overdue cases now, SLA
// attainment coloured against its target, cases opened, median time to first response, closed-loop and follow-up rates.
import { SimpleGrid, Text, Tooltip } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { MetricValue, Widget, WidgetData } from "../../../../../server/modules/analytics/contract-dashboards";
import { formatMinutes } from "../../../cases/format";
import { formatMetric } from "./format";
import { WidgetFrame } from "./WidgetFrame";

type Props = {
	widget: Widget;
	data: Extract<WidgetData, { kind: "case_metrics" }>;
	title: string;
	period?: string;
	isPublic: boolean;
};

function Figure({
	label,
	value,
	detail,
	hint,
	color,
	testId,
}: {
	label: string;
	value: string;
	detail?: string;
	hint: string;
	color?: string;
	testId: string;
}) {
	return (
		<Tooltip label={hint} multiline maw={300} withArrow>
			<div data-testid={testId}>
				<Text size="xs" c="dimmed" lh={1.25} lineClamp={2}>
					{label}
				</Text>
				<Text size="xl" fw={700} lh={1.2} c={color} style={{ fontVariantNumeric: "tabular-nums" }}>
					{value}
				</Text>
				{detail && (
					<Text size="10px" c="dimmed">
						{detail}
					</Text>
				)}
			</div>
		</Tooltip>
	);
}

export function CaseMetricsCard({ widget, data, title, period, isPublic }: Props) {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	const percent = (rate: MetricValue | null) => formatMetric("csat", rate?.value, language);
	const count = (n: number) => n.toLocaleString(language === "en" ? "en-GB" : "de-DE");
	const sample = (rate: MetricValue | null) => (rate ? `n = ${count(rate.n)}` : t("dashboards.cases.noneYet"));
	/** Green at or above the SLA target, red below it; grey without cases to count. */
	const slaColor = (rate: MetricValue | null) =>
		rate ? (rate.value >= data.slaTarget ? "teal.8" : "red.8") : "dimmed";
	const slaDetail = (rate: MetricValue | null) =>
		rate
			? `${t("dashboards.target")} ${formatMetric("csat", data.slaTarget, language)} · ${sample(rate)}`
			: sample(rate);
	return (
		<WidgetFrame title={title} subtitle={period}>
			<SimpleGrid cols={widget.size === "small" ? 2 : 4} spacing="sm" verticalSpacing="sm" data-testid="case-metrics">
				<Figure
					testId="case-open"
					label={t("dashboards.cases.open")}
					value={count(data.openCount)}
					detail={t("dashboards.cases.now")}
					hint={t("dashboards.cases.openHint")}
				/>
				<Figure
					testId="case-overdue"
					label={t("dashboards.cases.overdue")}
					value={count(data.overdueCount)}
					color={data.overdueCount > 0 ? "red.8" : undefined}
					detail={t("dashboards.cases.now")}
					hint={t("dashboards.cases.overdueHint")}
				/>
				<Figure
					testId="case-sla-first-response"
					label={t("dashboards.cases.slaFirstResponse")}
					value={percent(data.slaFirstResponse)}
					color={slaColor(data.slaFirstResponse)}
					detail={slaDetail(data.slaFirstResponse)}
					hint={t("dashboards.cases.slaHint")}
				/>
				<Figure
					testId="case-sla-resolution"
					label={t("dashboards.cases.slaResolution")}
					value={percent(data.slaResolution)}
					color={slaColor(data.slaResolution)}
					detail={slaDetail(data.slaResolution)}
					hint={t("dashboards.cases.slaHint")}
				/>
				<Figure
					testId="case-opened"
					label={t("dashboards.cases.opened")}
					value={count(data.caseCount)}
					detail={period}
					hint={t("dashboards.cases.openedHint")}
				/>
				<Figure
					testId="case-first-response"
					label={t("dashboards.cases.firstResponse")}
					value={formatMinutes(data.medianFirstResponseBusinessMinutes)}
					detail={t("dashboards.cases.businessHours")}
					hint={t("dashboards.cases.firstResponseHint")}
				/>
				<Figure
					testId="case-closed-loop"
					label={t("dashboards.cases.closedLoop")}
					value={percent(data.closedLoop)}
					detail={sample(data.closedLoop)}
					hint={t("dashboards.cases.closedLoopHint")}
				/>
				<Figure
					testId="case-follow-up"
					label={t("dashboards.cases.followUpSolved")}
					value={percent(data.followUpSolved)}
					detail={sample(data.followUpSolved)}
					hint={t("dashboards.cases.followUpSolvedHint")}
				/>
			</SimpleGrid>
			{!isPublic && (
				<Text size="xs" mt="auto">
					<Link to="/cases/metrics">{t("dashboards.cases.toMetrics")}</Link>
				</Text>
			)}
		</WidgetFrame>
	);
}
