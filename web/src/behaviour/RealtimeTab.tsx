// Visitors of the last five minutes, refreshed every ten seconds.
import { Card, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { useRealtime } from "./behaviour-api";
import { formatCount } from "./format";

export function RealtimeTab() {
	const { t, i18n } = useTranslation();
	const realtime = useRealtime();
	if (realtime.isPending) return <LoadingState />;
	if (realtime.isError) return <ErrorState error={realtime.error} onRetry={() => realtime.refetch()} />;
	return (
		<Card withBorder>
			<Group align="baseline" mb="md">
				<Text size="48px" fw={700} data-testid="realtime-visitors">
					{formatCount(realtime.data.visitors, i18n.language)}
				</Text>
				<Text c="dimmed">{t("behaviour.realtimeLabel", { minutes: realtime.data.windowMinutes })}</Text>
			</Group>
			<Table verticalSpacing={4}>
				<Table.Thead>
					<Table.Tr>
						<Table.Th>{t("behaviour.page")}</Table.Th>
						<Table.Th>{t("behaviour.metrics.sessions")}</Table.Th>
					</Table.Tr>
				</Table.Thead>
				<Table.Tbody>
					{realtime.data.pages.map((page) => (
						<Table.Tr key={page.path}>
							<Table.Td>{page.path}</Table.Td>
							<Table.Td>{formatCount(page.sessions, i18n.language)}</Table.Td>
						</Table.Tr>
					))}
				</Table.Tbody>
			</Table>
		</Card>
	);
}
