// The KPI page: filters, KPI cards with intervals and period-over-period tests, a series with its 95 % band, and
// the touchpoint changes (Benjamini–Hochberg across touchpoints).
import { Group, Paper, SegmentedControl, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SeriesPointView } from "../../../../server/modules/analytics/contract";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { type BandPoint, SeriesWithBand } from "../charts/SeriesWithBand";
import { formatNumber, formatScore } from "../format";
import { type KpiFilters, lastDays, NO_FILTERS, useKpiReport } from "../insights-api";
import { ChangesTable } from "./ChangesTable";
import { KpiCards } from "./KpiCards";
import { KpiFilterBar, type PeriodChoice } from "./KpiFilterBar";

const SERIES_METRICS = ["nps", "csat", "ces", "negativeShare", "complaintRate"] as const;
type SeriesMetric = (typeof SERIES_METRICS)[number];
const RANGES: Partial<Record<SeriesMetric, [number, number]>> = { nps: [-100, 100] };

export function KpisPage() {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	const [period, setPeriod] = useState<PeriodChoice>({ preset: "90", custom: lastDays(90) });
	const [filters, setFilters] = useState<KpiFilters>(NO_FILTERS);
	const [interval, setInterval] = useState("auto");
	const [metric, setMetric] = useState<SeriesMetric>("nps");
	const range = useMemo(() => (period.preset === "custom" ? period.custom : lastDays(Number(period.preset))), [period]);
	const isValid = range.from <= range.to;
	const report = useKpiReport(range, filters, interval === "auto" ? undefined : interval);
	const points: BandPoint[] = useMemo(
		() =>
			(report.data?.series ?? []).map((p: SeriesPointView) => {
				const k = p[metric];
				return { start: p.start, value: k?.value ?? null, ci95: k?.ci95 ?? null, n: k?.n ?? 0 };
			}),
		[report.data, metric],
	);
	const kind = metric === "nps" ? "nps" : metric === "ces" ? "ces" : "share";
	const formatValue = useMemo(() => (v: number) => formatScore(kind, v, language), [kind, language]);
	const formatDay = useMemo(
		() => (day: string) =>
			new Date(`${day}T00:00:00`).toLocaleDateString(language, { day: "2-digit", month: "short", year: "2-digit" }),
		[language],
	);
	const labels = useMemo(
		() => ({ value: t(`insights.metrics.${metric}`), interval: t("insights.kpis.ci95"), n: "n" }),
		[t, metric],
	);
	return (
		<>
			<KpiFilterBar period={period} onPeriod={setPeriod} filters={filters} onFilters={setFilters} />
			{!isValid ? null : report.isPending ? (
				<LoadingState />
			) : report.isError ? (
				<ErrorState error={report.error} onRetry={() => report.refetch()} />
			) : (
				<>
					<Text size="xs" c="dimmed" mb="xs">
						{t("insights.kpis.periodLine", {
							from: report.data.from,
							to: report.data.to,
							previousFrom: report.data.previous.from,
							previousTo: report.data.previous.to,
							responses: formatNumber(report.data.responses, language),
						})}
					</Text>
					<KpiCards report={report.data} />
					<Paper withBorder p="md" mb="md">
						<Group justify="space-between" mb="xs" wrap="wrap">
							<div>
								<Title order={2} size="h4">
									{t("insights.kpis.seriesTitle")}
								</Title>
								<Text size="xs" c="dimmed">
									{t("insights.kpis.seriesIntro")}
								</Text>
							</div>
							<Group gap="xs">
								<SegmentedControl
									size="xs"
									value={metric}
									onChange={(m) => setMetric(m as SeriesMetric)}
									data={SERIES_METRICS.map((m) => ({ value: m, label: t(`insights.metrics.${m}`) }))}
								/>
								<SegmentedControl
									size="xs"
									value={interval}
									onChange={setInterval}
									data={["auto", "day", "week", "month"].map((i) => ({
										value: i,
										label: t(`insights.intervals.${i}`),
									}))}
								/>
							</Group>
						</Group>
						<SeriesWithBand
							points={points}
							color={metric === "negativeShare" || metric === "complaintRate" ? "orange" : "indigo"}
							yRange={RANGES[metric]}
							formatValue={formatValue}
							formatDay={formatDay}
							labels={labels}
						/>
					</Paper>
				</>
			)}
			<ChangesTable period={range} />
		</>
	);
}
