// Slow pages: p75 LCP and INP per page against Google's thresholds, linked to the page's touchpoint.
import { Badge, Card, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { type Range, useSlowPages } from "./behaviour-api";
import { formatCount, formatMs, ratingColor } from "./format";

export function SlowPagesTab({ range }: { range: Range }) {
	const { t, i18n } = useTranslation();
	const slow = useSlowPages(range);
	if (slow.isPending) return <LoadingState />;
	if (slow.isError) return <ErrorState error={slow.error} onRetry={() => slow.refetch()} />;
	const rating = (value: string | null) =>
		value ? (
			<Badge color={ratingColor(value)} variant="light">
				{t(`behaviour.rating.${value}`)}
			</Badge>
		) : (
			"–"
		);
	return (
		<Card withBorder>
			<Text size="sm" c="dimmed" mb="sm">
				{t("behaviour.thresholds")}
			</Text>
			<Table.ScrollContainer minWidth={760}>
				<Table verticalSpacing={6} data-testid="slow-pages">
					<Table.Thead>
						<Table.Tr>
							<Table.Th>{t("behaviour.page")}</Table.Th>
							<Table.Th>{t("behaviour.touchpoint")}</Table.Th>
							<Table.Th>{t("behaviour.p75Lcp")}</Table.Th>
							<Table.Th>{t("behaviour.p75Inp")}</Table.Th>
							<Table.Th>{t("behaviour.p75Load")}</Table.Th>
							<Table.Th>{t("behaviour.samples")}</Table.Th>
						</Table.Tr>
					</Table.Thead>
					<Table.Tbody>
						{slow.data.pages.map((page) => (
							<Table.Tr key={page.path}>
								<Table.Td style={{ wordBreak: "break-all" }}>{page.path}</Table.Td>
								<Table.Td>
									{page.touchpointName ?? (
										<Text c="dimmed" size="sm">
											{t("behaviour.unmapped")}
										</Text>
									)}
								</Table.Td>
								<Table.Td>
									{formatMs(page.p75LcpMs, i18n.language)} {rating(page.lcpRating)}
								</Table.Td>
								<Table.Td>
									{formatMs(page.p75InpMs, i18n.language)} {rating(page.inpRating)}
								</Table.Td>
								<Table.Td>{formatMs(page.p75LoadMs, i18n.language)}</Table.Td>
								<Table.Td>{formatCount(page.samples, i18n.language)}</Table.Td>
							</Table.Tr>
						))}
					</Table.Tbody>
				</Table>
			</Table.ScrollContainer>
			{slow.data.pages.length === 0 && (
				<Text size="sm" c="dimmed">
					{t("behaviour.empty")}
				</Text>
			)}
		</Card>
	);
}
