// What the case is about and who the customer is: the linked feedback with its analysis, their other responses,
// earlier cases and the session path around the response.
import { Anchor, Badge, Group, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CaseDetailView } from "../../../../server/modules/cases/contract";
import { scoreGroupOf } from "../../../../server/modules/surveys/answers";
import type { IntentLabel } from "../../../../server/modules/text/contract";
import { AnalysisChips } from "../../feedback/analysis/AnalysisChips";
import { asSentiment, parseThemes } from "../../feedback/analysis/analysis-style";
import { formatDateTime } from "../../feedback/feedback-api";
import { ScoreBox } from "../../feedback/responses/ScoreBox";
import { STATUS_COLORS } from "../format";

type ScoreType = "nps" | "csat" | "ces";
const asScoreType = (value: string | null): ScoreType | null =>
	value === "nps" || value === "csat" || value === "ces" ? value : null;

function Score({ scoreType, score }: { scoreType: string | null; score: number | null }) {
	const type = asScoreType(scoreType);
	return (
		<ScoreBox score={score} scoreType={type} scoreGroup={type && score !== null ? scoreGroupOf(type, score) : null} />
	);
}

export function CustomerPanel({ detail }: { detail: CaseDetailView }) {
	const { t, i18n } = useTranslation();
	const { feedback, customer } = detail;
	const otherResponses = customer.responses.filter((response) => response.id !== feedback?.id);
	const earlierCases = customer.cases.filter((entry) => entry.id !== detail.id);

	return (
		<Stack gap="md">
			<Stack gap={4}>
				<Title order={3} size="h5">
					{t("cases.customer.feedback")}
				</Title>
				{feedback ? (
					<Paper withBorder p="sm" data-testid="linked-feedback">
						<Group align="flex-start" wrap="nowrap" gap="sm">
							<Score scoreType={feedback.scoreType} score={feedback.score} />
							<Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
								<Text size="sm" className="loupe-message-body">
									{feedback.comment ?? t("cases.customer.noComment")}
								</Text>
								<AnalysisChips
									hasText={Boolean(feedback.comment)}
									status="done"
									sentiment={asSentiment(feedback.sentiment)}
									intents={feedback.intents as IntentLabel[]}
									themes={parseThemes(feedback.themes)}
								/>
								<Text size="xs" c="dimmed">
									{[
										t(`cases.unanswered.source.${feedback.kind}`),
										feedback.source,
										formatDateTime(feedback.at, i18n.language),
									]
										.filter(Boolean)
										.join(" · ")}
									{feedback.url && (
										<>
											{" · "}
											<Anchor href={feedback.url} target="_blank" rel="noreferrer" size="xs">
												{t("cases.customer.original")}
											</Anchor>
										</>
									)}
								</Text>
							</Stack>
						</Group>
					</Paper>
				) : (
					<Text size="sm" c="dimmed">
						{t("cases.customer.noFeedback")}
					</Text>
				)}
			</Stack>

			<Stack gap={4}>
				<Title order={3} size="h5">
					{t("cases.customer.contact")}
				</Title>
				<Text size="sm">
					{[detail.customerName, detail.customerEmail].filter(Boolean).join(" · ") || t("cases.anonymous")}
				</Text>
			</Stack>

			<Stack gap={4}>
				<Title order={3} size="h5">
					{t("cases.customer.responses", { count: otherResponses.length })}
				</Title>
				{otherResponses.length === 0 ? (
					<Text size="sm" c="dimmed">
						{t("cases.customer.none")}
					</Text>
				) : (
					otherResponses.map((response) => (
						<Group key={response.id} gap="sm" wrap="nowrap" align="flex-start">
							<Score scoreType={response.scoreType} score={response.score} />
							<Stack gap={0} style={{ minWidth: 0 }}>
								<Text size="sm" lineClamp={2}>
									{response.comment ?? t("cases.customer.noComment")}
								</Text>
								<Anchor
									size="xs"
									c="dimmed"
									renderRoot={(props) => (
										<Link to="/feedback/responses" search={{ response: response.id }} {...props} />
									)}
								>
									{formatDateTime(response.at, i18n.language)}
								</Anchor>
							</Stack>
						</Group>
					))
				)}
			</Stack>

			<Stack gap={4}>
				<Title order={3} size="h5">
					{t("cases.customer.cases", { count: earlierCases.length })}
				</Title>
				{earlierCases.length === 0 ? (
					<Text size="sm" c="dimmed">
						{t("cases.customer.none")}
					</Text>
				) : (
					earlierCases.map((entry) => (
						<Group key={entry.id} gap="xs" wrap="nowrap">
							<Badge size="xs" variant="dot" color={STATUS_COLORS[entry.status]}>
								{t(`cases.status.${entry.status}`)}
							</Badge>
							<Anchor
								size="sm"
								truncate="end"
								renderRoot={(props) => <Link to="/cases/$caseId" params={{ caseId: entry.id }} {...props} />}
							>
								#{entry.number} {entry.subject}
							</Anchor>
							<Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
								{formatDateTime(entry.createdAt, i18n.language)}
							</Text>
						</Group>
					))
				)}
			</Stack>

			{customer.sessionPath && customer.sessionPath.events.length > 0 && (
				<Stack gap={4}>
					<Title order={3} size="h5">
						{t("cases.customer.session")}
					</Title>
					<Timeline bulletSize={12} lineWidth={2}>
						{customer.sessionPath.events.map((event) => (
							<Timeline.Item
								key={`${event.at}-${event.type}-${event.path}-${event.name ?? ""}`}
								title={
									<Text size="sm">
										{event.touchpointName ?? event.path}
										{event.type !== "pageview" && (
											<Badge size="xs" variant="light" ml={6}>
												{event.name ?? event.type}
											</Badge>
										)}
									</Text>
								}
							>
								<Text size="xs" c="dimmed">
									{formatDateTime(event.at, i18n.language)} · {event.path}
								</Text>
							</Timeline.Item>
						))}
					</Timeline>
					{customer.sessionPath.truncated && (
						<Text size="xs" c="dimmed">
							{t("cases.customer.truncated")}
						</Text>
					)}
				</Stack>
			)}
		</Stack>
	);
}
