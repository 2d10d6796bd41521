// The organization's surveys with status, kind, touchpoint and languages; create one from a template or blank.
import { Anchor, Badge, Button, EmptyState, Group, Paper, SegmentedControl, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import type { SurveyStatus } from "../../../../server/modules/surveys/contract";
import { meQuery } from "../../api/session";
import { IconPlus } from "../../ui/icons";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { formatDate, useSurveys, useTouchpointCatalog } from "../feedback-api";
import { NewSurveyModal } from "./NewSurveyModal";

const STATUS_COLORS = { draft: "gray", live: "teal", closed: "red" } as const;

export function SurveyListPage() {
	const { t, i18n } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const surveys = useSurveys();
	const catalog = useTouchpointCatalog();
	const [status, setStatus] = useState<SurveyStatus | "all">("all");
	const [isCreating, setCreating] = useState(false);
	const canEdit = Boolean(me && hasPermission(me.role, "surveys.write"));

	if (surveys.isPending) return <LoadingState />;
	if (surveys.isError) return <ErrorState error={surveys.error} onRetry={() => surveys.refetch()} />;
	const list = surveys.data.items.filter((survey) => status === "all" || survey.status === status);

	return (
		<>
			<Group justify="space-between" mb="md" gap="xs">
				<SegmentedControl
					size="xs"
					value={status}
					onChange={(value) => setStatus(value as SurveyStatus | "all")}
					data={(["all", "live", "draft", "closed"] as const).map((value) => ({
						value,
						label: value === "all" ? t("feedback.surveys.all") : t(`feedback.status.${value}`),
					}))}
					aria-label={t("feedback.surveys.statusFilter")}
				/>
				{canEdit && (
					<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
						{t("feedback.surveys.create")}
					</Button>
				)}
			</Group>
			{list.length === 0 ? (
				<EmptyState
					variant="light"
					title={t("feedback.surveys.emptyTitle")}
					description={canEdit ? t("feedback.surveys.emptyEditable") : t("feedback.surveys.empty")}
					py="xl"
				/>
			) : (
				<Paper withBorder>
					<Table.ScrollContainer minWidth={720}>
						<Table verticalSpacing="sm" highlightOnHover>
							<Table.Thead>
								<Table.Tr>
									<Table.Th>{t("feedback.surveys.name")}</Table.Th>
									<Table.Th>{t("feedback.surveys.status")}</Table.Th>
									<Table.Th>{t("feedback.surveys.kind")}</Table.Th>
									<Table.Th>{t("feedback.surveys.touchpoint")}</Table.Th>
									<Table.Th>{t("feedback.surveys.languages")}</Table.Th>
									<Table.Th>{t("feedback.surveys.updated")}</Table.Th>
								</Table.Tr>
							</Table.Thead>
							<Table.Tbody>
								{list.map((survey) => {
									const touchpoint = catalog.byId.get(survey.touchpointId);
									return (
										<Table.Tr key={survey.id} data-testid="survey-row">
											<Table.Td>
												<Anchor
													fw={600}
													size="sm"
													renderRoot={(props) => (
														<Link to="/feedback/surveys/$surveyId" params={{ surveyId: survey.id }} {...props} />
													)}
												>
													{survey.name}
												</Anchor>
												<Text size="xs" c="dimmed">
													v{survey.currentVersion}
													{survey.audience === "employee" ? ` · ${t("feedback.audience.employee")}` : ""}
												</Text>
											</Table.Td>
											<Table.Td>
												<Badge color={STATUS_COLORS[survey.status]} variant="light">
													{t(`feedback.status.${survey.status}`)}
												</Badge>
											</Table.Td>
											<Table.Td>{t(`feedback.kind.${survey.kind}`)}</Table.Td>
											<Table.Td>
												<Text size="sm">{touchpoint?.name ?? "—"}</Text>
												{touchpoint && (
													<Text size="xs" c="dimmed">
														{touchpoint.stageName}
													</Text>
												)}
											</Table.Td>
											<Table.Td>{survey.languages.map((language) => language.toUpperCase()).join(", ")}</Table.Td>
											<Table.Td>{formatDate(survey.updatedAt, i18n.language)}</Table.Td>
										</Table.Tr>
									);
								})}
							</Table.Tbody>
						</Table>
					</Table.ScrollContainer>
				</Paper>
			)}
			{isCreating && <NewSurveyModal onClose={() => setCreating(false)} />}
		</>
	);
}
