// Re-analysis of all feedback: start a run (admins), follow its progress live, and see earlier runs.
import { Badge, Button, Group, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../lib/api/pagination";
import type { ReanalysisView } from "../../../server/modules/text/contract";
import { api } from "../api/client";
import { formatDateTime } from "../feedback/feedback-api";
import { IconRefresh } from "../feedback/feedback-icons";
import { useLiveEvents } from "../feedback/use-live-events";
import { notifyError } from "../forms/notify-error";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { notify } from "../ui/notifications";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { reanalysisKey, useReanalysisRuns } from "./text-api";

const STATUS_COLORS = { running: "blue", done: "teal", failed: "red" } as const;

export function ReanalysisPanel({ canManage }: { canManage: boolean }) {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const [isConfirming, setConfirming] = useState(false);
	const runs = useReanalysisRuns();
	const latest = runs.data?.items[0];
	const running = latest?.status === "running";

	useLiveEvents(["text.reanalysis.progress"], (message) => {
		const { id, processed, total, done } = message.data as {
			id?: string;
			processed?: number;
			total?: number;
			done?: boolean;
		};
		if (typeof id !== "string") return;
		queryClient.setQueryData<Page<ReanalysisView>>(reanalysisKey, (current) =>
			current
				? {
						...current,
						items: current.items.map((run) =>
							run.id === id
								? {
										...run,
										processed: processed ?? run.processed,
										total: total ?? run.total,
										status: done ? "done" : run.status,
									}
								: run,
						),
					}
				: current,
		);
		if (done) void queryClient.invalidateQueries({ queryKey: reanalysisKey });
	});

	const start = useMutation({
		mutationFn: () => api<ReanalysisView>("POST", "/text/reanalysis", { reason: "manual" }),
		onSuccess: () => {
			notify("success", t("text.reanalysis.started"));
			setConfirming(false);
		},
		onError: (error) => notifyError(error, t),
		onSettled: () => queryClient.invalidateQueries({ queryKey: reanalysisKey }),
	});

	const percent = latest && latest.total > 0 ? Math.min(100, Math.round((latest.processed / latest.total) * 100)) : 0;

	return (
		<Paper withBorder p="md">
			<Group justify="space-between" mb="sm" gap="xs">
				<div>
					<Title order={2} size="h5">
						{t("text.reanalysis.title")}
					</Title>
					<Text size="sm" c="dimmed" maw={560}>
						{t("text.reanalysis.intro")}
					</Text>
				</div>
				{canManage && (
					<Button
						leftSection={<IconRefresh size={16} />}
						variant="light"
						onClick={() => setConfirming(true)}
						disabled={running}
					>
						{t("text.reanalysis.start")}
					</Button>
				)}
			</Group>
			{runs.isPending ? (
				<LoadingState />
			) : runs.isError ? (
				<ErrorState error={runs.error} onRetry={() => runs.refetch()} />
			) : !latest ? (
				<Text size="sm" c="dimmed">
					{t("text.reanalysis.none")}
				</Text>
			) : (
				<Stack gap="xs">
					<Group justify="space-between" gap="xs">
						<Group gap="xs">
							<Badge color={STATUS_COLORS[latest.status]} variant="light">
								{t(`text.reanalysis.status.${latest.status}`)}
							</Badge>
							<Text size="sm">{formatDateTime(latest.createdAt, i18n.language)}</Text>
						</Group>
						<Text size="sm" c="dimmed">
							{t("text.reanalysis.progress", {
								processed: latest.processed.toLocaleString(i18n.language),
								total: latest.total.toLocaleString(i18n.language),
							})}
						</Text>
					</Group>
					<Progress
						value={latest.status === "done" ? 100 : percent}
						color={latest.status === "failed" ? "red" : latest.status === "done" ? "teal" : "blue"}
						animated={latest.status === "running"}
						size="lg"
						aria-label={t("text.reanalysis.progressLabel", { percent })}
					/>
					{latest.error && (
						<Text size="sm" c="red">
							{latest.error}
						</Text>
					)}
					{(runs.data?.items.length ?? 0) > 1 && (
						<Text size="xs" c="dimmed">
							{t("text.reanalysis.earlier")}{" "}
							{runs.data?.items
								.slice(1, 5)
								.map(
									(run) =>
										`${formatDateTime(run.createdAt, i18n.language)} (${t(`text.reanalysis.status.${run.status}`)}, ${run.processed.toLocaleString(i18n.language)})`,
								)
								.join(" · ")}
						</Text>
					)}
				</Stack>
			)}
			<ConfirmDialog
				opened={isConfirming}
				title={t("text.reanalysis.confirmTitle")}
				message={t("text.reanalysis.confirmMessage")}
				confirmLabel={t("text.reanalysis.start")}
				isPending={start.isPending}
				onConfirm={() => start.mutate()}
				onClose={() => setConfirming(false)}
			/>
		</Paper>
	);
}
