// Traffic and engaged time per touchpoint and page, a daily trend, entry/exit pages and unmapped busy pages.
import { Badge, Card, Group, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PageTrafficView } from "../../../server/modules/events/contract";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { BarCell } from "./BarCell";
import { type Range, useOverview, useUnmappedPages } from "./behaviour-api";
import { formatCount, formatMs } from "./format";

function Trend({ days }: { days: { day: string; pageviews: number }[] }) {
	const max = Math.max(1, ...days.map((d) => d.pageviews));
	const points = days
		.map((d, i) => `${(i / Math.max(1, days.length - 1)) * 600},${80 - (d.pageviews / max) * 76}`)
		.join(" ");
	return (
		<svg viewBox="0 0 600 82" width="100%" height={90} role="img" aria-hidden preserveAspectRatio="none">
			<polyline
				points={points}
				fill="none"
				stroke="var(--mantine-color-blue-6)"
				strokeWidth={2}
				vectorEffect="non-scaling-stroke"
			/>
		</svg>
	);
}

function PageTable({
	pages,
	metric,
	title,
}: {
	pages: PageTrafficView[];
	metric: "pageviews" | "entries" | "exits";
	title: string;
}) {
	const { t, i18n } = useTranslation();
	const max = Math.max(0, ...pages.map((p) => p[metric]));
	return (
		<Card withBorder>
			<Title order={3} size="h5" mb="xs">
				{title}
			</Title>
			<Table.ScrollContainer minWidth={360}>
				<Table verticalSpacing={4}>
					<Table.Thead>
						<Table.Tr>
							<Table.Th>{t("behaviour.page")}</Table.Th>
							<Table.Th>{t(`behaviour.metrics.${metric}`)}</Table.Th>
							{metric === "pageviews" && <Table.Th>{t("behaviour.metrics.engaged")}</Table.Th>}
						</Table.Tr>
					</Table.Thead>
					<Table.Tbody>
						{pages.slice(0, 10).map((page) => (
							<Table.Tr key={page.path}>
								<Table.Td style={{ wordBreak: "break-all" }}>{page.path}</Table.Td>
								<Table.Td>
									<BarCell value={page[metric]} max={max} label={formatCount(page[metric], i18n.language)} />
								</Table.Td>
								{metric === "pageviews" && <Table.Td>{formatMs(page.avgEngagedMs, i18n.language)}</Table.Td>}
							</Table.Tr>
						))}
					</Table.Tbody>
				</Table>
			</Table.ScrollContainer>
		</Card>
	);
}

export function OverviewTab({ range }: { range: Range }) {
	const { t, i18n } = useTranslation();
	const overview = useOverview(range);
	const unmapped = useUnmappedPages(range);
	if (overview.isPending) return <LoadingState />;
	if (overview.isError) return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
	const data = overview.data;
	const maxTouchpoint = Math.max(0, ...data.touchpoints.map((tp) => tp.pageviews));
	const stats = [
		["pageviews", formatCount(data.totals.pageviews, i18n.language)],
		["sessions", formatCount(data.totals.sessions, i18n.language)],
		["engaged", formatMs(data.totals.avgEngagedMsPerPageview, i18n.language)],
	] as const;
	return (
		<>
			<SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
				{stats.map(([key, value]) => (
					<Card withBorder key={key} data-testid={`behaviour-total-${key}`}>
						<Text size="xs" c="dimmed" tt="uppercase" fw={600}>
							{t(`behaviour.metrics.${key}`)}
						</Text>
						<Text size="xl" fw={700}>
							{value}
						</Text>
					</Card>
				))}
			</SimpleGrid>
			<Card withBorder mb="md">
				<Text size="sm" fw={600}>
					{t("behaviour.trend")}
				</Text>
				<Trend days={data.days} />
			</Card>
			<Card withBorder mb="md">
				<Title order={3} size="h5" mb="xs">
					{t("behaviour.byTouchpoint")}
				</Title>
				<Table.ScrollContainer minWidth={520}>
					<Table verticalSpacing={4} data-testid="behaviour-touchpoints">
						<Table.Thead>
							<Table.Tr>
								<Table.Th>{t("behaviour.touchpoint")}</Table.Th>
								<Table.Th>{t("behaviour.metrics.pageviews")}</Table.Th>
								<Table.Th>{t("behaviour.metrics.entries")}</Table.Th>
								<Table.Th>{t("behaviour.metrics.exits")}</Table.Th>
								<Table.Th>{t("behaviour.metrics.engaged")}</Table.Th>
							</Table.Tr>
						</Table.Thead>
						<Table.Tbody>
							{data.touchpoints.map((tp) => (
								<Table.Tr key={tp.touchpointId ?? "none"}>
									<Table.Td>
										{tp.touchpointName ?? (
											<Text c="dimmed" size="sm">
												{t("behaviour.unmapped")}
											</Text>
										)}
									</Table.Td>
									<Table.Td>
										<BarCell
											value={tp.pageviews}
											max={maxTouchpoint}
											label={formatCount(tp.pageviews, i18n.language)}
										/>
									</Table.Td>
									<Table.Td>{formatCount(tp.entries, i18n.language)}</Table.Td>
									<Table.Td>{formatCount(tp.exits, i18n.language)}</Table.Td>
									<Table.Td>{formatMs(tp.avgEngagedMs, i18n.language)}</Table.Td>
								</Table.Tr>
							))}
						</Table.Tbody>
					</Table>
				</Table.ScrollContainer>
			</Card>
			<SimpleGrid cols={{ base: 1, lg: 3 }} mb="md">
				<PageTable pages={data.pages} metric="pageviews" title={t("behaviour.topPages")} />
				<PageTable pages={data.entryPages} metric="entries" title={t("behaviour.entryPages")} />
				<PageTable pages={data.exitPages} metric="exits" title={t("behaviour.exitPages")} />
			</SimpleGrid>
			{unmapped.data && unmapped.data.pages.length > 0 && (
				<Card withBorder>
					<Title order={3} size="h5">
						{t("behaviour.unmappedTitle")}
					</Title>
					<Text size="sm" c="dimmed" mb="xs">
						{t("behaviour.unmappedIntro")}
					</Text>
					<Group gap="xs">
						{unmapped.data.pages.slice(0, 12).map((page) => (
							<Badge key={page.path} variant="light" color="gray" tt="none">
								{page.path} · {formatCount(page.pageviews, i18n.language)} → {page.suggestedPattern}
							</Badge>
						))}
					</Group>
				</Card>
			)}
		</>
	);
}
