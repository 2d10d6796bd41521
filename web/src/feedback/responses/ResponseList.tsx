// The explorer's list: one row per response with score, comment, analysis chips and where/when it came from.
import { Group, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ResponseView } from "../../../../server/modules/responses/contract";
import { AnalysisChips } from "../analysis/AnalysisChips";
import { asIntents } from "../analysis/analysis-style";
import { formatDateTime, type TouchpointEntry } from "../feedback-api";
import { ScoreBox } from "./ScoreBox";
import { themesOf } from "./use-responses";

type Props = {
	responses: ResponseView[];
	surveyNames: Map<string, string>;
	touchpoints: Map<string, TouchpointEntry>;
	onOpen: (id: string) => void;
};

export function ResponseList({ responses, surveyNames, touchpoints, onOpen }: Props) {
	const { t, i18n } = useTranslation();
	return (
		<Paper withBorder>
			<Stack gap={0} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }} data-testid="response-list">
				{responses.map((response, index) => (
					<li key={response.id} style={index > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}>
						<UnstyledButton
							className="loupe-response-row"
							onClick={() => onOpen(response.id)}
							w="100%"
							p="sm"
							aria-label={t("feedback.responses.open", {
								date: formatDateTime(response.submittedAt, i18n.language),
							})}
							data-testid="response-row"
							data-response-id={response.id}
						>
							<Group align="flex-start" wrap="nowrap" gap="sm">
								<ScoreBox score={response.score} scoreType={response.scoreType} scoreGroup={response.scoreGroup} />
								<Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
									{response.comment ? (
										<Text size="sm" lineClamp={3} className="loupe-comment" data-testid="response-comment">
											{response.comment}
										</Text>
									) : (
										<Text size="sm" c="dimmed" fs="italic">
											{t("feedback.responses.noComment")}
										</Text>
									)}
									<AnalysisChips
										hasText={Boolean(response.comment)}
										status={response.analysisStatus}
										sentiment={response.sentiment}
										intents={asIntents(response.intents)}
										themes={themesOf(response)}
									/>
									<Text size="xs" c="dimmed">
										{[
											surveyNames.get(response.surveyId) ?? t("feedback.responses.unknownSurvey"),
											touchpoints.get(response.touchpointId)?.name,
											t(`feedback.channel.${response.channel}`),
											response.language.toUpperCase(),
											formatDateTime(response.submittedAt, i18n.language),
											response.completed ? null : t("feedback.responses.partial"),
										]
											.filter(Boolean)
											.join(" · ")}
									</Text>
								</Stack>
							</Group>
						</UnstyledButton>
					</li>
				))}
			</Stack>
		</Paper>
	);
}
