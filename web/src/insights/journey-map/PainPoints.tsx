// The ranked pain points: impact = affected customers × how much worse than the journey average (see the contract).
import { Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PainPointView } from "../../../../server/modules/analytics/contract";
import { formatNumber, formatScore } from "../format";

type Props = {
	painPoints: PainPointView[];
	themeLabel: (key: string) => string;
	onOpen: (touchpointId: string) => void;
};

export function PainPoints({ painPoints, themeLabel, onOpen }: Props) {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	const kind = (metric: PainPointView["metric"]) => (metric === "csat" ? "share" : metric);
	return (
		<Paper withBorder p="md">
			<Title order={2} size="h4">
				{t("insights.painPoints.title")}
			</Title>
			<Text size="xs" c="dimmed" mb="sm">
				{t("insights.painPoints.formula")}
			</Text>
			{painPoints.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("insights.painPoints.none")}
				</Text>
			) : (
				<Table.ScrollContainer minWidth={680}>
					<Table highlightOnHover verticalSpacing={6}>
						<Table.Thead>
							<Table.Tr>
								<Table.Th>#</Table.Th>
								<Table.Th>{t("insights.painPoints.touchpoint")}</Table.Th>
								<Table.Th ta="right">{t("insights.painPoints.score")}</Table.Th>
								<Table.Th ta="right">{t("insights.painPoints.average")}</Table.Th>
								<Table.Th ta="right">{t("insights.painPoints.gap")}</Table.Th>
								<Table.Th ta="right">{t("insights.painPoints.affected")}</Table.Th>
								<Table.Th ta="right">{t("insights.painPoints.impact")}</Table.Th>
								<Table.Th>{t("insights.painPoints.themes")}</Table.Th>
							</Table.Tr>
						</Table.Thead>
						<Table.Tbody>
							{painPoints.map((p, index) => (
								<Table.Tr key={p.touchpointId} onClick={() => onOpen(p.touchpointId)} style={{ cursor: "pointer" }}>
									<Table.Td>{index + 1}</Table.Td>
									<Table.Td>
										<Stack gap={0}>
											<Group gap={6}>
												<Text size="sm" fw={600}>
													{p.touchpointName}
												</Text>
												{p.significant && (
													<Badge size="xs" color="red">
														{t("insights.painPoints.significant")}
													</Badge>
												)}
											</Group>
											<Text size="xs" c="dimmed">
												{p.stageName} · {t(`insights.metrics.${p.metric}`)}
											</Text>
										</Stack>
									</Table.Td>
									<Table.Td ta="right">{formatScore(kind(p.metric), p.value, language)}</Table.Td>
									<Table.Td ta="right">{formatScore(kind(p.metric), p.journeyAverage, language)}</Table.Td>
									<Table.Td ta="right">−{formatNumber(p.gap, language, 1)}</Table.Td>
									<Table.Td ta="right">{formatNumber(p.affected, language)}</Table.Td>
									<Table.Td ta="right" fw={700}>
										{formatNumber(p.impact, language, 1)}
									</Table.Td>
									<Table.Td>
										<Text size="xs">
											{p.topNegativeThemes.map((theme) => themeLabel(theme.theme)).join(", ") || "–"}
										</Text>
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
