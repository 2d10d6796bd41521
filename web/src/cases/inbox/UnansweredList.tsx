// Feedback nobody has answered yet (responses and mentions), per department: acknowledge it, or open a case for it
// (or go to the case already opened from it).
import { Badge, Box, Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseView } from "../../../../server/modules/cases/contract";
import type { SetReplyStateView, UnansweredFeedbackView } from "../../../../server/modules/cases/contract-loop";
import { scoreGroupOf } from "../../../../server/modules/surveys/answers";
import { api, isApiError } from "../../api/client";
import { SentimentBadge } from "../../feedback/analysis/AnalysisChips";
import { formatDateTime } from "../../feedback/feedback-api";
import { ScoreBox } from "../../feedback/responses/ScoreBox";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { useRefreshCases, useUnanswered } from "../cases-api";

const keyOf = (item: UnansweredFeedbackView) => `${item.source}:${item.id}`;

/** Feedback that already has its case (opened but not replied to yet) links to it instead of opening another. */
function CaseLink({ caseId }: { caseId: string }) {
	const { t } = useTranslation();
	return (
		<Button
			size="xs"
			variant="default"
			renderRoot={(props) => <Link to="/cases/$caseId" params={{ caseId }} {...props} />}
		>
			{t("cases.unanswered.toCase")}
		</Button>
	);
}

export function UnansweredList({ departmentId }: { departmentId: string | null }) {
	const { t, i18n } = useTranslation();
	const navigate = useNavigate();
	const pages = useUnanswered(departmentId);
	const items = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
	const [selected, setSelected] = useState<Set<string>>(new Set());
	const refresh = useRefreshCases();

	const acknowledge = useMutation({
		mutationFn: (targets: UnansweredFeedbackView[]) =>
			api<SetReplyStateView>("POST", "/feedback/reply-state", {
				items: targets.map((item) => ({ source: item.source, id: item.id })),
				state: "acknowledged",
			}),
		onSuccess: (result) => {
			notify("success", t("cases.unanswered.acknowledged", { count: result.updated }));
			setSelected(new Set());
			refresh();
		},
		onError: (error) => notify("error", t("cases.unanswered.failed"), error.message),
	});

	const openCase = useMutation({
		mutationFn: (item: UnansweredFeedbackView) =>
			api<CaseView>("POST", "/cases", {
				subject: item.text.slice(0, 120) || t("cases.unanswered.subject"),
				touchpointId: item.touchpointId,
				departmentId: item.departmentId,
				...(item.source === "response" ? { responseId: item.id } : { mentionId: item.id }),
				language: i18n.language === "en" ? "en" : "de",
			}),
		onSuccess: (view) => {
			refresh();
			navigate({ to: "/cases/$caseId", params: { caseId: view.id } });
		},
		onError: (error) =>
			notify(
				"error",
				isApiError(error) && error.status === 409 ? t("cases.unanswered.hasCase") : t("cases.unanswered.failed"),
				error.message,
			),
	});

	if (pages.isPending) return <LoadingState />;
	if (pages.error) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
	const chosen = items.filter((item) => selected.has(keyOf(item)));

	return (
		<Stack gap="sm">
			<Group justify="space-between">
				<Text size="sm" c="dimmed">
					{t("cases.unanswered.intro")}
				</Text>
				<Button
					size="xs"
					variant="default"
					disabled={chosen.length === 0}
					loading={acknowledge.isPending}
					onClick={() => acknowledge.mutate(chosen)}
				>
					{t("cases.unanswered.acknowledge")}
					{chosen.length > 0 ? ` (${chosen.length})` : ""}
				</Button>
			</Group>
			{items.length === 0 ? (
				<Box py="xl" ta="center">
					<Text c="dimmed">{t("cases.unanswered.empty")}</Text>
				</Box>
			) : (
				<Paper withBorder>
					<Stack gap={0} data-testid="unanswered-list">
						{items.map((item, index) => (
							<Group
								key={keyOf(item)}
								align="flex-start"
								wrap="nowrap"
								gap="sm"
								p="sm"
								style={index > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
							>
								<Checkbox
									mt={4}
									size="xs"
									aria-label={t("cases.unanswered.select")}
									checked={selected.has(keyOf(item))}
									onChange={() =>
										setSelected((current) => {
											const next = new Set(current);
											if (next.has(keyOf(item))) next.delete(keyOf(item));
											else next.add(keyOf(item));
											return next;
										})
									}
								/>
								{item.source === "response" ? (
									<ScoreBox
										score={item.score}
										scoreType={item.scoreType}
										scoreGroup={item.scoreType && item.score !== null ? scoreGroupOf(item.scoreType, item.score) : null}
									/>
								) : (
									<Badge variant="outline" size="sm" mt={4}>
										{item.channel}
									</Badge>
								)}
								<Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
									<Text size="sm" lineClamp={3} className="loupe-message">
										{item.text || t("cases.unanswered.noText")}
									</Text>
									<Group gap="xs">
										{item.sentiment && <SentimentBadge sentiment={item.sentiment} />}
										<Text size="xs" c="dimmed">
											{[
												t(`cases.unanswered.source.${item.source}`),
												item.touchpointName,
												formatDateTime(item.at, i18n.language),
											]
												.filter(Boolean)
												.join(" · ")}
										</Text>
									</Group>
								</Stack>
								{item.caseId ? (
									<CaseLink caseId={item.caseId} />
								) : (
									<Button
										size="xs"
										variant="light"
										loading={openCase.isPending && openCase.variables?.id === item.id}
										onClick={() => openCase.mutate(item)}
									>
										{t("cases.unanswered.openCase")}
									</Button>
								)}
							</Group>
						))}
					</Stack>
				</Paper>
			)}
			{pages.hasNextPage && (
				<Group justify="center">
					<Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
						{t("cases.list.loadMore")}
					</Button>
				</Group>
			)}
		</Stack>
	);
}
