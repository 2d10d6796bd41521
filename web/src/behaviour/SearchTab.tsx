// Site search: top queries, queries without results, queries after which visitors left.
import { Card, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SearchReportView } from "../../../server/modules/events/contract";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { BarCell } from "./BarCell";
import { type Range, useSearchReport } from "./behaviour-api";
import { formatCount, formatPercent } from "./format";

type Key = "searches" | "zeroResults" | "exits";

function QueryTable({
	rows,
	metric,
	title,
	testId,
}: {
	rows: SearchReportView["topQueries"];
	metric: Key;
	title: string;
	testId: string;
}) {
	const { t, i18n } = useTranslation();
	const max = Math.max(0, ...rows.map((r) => r[metric]));
	return (
		<Card withBorder>
			<Title order={3} size="h5" mb="xs">
				{title}
			</Title>
			{rows.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("behaviour.empty")}
				</Text>
			) : (
				<Table verticalSpacing={4} data-testid={testId}>
					<Table.Thead>
						<Table.Tr>
							<Table.Th>{t("behaviour.query")}</Table.Th>
							<Table.Th>{t(`behaviour.metrics.${metric}`)}</Table.Th>
						</Table.Tr>
					</Table.Thead>
					<Table.Tbody>
						{rows.slice(0, 15).map((row) => (
							<Table.Tr key={row.query}>
								<Table.Td>{row.query}</Table.Td>
								<Table.Td>
									<BarCell
										value={row[metric]}
										max={max}
										label={formatCount(row[metric], i18n.language)}
										color={metric === "searches" ? undefined : "var(--mantine-color-red-light)"}
									/>
								</Table.Td>
							</Table.Tr>
						))}
					</Table.Tbody>
				</Table>
			)}
		</Card>
	);
}

export function SearchTab({ range }: { range: Range }) {
	const { t, i18n } = useTranslation();
	const search = useSearchReport(range);
	if (search.isPending) return <LoadingState />;
	if (search.isError) return <ErrorState error={search.error} onRetry={() => search.refetch()} />;
	const { totals } = search.data;
	return (
		<>
			<SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
				<Card withBorder>
					<Text size="xs" c="dimmed" tt="uppercase" fw={600}>
						{t("behaviour.metrics.searches")}
					</Text>
					<Text size="xl" fw={700}>
						{formatCount(totals.searches, i18n.language)}
					</Text>
				</Card>
				<Card withBorder>
					<Text size="xs" c="dimmed" tt="uppercase" fw={600}>
						{t("behaviour.zeroResultShare")}
					</Text>
					<Text size="xl" fw={700} c="red">
						{formatPercent(totals.searches ? totals.zeroResults / totals.searches : null, i18n.language)}
					</Text>
				</Card>
				<Card withBorder>
					<Text size="xs" c="dimmed" tt="uppercase" fw={600}>
						{t("behaviour.searchExitShare")}
					</Text>
					<Text size="xl" fw={700}>
						{formatPercent(totals.searches ? totals.exits / totals.searches : null, i18n.language)}
					</Text>
				</Card>
			</SimpleGrid>
			<SimpleGrid cols={{ base: 1, lg: 3 }}>
				<QueryTable
					rows={search.data.topQueries}
					metric="searches"
					title={t("behaviour.topQueries")}
					testId="search-top"
				/>
				<QueryTable
					rows={search.data.zeroResultQueries}
					metric="zeroResults"
					title={t("behaviour.zeroResultQueries")}
					testId="search-zero"
				/>
				<QueryTable
					rows={search.data.exitQueries}
					metric="exits"
					title={t("behaviour.exitQueries")}
					testId="search-exits"
				/>
			</SimpleGrid>
		</>
	);
}
