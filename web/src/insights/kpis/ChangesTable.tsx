// Touchpoint changes against the previous period: one test per touchpoint, Benjamini–Hochberg across them;
// significant rows are highlighted and sorted first.
import { Badge, Group, Paper, SegmentedControl, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CHANGE_METRICS, type ChangeMetric } from "../../../../server/modules/analytics/contract";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { directionColor, formatNumber, formatP, formatScore } from "../format";
import { type Period, useTouchpointChanges } from "../insights-api";

const metricKind = (metric: ChangeMetric) => (metric === "nps" ? "nps" : metric === "ces" ? "ces" : "share");

export function ChangesTable({ period }: { period: Period }) {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	const [metric, setMetric] = useState<ChangeMetric>("nps");
	const changes = useTouchpointChanges(period, metric);
	const kind = metricKind(metric);
	const value = (v: number | null) => (v === null ? "–" : formatScore(kind, v, language));
	return (
		<Paper withBorder p="md">
			<Group justify="space-between" mb="sm" wrap="wrap">
				<div>
					<Title order={2} size="h4">
						{t("insights.changes.title")}
					</Title>
					<Text size="xs" c="dimmed">
						{t("insights.changes.intro")}
					</Text>
				</div>
				<SegmentedControl
					size="xs"
					value={metric}
					onChange={(m) => setMetric(m as ChangeMetric)}
					data={CHANGE_METRICS.map((m) => ({ value: m, label: t(`insights.metrics.${m}`) }))}
				/>
			</Group>
			{changes.isPending ? (
				<LoadingState />
			) : changes.isError ? (
				<ErrorState error={changes.error} onRetry={() => changes.refetch()} />
			) : changes.data.touchpoints.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("insights.kpis.noData")}
				</Text>
			) : (
				<Table.ScrollContainer minWidth={720}>
					<Table striped={false} highlightOnHover verticalSpacing={6}>
						<Table.Thead>
							<Table.Tr>
								<Table.Th>{t("insights.changes.touchpoint")}</Table.Th>
								<Table.Th ta="right">{t("insights.changes.previous")}</Table.Th>
								<Table.Th ta="right">{t("insights.changes.current")}</Table.Th>
								<Table.Th ta="right">{t("insights.changes.difference")}</Table.Th>
								<Table.Th ta="right">{t("insights.changes.pq")}</Table.Th>
								<Table.Th>{t("insights.changes.status")}</Table.Th>
							</Table.Tr>
						</Table.Thead>
						<Table.Tbody>
							{changes.data.touchpoints.map((row) => (
								<Table.Tr
									key={row.touchpointId}
									data-significant={row.significant}
									style={
										row.significant
											? {
													background: `var(--mantine-color-${directionColor(row.direction)}-0)`,
													boxShadow: `inset 3px 0 0 var(--mantine-color-${directionColor(row.direction)}-6)`,
												}
											: undefined
									}
								>
									<Table.Td fw={row.significant ? 600 : 400}>{row.touchpointName}</Table.Td>
									<Table.Td ta="right">
										{value(row.previous)}{" "}
										<Text span size="xs" c="dimmed">
											(n={row.previousN})
										</Text>
									</Table.Td>
									<Table.Td ta="right">
										{value(row.current)}{" "}
										<Text span size="xs" c="dimmed">
											(n={row.currentN})
										</Text>
									</Table.Td>
									<Table.Td ta="right">
										{row.difference === null
											? "–"
											: `${row.difference > 0 ? "+" : ""}${formatNumber(row.difference, language, kind === "ces" ? 2 : 1)}`}
										{row.ci95 && (
											<Text span size="xs" c="dimmed">
												{" "}
												[{formatNumber(row.ci95[0], language, 1)}; {formatNumber(row.ci95[1], language, 1)}]
											</Text>
										)}
									</Table.Td>
									<Table.Td ta="right">
										<Text size="xs">
											{row.pValue === null ? "–" : formatP(row.pValue, language)}
											{row.qValue !== null && ` · ${formatP(row.qValue, language).replace("p", "q")}`}
										</Text>
									</Table.Td>
									<Table.Td>
										<Badge
											size="sm"
											variant={row.significant ? "filled" : "light"}
											color={row.significant ? directionColor(row.direction) : "gray"}
										>
											{t(`insights.directions.${row.direction}`)}
										</Badge>
									</Table.Td>
								</Table.Tr>
							))}
						</Table.Tbody>
					</Table>
				</Table.ScrollContainer>
			)}
		</Paper>
	);
}
