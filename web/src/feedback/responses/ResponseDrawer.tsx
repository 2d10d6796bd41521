// One response in a side drawer: every answer with its question, hidden fields, and the analysis with corrections.
import { Badge, Divider, Drawer, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import { meQuery } from "../../api/session";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { asIntents } from "../analysis/analysis-style";
import { CorrectionPanel } from "../analysis/CorrectionPanel";
import { useCorrection } from "../analysis/use-correction";
import { formatDateTime, type TouchpointEntry } from "../feedback-api";
import { ScoreBox } from "./ScoreBox";
import {
	correctedThemes,
	patchResponseCaches,
	responseKey,
	responsesKey,
	themesOf,
	useResponseDetail,
} from "./use-responses";

type Props = { responseId: string | null; touchpoints: Map<string, TouchpointEntry>; onClose: () => void };

export function ResponseDrawer({ responseId, touchpoints, onClose }: Props) {
	const { t } = useTranslation();
	const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
	return (
		<Drawer
			opened={responseId !== null}
			onClose={onClose}
			position="right"
			size={isPhone ? "100%" : "lg"}
			title={t("feedback.responses.detailTitle")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			{responseId && <ResponseDetail id={responseId} touchpoints={touchpoints} />}
		</Drawer>
	);
}

function ResponseDetail({ id, touchpoints }: { id: string; touchpoints: Map<string, TouchpointEntry> }) {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const { data: me } = useQuery(meQuery);
	const detail = useResponseDetail(id);
	const correction = useCorrection(
		"response",
		(targetId, change) => {
			const current = queryClient.getQueryData<object>(responseKey(targetId));
			const themes = correctedThemes(current ? themesOf(current) : [], change);
			return patchResponseCaches(queryClient, targetId, { ...change, themes });
		},
		[responseKey(id), responsesKey],
	);

	if (detail.isPending) return <LoadingState />;
	if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
	const response = detail.data;
	const touchpoint = touchpoints.get(response.touchpointId);
	const hiddenFields = Object.entries(response.hiddenFields);
	const canCorrect = Boolean(me && hasPermission(me.role, "text.correct"));

	return (
		<Stack gap="md" data-testid="response-detail">
			<Group gap="sm" wrap="nowrap" align="flex-start">
				<ScoreBox score={response.score} scoreType={response.scoreType} scoreGroup={response.scoreGroup} />
				<div style={{ minWidth: 0 }}>
					<Text fw={650}>
						{response.surveyName}{" "}
						<Text span size="sm" c="dimmed">
							{t("feedback.responses.version", { version: response.surveyVersion })}
						</Text>
					</Text>
					<Text size="sm" c="dimmed">
						{[
							touchpoint ? `${touchpoint.stageName} › ${touchpoint.name}` : null,
							t(`feedback.channel.${response.channel}`),
							response.language.toUpperCase(),
							formatDateTime(response.submittedAt, i18n.language),
						]
							.filter(Boolean)
							.join(" · ")}
					</Text>
					{!response.completed && (
						<Badge size="sm" color="yellow" variant="light" mt={4}>
							{t("feedback.responses.partial")}
						</Badge>
					)}
				</div>
			</Group>

			{response.comment && (
				<section aria-labelledby="analysis-title">
					<Title order={3} size="h5" mb="xs" id="analysis-title">
						{t("feedback.responses.analysis")}
					</Title>
					<Text size="sm" className="loupe-comment" mb="sm" p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
						{response.comment}
					</Text>
					{response.analysisStatus === "done" ? (
						<CorrectionPanel
							status={response.analysisStatus}
							sentiment={response.sentiment}
							intents={asIntents(response.intents)}
							themes={themesOf(response)}
							sentimentScores={response.sentimentScores}
							canCorrect={canCorrect}
							isSaving={correction.isPending}
							onCorrect={(change) => correction.mutate({ targetId: response.id, change })}
						/>
					) : (
						<Text size="sm" c="dimmed">
							{response.analysisStatus === "pending"
								? t("feedback.analysis.pending")
								: `${t("feedback.analysis.failed")}${response.analysisError ? `: ${response.analysisError}` : ""}`}
						</Text>
					)}
				</section>
			)}

			<Divider />
			<section aria-labelledby="answers-title">
				<Title order={3} size="h5" mb="xs" id="answers-title">
					{t("feedback.responses.answers")}
				</Title>
				<Stack gap="sm">
					{response.questions.map((question) => (
						<div key={question.questionId}>
							<Text size="xs" c="dimmed">
								{question.text}
							</Text>
							<Text size="sm" className="loupe-comment">
								{question.display ?? (
									<Text span c="dimmed" fs="italic" size="sm">
										{t("feedback.responses.notAnswered")}
									</Text>
								)}
							</Text>
						</div>
					))}
				</Stack>
			</section>

			{hiddenFields.length > 0 && (
				<section aria-labelledby="hidden-title">
					<Title order={3} size="h5" mb="xs" id="hidden-title">
						{t("feedback.responses.hiddenFields")}
					</Title>
					<Table withTableBorder verticalSpacing={4}>
						<Table.Tbody>
							{hiddenFields.map(([key, value]) => (
								<Table.Tr key={key}>
									<Table.Td ff="monospace" fz="xs" w="40%">
										{key}
									</Table.Td>
									<Table.Td fz="sm" style={{ overflowWrap: "anywhere" }}>
										{value}
									</Table.Td>
								</Table.Tr>
							))}
						</Table.Tbody>
					</Table>
				</section>
			)}
			<Text size="xs" c="dimmed">
				{t("feedback.responses.idLine", { id: response.id })}
			</Text>
		</Stack>
	);
}
