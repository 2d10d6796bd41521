// Email campaigns with their delivery and response numbers.
import { Badge, Button, EmptyState, Group, Paper, Progress, Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EmailCampaignView } from "../../../../server/modules/outreach/contract";
import { IconPlus } from "../../ui/icons";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { formatDateTime, useSurveys } from "../feedback-api";
import { useCampaigns } from "./outreach-api";

const STATUS_COLORS = { scheduled: "gray", sending: "blue", sent: "teal" } as const;

export function CampaignList({ canWrite, onCreate }: { canWrite: boolean; onCreate: () => void }) {
	const { t, i18n } = useTranslation();
	const campaigns = useCampaigns();
	const surveys = useSurveys();
	const surveyName = new Map((surveys.data?.items ?? []).map((survey) => [survey.id, survey.name]));

	if (campaigns.isPending) return <LoadingState />;
	if (campaigns.isError) return <ErrorState error={campaigns.error} onRetry={() => campaigns.refetch()} />;
	const list = campaigns.data.items;

	const skipped = (campaign: EmailCampaignView) =>
		campaign.stats.skippedUnsubscribed + campaign.stats.skippedBounced + campaign.stats.skippedByCap;

	return (
		<>
			<Group justify="space-between" mb="sm">
				<Text size="sm" c="dimmed" maw={600}>
					{t("feedback.campaigns.intro")}
				</Text>
				{canWrite && (
					<Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
						{t("feedback.campaigns.create")}
					</Button>
				)}
			</Group>
			{list.length === 0 ? (
				<EmptyState
					variant="light"
					title={t("feedback.campaigns.emptyTitle")}
					description={t("feedback.campaigns.empty")}
					py="lg"
				/>
			) : (
				<Paper withBorder>
					<Table.ScrollContainer minWidth={820}>
						<Table verticalSpacing="sm">
							<Table.Thead>
								<Table.Tr>
									<Table.Th>{t("feedback.campaigns.name")}</Table.Th>
									<Table.Th>{t("feedback.campaigns.status")}</Table.Th>
									<Table.Th ta="right">{t("feedback.campaigns.recipients")}</Table.Th>
									<Table.Th ta="right">{t("feedback.campaigns.sent")}</Table.Th>
									<Table.Th ta="right">{t("feedback.campaigns.clicked")}</Table.Th>
									<Table.Th ta="right">{t("feedback.campaigns.responded")}</Table.Th>
									<Table.Th w={170}>{t("feedback.campaigns.responseRate")}</Table.Th>
								</Table.Tr>
							</Table.Thead>
							<Table.Tbody>
								{list.map((campaign) => {
									const rate = Math.round(campaign.stats.responseRate * 1000) / 10;
									return (
										<Table.Tr key={campaign.id} data-testid="campaign-row">
											<Table.Td>
												<Text fw={600} size="sm">
													{campaign.name}
												</Text>
												<Text size="xs" c="dimmed">
													{surveyName.get(campaign.surveyId) ?? "—"} · {formatDateTime(campaign.sendAt, i18n.language)}
												</Text>
											</Table.Td>
											<Table.Td>
												<Badge color={STATUS_COLORS[campaign.status]} variant="light">
													{t(`feedback.campaigns.statuses.${campaign.status}`)}
												</Badge>
												{campaign.reminderAfterDays && (
													<Text size="xs" c="dimmed" mt={2}>
														{campaign.reminderSentAt
															? t("feedback.campaigns.reminded", { count: campaign.stats.reminded })
															: t("feedback.campaigns.reminderAfter", { count: campaign.reminderAfterDays })}
													</Text>
												)}
											</Table.Td>
											<Table.Td ta="right">
												{campaign.stats.recipients}
												{skipped(campaign) > 0 && (
													<Tooltip
														label={t("feedback.campaigns.skippedDetail", {
															unsubscribed: campaign.stats.skippedUnsubscribed,
															bounced: campaign.stats.skippedBounced,
															cap: campaign.stats.skippedByCap,
														})}
														withArrow
													>
														<Text size="xs" c="dimmed">
															{t("feedback.campaigns.skipped", { count: skipped(campaign) })}
														</Text>
													</Tooltip>
												)}
											</Table.Td>
											<Table.Td ta="right">
												{campaign.stats.sent}
												{campaign.stats.failed + campaign.stats.bounced > 0 && (
													<Text size="xs" c="red">
														{t("feedback.campaigns.failed", { count: campaign.stats.failed + campaign.stats.bounced })}
													</Text>
												)}
											</Table.Td>
											<Table.Td ta="right">{campaign.stats.clicked}</Table.Td>
											<Table.Td ta="right">{campaign.stats.responded}</Table.Td>
											<Table.Td>
												<Group gap="xs" wrap="nowrap">
													<Progress value={rate} w={90} aria-label={t("feedback.campaigns.responseRate")} />
													<Text size="sm">{rate.toLocaleString(i18n.language)} %</Text>
												</Group>
											</Table.Td>
										</Table.Tr>
									);
								})}
							</Table.Tbody>
						</Table>
					</Table.ScrollContainer>
				</Paper>
			)}
		</>
	);
}
