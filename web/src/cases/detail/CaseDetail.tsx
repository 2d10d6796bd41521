// One case: the header with the valid status transitions, its properties, SLA due times with breach markers, and
// tabs for the conversation (with the composer), the customer and the audit history.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import { CASE_TRANSITIONS, type CaseStatus } from "../../../../server/modules/cases/contract";
import { meQuery } from "../../api/session";
import { formatDateTime } from "../../feedback/feedback-api";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { useCaseDetail } from "../cases-api";
import { PRIORITY_COLORS, relativeTime, STATUS_COLORS } from "../format";
import { CaseComposer } from "./CaseComposer";
import { CaseProperties } from "./CaseProperties";
import { CaseThread } from "./CaseThread";
import { CaseTimeline } from "./CaseTimeline";
import { CustomerPanel } from "./CustomerPanel";
import { ResolveModal } from "./ResolveModal";
import { useCaseUpdate } from "./use-case-update";

/** A shortcut from the inbox ("r" reply, "e" resolve) for the case it names. */
export type DetailIntent = { kind: "reply" | "resolve"; caseId: string; at: number };

const TRANSITION_COLORS: Partial<Record<CaseStatus, string>> = { resolved: "teal", closed: "gray", waiting: "yellow" };

function DueTime({ label, dueAt, doneAt }: { label: string; dueAt: string | null; doneAt: string | null }) {
	const { t, i18n } = useTranslation();
	const isBreached = dueAt !== null && new Date(doneAt ?? Date.now()).getTime() > new Date(dueAt).getTime();
	return (
		<Paper withBorder p="xs" data-testid="sla-due">
			<Group justify="space-between" gap={4} wrap="nowrap">
				<Text size="xs" c="dimmed">
					{label}
				</Text>
				{isBreached && (
					<Badge size="xs" color="red" variant="filled">
						{t("cases.sla.breached")}
					</Badge>
				)}
				{!isBreached && doneAt && (
					<Badge size="xs" color="teal" variant="light">
						{t("cases.sla.met")}
					</Badge>
				)}
			</Group>
			<Text size="sm" fw={600} c={isBreached ? "red" : undefined}>
				{dueAt ? formatDateTime(dueAt, i18n.language) : "—"}
			</Text>
			<Text size="xs" c="dimmed">
				{doneAt
					? t("cases.sla.doneAt", { at: formatDateTime(doneAt, i18n.language) })
					: dueAt
						? relativeTime(dueAt, Date.now(), i18n.language)
						: t("cases.sla.none")}
			</Text>
		</Paper>
	);
}

export function CaseDetail({ caseId, intent }: { caseId: string; intent: DetailIntent | null }) {
	const { t, i18n } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const detail = useCaseDetail(caseId);
	const [isResolving, setResolving] = useState(false);
	const [tab, setTab] = useState<string>("conversation");
	const [replyNonce, setReplyNonce] = useState(0);
	const update = useCaseUpdate(detail.data, () => setResolving(false));
	const canWork = me ? hasPermission(me.role, "cases.work") : false;
	const language = i18n.language === "en" ? "en" : "de";

	useEffect(() => {
		if (!intent) return;
		if (intent.kind === "resolve") setResolving(true);
		else {
			setTab("conversation");
			setReplyNonce(intent.at);
		}
	}, [intent]);

	if (detail.isPending) return <LoadingState />;
	if (detail.error) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
	const view = detail.data;
	const transitions = CASE_TRANSITIONS[view.status];

	return (
		<Stack gap="md" data-testid="case-detail" data-case-version={view.version}>
			<Stack gap={6}>
				<Group gap="xs">
					<Text c="dimmed" fw={600}>
						#{view.number}
					</Text>
					<Badge tt="none" variant="dot" color={STATUS_COLORS[view.status]} data-testid="detail-status">
						{t(`cases.status.${view.status}`)}
					</Badge>
					<Badge tt="none" variant="light" color={PRIORITY_COLORS[view.priority]}>
						{t(`cases.priority.${view.priority}`)}
					</Badge>
					{view.escalationLevel > 0 && (
						<Badge variant="filled" color="red">
							{t("cases.detail.escalated", { level: view.escalationLevel })}
						</Badge>
					)}
					{view.reopenCount > 0 && (
						<Badge variant="light" color="orange">
							{t("cases.detail.reopened", { count: view.reopenCount })}
						</Badge>
					)}
				</Group>
				<Title order={2} size="h4">
					{view.subject}
				</Title>
				<Text size="xs" c="dimmed">
					{[
						view.customerName ?? view.customerEmail ?? t("cases.anonymous"),
						view.touchpointName,
						t("cases.detail.createdAt", { at: formatDateTime(view.createdAt, i18n.language) }),
					]
						.filter(Boolean)
						.join(" · ")}
				</Text>
				{canWork && (
					<Group gap="xs" data-testid="status-actions">
						{transitions.map((status) => (
							<Button
								key={status}
								size="xs"
								variant={status === "resolved" ? "filled" : "default"}
								color={TRANSITION_COLORS[status]}
								loading={update.isPending && update.variables?.status === status}
								onClick={() => (status === "resolved" ? setResolving(true) : update.mutate({ status }))}
							>
								{t(
									`cases.transition.${view.status === "resolved" || view.status === "closed" ? (status === "open" ? "reopen" : status) : status}`,
								)}
							</Button>
						))}
					</Group>
				)}
				{view.rootCauseLabel && (
					<Text size="sm">
						<Text span c="dimmed">
							{t("cases.resolve.rootCause")}:
						</Text>{" "}
						{view.rootCauseLabel[language]}
						{view.resolutionNote ? ` — ${view.resolutionNote}` : ""}
					</Text>
				)}
			</Stack>

			<CaseProperties detail={view} canWork={canWork} onChange={(input) => update.mutate(input)} />

			<SimpleGrid cols={2} spacing="xs">
				<DueTime label={t("cases.due.firstResponse")} dueAt={view.firstResponseDueAt} doneAt={view.firstRespondedAt} />
				<DueTime
					label={t("cases.due.resolution")}
					dueAt={view.resolutionDueAt}
					doneAt={view.resolvedAt ?? view.closedAt}
				/>
			</SimpleGrid>

			<Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
				<Tabs.List>
					<Tabs.Tab value="conversation">
						{t("cases.detail.tabs.conversation", { count: view.messages.length })}
					</Tabs.Tab>
					<Tabs.Tab value="customer">{t("cases.detail.tabs.customer")}</Tabs.Tab>
					<Tabs.Tab value="history">{t("cases.detail.tabs.history")}</Tabs.Tab>
				</Tabs.List>
				<Tabs.Panel value="conversation" pt="md">
					<Stack gap="md">
						<CaseThread messages={view.messages} />
						{canWork && <CaseComposer key={view.id} detail={view} focusNonce={replyNonce} />}
					</Stack>
				</Tabs.Panel>
				<Tabs.Panel value="customer" pt="md">
					<CustomerPanel detail={view} />
				</Tabs.Panel>
				<Tabs.Panel value="history" pt="md">
					<CaseTimeline events={view.events} />
				</Tabs.Panel>
			</Tabs>

			{isResolving && (
				<ResolveModal
					opened
					initialRootCauseId={view.rootCauseId}
					isPending={update.isPending}
					onClose={() => setResolving(false)}
					onResolve={({ rootCauseId, resolutionNote }) =>
						update.mutate({ status: "resolved", rootCauseId, ...(resolutionNote ? { resolutionNote } : {}) })
					}
				/>
			)}
		</Stack>
	);
}
