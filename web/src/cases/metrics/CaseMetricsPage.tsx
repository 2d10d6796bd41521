// Closed-loop metrics: response and resolution times (median / p90 in business hours), SLA attainment, reopen,
// closed-loop, follow-up "solved" (with its 95 % Wilson interval) and recovery rates, service cost, and cases by root
// cause and by touchpoint.
import { Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseMetricsView, RateView } from "../../../../server/modules/cases/contract-loop";
import { BarCell } from "../../behaviour/BarCell";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { useCaseMetrics, useDepartments } from "../cases-api";
import { formatMinutes, formatMoney, formatShare } from "../format";

const DAY_MS = 86_400_000;

function Kpi({ label, value, detail, hint }: { label: string; value: string; detail?: string; hint?: string }) {
	const card = (
		<Paper withBorder p="sm" h="100%" data-testid="case-kpi">
			<Text size="xs" c="dimmed" fw={600}>
				{label}
			</Text>
			<Text size="xl" fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
				{value}
			</Text>
			{detail && (
				<Text size="xs" c="dimmed">
					{detail}
				</Text>
			)}
		</Paper>
	);
	return hint ? (
		<Tooltip label={hint} multiline maw={320} withArrow>
			{card}
		</Tooltip>
	) : (
		card
	);
}

function Bars({ title, rows }: { title: string; rows: { key: string; label: string; count: number }[] }) {
	const { t } = useTranslation();
	const max = Math.max(0, ...rows.map((row) => row.count));
	return (
		<Paper withBorder p="sm">
			<Title order={3} size="h5" mb="xs">
				{title}
			</Title>
			{rows.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("cases.metrics.noData")}
				</Text>
			) : (
				<Stack gap={4}>
					{rows.map((row) => (
						<Group key={row.key} wrap="nowrap" gap="xs">
							<Text size="sm" w={200} truncate="end">
								{row.label}
							</Text>
							<div style={{ flex: 1 }}>
								<BarCell value={row.count} max={max} label={String(row.count)} />
							</div>
						</Group>
					))}
				</Stack>
			)}
		</Paper>
	);
}

export function CaseMetricsPage() {
	const { t, i18n } = useTranslation();
	const [days, setDays] = useState("90");
	const [departmentId, setDepartmentId] = useState<string | null>(null);
	const departments = useDepartments();
	const range = useMemo(() => {
		const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
		return { from: new Date(to.getTime() - Number(days) * DAY_MS).toISOString(), to: to.toISOString() };
	}, [days]);
	const metrics = useCaseMetrics(range, departmentId);
	const language = i18n.language === "en" ? "en" : "de";

	const rate = (view: RateView) => formatShare(view.rate, i18n.language);
	const rateDetail = (view: RateView) =>
		view.interval
			? t("cases.metrics.rateDetail", {
					successes: view.successes,
					n: view.n,
					low: formatShare(view.interval[0], i18n.language),
					high: formatShare(view.interval[1], i18n.language),
				})
			: t("cases.metrics.noData");

	const body = (data: CaseMetricsView) => (
		<Stack gap="md">
			<SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
				<Kpi label={t("cases.metrics.caseCount")} value={String(data.caseCount)} />
				<Kpi
					label={t("cases.metrics.firstResponse")}
					value={formatMinutes(data.firstResponse.medianBusinessMinutes)}
					detail={t("cases.metrics.p90", {
						value: formatMinutes(data.firstResponse.p90BusinessMinutes),
						count: data.firstResponse.count,
					})}
					hint={t("cases.metrics.businessHint")}
				/>
				<Kpi
					label={t("cases.metrics.resolution")}
					value={formatMinutes(data.resolution.medianBusinessMinutes)}
					detail={t("cases.metrics.p90", {
						value: formatMinutes(data.resolution.p90BusinessMinutes),
						count: data.resolution.count,
					})}
					hint={t("cases.metrics.businessHint")}
				/>
				<Kpi
					label={t("cases.metrics.serviceCost")}
					value={formatMoney(data.serviceCost.perCaseCents, data.serviceCost.currency, i18n.language)}
					detail={t("cases.metrics.serviceCostDetail", {
						total: formatMoney(data.serviceCost.totalCents, data.serviceCost.currency, i18n.language),
						time: formatMinutes(data.serviceCost.agentMinutes),
					})}
				/>
				<Kpi
					label={t("cases.metrics.slaFirstResponse")}
					value={rate(data.slaFirstResponse)}
					detail={rateDetail(data.slaFirstResponse)}
				/>
				<Kpi
					label={t("cases.metrics.slaResolution")}
					value={rate(data.slaResolution)}
					detail={rateDetail(data.slaResolution)}
				/>
				<Kpi label={t("cases.metrics.reopen")} value={rate(data.reopen)} detail={rateDetail(data.reopen)} />
				<Kpi
					label={t("cases.metrics.closedLoop")}
					value={rate(data.closedLoop)}
					detail={rateDetail(data.closedLoop)}
					hint={t("cases.metrics.closedLoopHint")}
				/>
				<Kpi
					label={t("cases.metrics.followUpSolved")}
					value={rate(data.followUpSolved)}
					detail={rateDetail(data.followUpSolved)}
					hint={t("cases.metrics.ciHint")}
				/>
				<Kpi
					label={t("cases.metrics.satisfaction")}
					value={
						data.followUpSatisfactionMean === null
							? "—"
							: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(data.followUpSatisfactionMean)
					}
					detail={t("cases.metrics.satisfactionScale")}
				/>
				<Kpi
					label={t("cases.metrics.recovery")}
					value={rate(data.recovery)}
					detail={rateDetail(data.recovery)}
					hint={t("cases.metrics.recoveryHint")}
				/>
			</SimpleGrid>
			<SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
				<Bars
					title={t("cases.metrics.byRootCause")}
					rows={data.byRootCause.map((row) => ({
						key: row.rootCauseId ?? "none",
						label: row.label?.[language] ?? t("cases.metrics.noRootCause"),
						count: row.count,
					}))}
				/>
				<Bars
					title={t("cases.metrics.byTouchpoint")}
					rows={data.byTouchpoint.map((row) => ({
						key: row.touchpointId ?? "none",
						label: row.name ?? t("cases.metrics.noTouchpoint"),
						count: row.count,
					}))}
				/>
			</SimpleGrid>
		</Stack>
	);

	return (
		<Stack gap="md">
			<Group justify="space-between">
				<Select
					size="xs"
					w={240}
					aria-label={t("cases.list.department")}
					placeholder={t("cases.metrics.allDepartments")}
					data={(departments.data?.items ?? []).map((department) => ({ value: department.id, label: department.name }))}
					value={departmentId}
					onChange={setDepartmentId}
					clearable
				/>
				<SegmentedControl
					size="xs"
					aria-label={t("cases.metrics.range")}
					value={days}
					onChange={setDays}
					data={["30", "90", "365"].map((value) => ({
						value,
						label: t("cases.metrics.days", { count: Number(value) }),
					}))}
				/>
			</Group>
			{metrics.isPending ? (
				<LoadingState />
			) : metrics.error ? (
				<ErrorState error={metrics.error} onRetry={() => metrics.refetch()} />
			) : (
				body(metrics.data)
			)}
		</Stack>
	);
}
