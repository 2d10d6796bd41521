// The alerts tab: fired alerts with their evidence (values, 95 % CI, p and q, deliveries), acknowledge and resolve;
// below, the rules (kind, scope, windows, thresholds, channels) with an editor.
import {
	Badge,
	Button,
	Card,
	Group,
	SegmentedControl,
	SimpleGrid,
	Stack,
	Switch,
	Table,
	Text,
	Title,
	Tooltip,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import type { AlertRuleView, AlertView } from "../../../../server/modules/analytics/contract-alerts";
import { meQuery } from "../../api/session";
import { useLiveEvents } from "../../feedback/use-live-events";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { formatDifference, formatMetric, pText } from "../dashboards/widgets/format";
import { alertsKey, useAlertRuleMutations, useAlertRules, useAlertStatus, useAlerts } from "./alerts-api";
import { RuleForm } from "./RuleForm";

const metricOfEvidence = (metric: string) => (metric === "negativeThemeShare" ? "negativeShare" : metric);

export function AlertsPage() {
	const { t } = useTranslation();
	const client = useQueryClient();
	const { data: me } = useQuery(meQuery);
	const canManage = me ? hasPermission(me.role, "analytics.manage") : false;
	const [status, setStatus] = useState<"active" | "resolved" | "all">("active");
	const alerts = useAlerts(status);
	useLiveEvents(["alert.fired"], () => client.invalidateQueries({ queryKey: alertsKey }));
	return (
		<Stack gap="xl">
			<Stack gap="sm">
				<Group justify="space-between">
					<Title order={2} size="h4">
						{t("alerts.title")}
					</Title>
					<SegmentedControl
						size="xs"
						value={status}
						onChange={(v) => setStatus(v as typeof status)}
						data={["active", "resolved", "all"].map((s) => ({ value: s, label: t(`alerts.filters.${s}`) }))}
					/>
				</Group>
				{alerts.isPending ? (
					<LoadingState />
				) : alerts.isError ? (
					<ErrorState error={alerts.error} onRetry={() => alerts.refetch()} />
				) : alerts.data.items.length === 0 ? (
					<Text c="dimmed" size="sm">
						{t("alerts.none")}
					</Text>
				) : (
					<SimpleGrid cols={{ base: 1, md: 2 }}>
						{alerts.data.items.map((alert) => (
							<AlertCard key={alert.id} alert={alert} canManage={canManage} />
						))}
					</SimpleGrid>
				)}
			</Stack>
			<RulesSection canManage={canManage} />
		</Stack>
	);
}

function AlertCard({ alert, canManage }: { alert: AlertView; canManage: boolean }) {
	const { t, i18n } = useTranslation();
	const setStatus = useAlertStatus();
	const e = alert.evidence;
	const metric = metricOfEvidence(e.metric);
	const language = i18n.language === "en" ? "en" : "de";
	const color = alert.status === "open" ? "red" : alert.status === "acknowledged" ? "yellow" : "gray";
	return (
		<Card withBorder padding="md" data-testid="alert-card">
			<Group justify="space-between" align="flex-start" wrap="nowrap">
				<div>
					<Text fw={700}>{t(`alerts.kinds.${alert.kind}`)}</Text>
					<Text size="sm" c="dimmed">
						{[e.touchpointName, e.themeLabel?.[language]].filter(Boolean).join(" · ") || t("alerts.allTouchpoints")}
						{alert.ruleName ? ` · ${alert.ruleName}` : ""}
					</Text>
				</div>
				<Badge color={color} variant="light">
					{t(`alerts.statuses.${alert.status}`)}
				</Badge>
			</Group>
			<Group gap="lg" mt="sm" align="flex-end">
				<div>
					<Text size="xs" c="dimmed">
						{t("alerts.current")} ({e.window.from} – {e.window.to})
					</Text>
					<Text fz={24} fw={700} c="red.8">
						{formatMetric(metric, e.current, i18n.language)}
					</Text>
					<Text size="xs" c="dimmed">
						n = {e.currentN.toLocaleString(i18n.language)}
					</Text>
				</div>
				<div>
					<Text size="xs" c="dimmed">
						{t("alerts.comparison")} ({e.comparisonWindow.from} – {e.comparisonWindow.to})
					</Text>
					<Text fz={24} fw={700}>
						{formatMetric(metric, e.previous, i18n.language)}
					</Text>
					<Text size="xs" c="dimmed">
						n = {e.previousN.toLocaleString(i18n.language)}
					</Text>
				</div>
				<div>
					<Text size="xs" c="dimmed">
						{t("alerts.change")}
					</Text>
					<Text fz={24} fw={700} c="red.8">
						{formatDifference(metric, e.difference, i18n.language)}
					</Text>
					{e.ci95 && (
						<Text size="xs" c="dimmed">
							{t("dashboards.ci95")} [{formatDifference(metric, e.ci95[0], i18n.language)};{" "}
							{formatDifference(metric, e.ci95[1], i18n.language)}]
						</Text>
					)}
				</div>
			</Group>
			<Group justify="space-between" mt="sm" gap="xs">
				<Tooltip label={t("alerts.qHelp")} multiline w={280}>
					<Text size="xs" c="dimmed">
						{pText("p", alert.pValue)} · {pText("q", alert.qValue)} ·{" "}
						{t("alerts.since", { date: new Date(alert.firstSeenAt).toLocaleDateString(i18n.language) })}
						{alert.deliveries.length > 0 &&
							` · ${alert.deliveries.map((d) => `${t(`alerts.channels.${d.channel}`)}: ${t(`alerts.deliveryStatus.${d.status}`)}`).join(", ")}`}
					</Text>
				</Tooltip>
				{canManage && (
					<Group gap={6}>
						{alert.status === "open" && (
							<Button
								size="xs"
								variant="light"
								onClick={() => setStatus.mutate({ id: alert.id, status: "acknowledged" })}
							>
								{t("alerts.acknowledge")}
							</Button>
						)}
						{alert.status !== "resolved" ? (
							<Button
								size="xs"
								variant="light"
								color="teal"
								onClick={() => setStatus.mutate({ id: alert.id, status: "resolved" })}
							>
								{t("alerts.resolve")}
							</Button>
						) : (
							<Button size="xs" variant="subtle" onClick={() => setStatus.mutate({ id: alert.id, status: "open" })}>
								{t("alerts.reopen")}
							</Button>
						)}
					</Group>
				)}
			</Group>
		</Card>
	);
}

function RulesSection({ canManage }: { canManage: boolean }) {
	const { t, i18n } = useTranslation();
	const rules = useAlertRules();
	const { save, remove, evaluate } = useAlertRuleMutations();
	const [editing, setEditing] = useState<AlertRuleView | "new" | null>(null);
	const [deleting, setDeleting] = useState<AlertRuleView | null>(null);
	const runNow = async () => {
		try {
			const result = await evaluate.mutateAsync();
			notify("success", t("alerts.evaluated", { fired: result.fired, cleared: result.cleared }));
		} catch (error) {
			notify("error", t("alerts.evaluateFailed"), (error as Error).message);
		}
	};
	return (
		<Stack gap="sm">
			<Group justify="space-between">
				<Title order={2} size="h4">
					{t("alerts.rules.title")}
				</Title>
				{canManage && (
					<Group gap="xs">
						<Button size="xs" variant="default" onClick={runNow} loading={evaluate.isPending}>
							{t("alerts.rules.evaluate")}
						</Button>
						<Button size="xs" onClick={() => setEditing("new")}>
							{t("alerts.rules.new")}
						</Button>
					</Group>
				)}
			</Group>
			{rules.isPending ? (
				<LoadingState />
			) : rules.isError ? (
				<ErrorState error={rules.error} onRetry={() => rules.refetch()} />
			) : (
				<Table.ScrollContainer minWidth={720}>
					<Table fz="sm" verticalSpacing="xs">
						<Table.Thead>
							<Table.Tr>
								<Table.Th>{t("alerts.rules.name")}</Table.Th>
								<Table.Th>{t("alerts.rules.kind")}</Table.Th>
								<Table.Th>{t("alerts.rules.window")}</Table.Th>
								<Table.Th>{t("alerts.rules.thresholds")}</Table.Th>
								<Table.Th>{t("alerts.rules.channels")}</Table.Th>
								<Table.Th>{t("alerts.rules.enabled")}</Table.Th>
								<Table.Th />
							</Table.Tr>
						</Table.Thead>
						<Table.Tbody>
							{rules.data.items.map((rule) => (
								<Table.Tr key={rule.id}>
									<Table.Td>
										<Text size="sm" fw={600}>
											{rule.name}
										</Text>
										<Text size="xs" c="dimmed">
											{rule.scope.touchpointIds.length === 0
												? t("alerts.allTouchpoints")
												: t("alerts.rules.touchpointCount", { count: rule.scope.touchpointIds.length })}
										</Text>
									</Table.Td>
									<Table.Td>{t(`alerts.kinds.${rule.kind}`)}</Table.Td>
									<Table.Td>
										{t(rule.comparison === "previous" ? "alerts.rules.windowPrevious" : "alerts.rules.windowBaseline", {
											days: rule.windowDays,
											baseline: rule.baselineDays,
										})}
									</Table.Td>
									<Table.Td>
										{t("alerts.rules.thresholdText", {
											n: rule.minSample,
											change: rule.minChange,
											fdr: rule.fdr * 100,
										})}
									</Table.Td>
									<Table.Td>
										<Group gap={4}>
											{rule.channels.inApp && <Badge variant="light">{t("alerts.channels.inApp")}</Badge>}
											{rule.channels.emailUserIds.length > 0 && (
												<Badge variant="light">
													{t("alerts.channels.email")} ({rule.channels.emailUserIds.length})
												</Badge>
											)}
											{rule.channels.webhookUrl && <Badge variant="light">{t("alerts.channels.webhook")}</Badge>}
										</Group>
									</Table.Td>
									<Table.Td>
										<Switch
											checked={rule.isEnabled}
											disabled={!canManage}
											aria-label={t("alerts.rules.enabled")}
											onChange={(e) => save.mutate({ id: rule.id, input: { isEnabled: e.currentTarget.checked } })}
										/>
									</Table.Td>
									<Table.Td ta="right">
										{canManage && (
											<Group gap={4} justify="flex-end" wrap="nowrap">
												<Button size="xs" variant="subtle" onClick={() => setEditing(rule)}>
													{t("common.edit")}
												</Button>
												<Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(rule)}>
													{t("common.delete")}
												</Button>
											</Group>
										)}
									</Table.Td>
								</Table.Tr>
							))}
						</Table.Tbody>
					</Table>
				</Table.ScrollContainer>
			)}
			<Text size="xs" c="dimmed">
				{t("alerts.rules.help")}
				{rules.data?.items[0]?.lastEvaluatedAt &&
					` ${t("alerts.rules.lastEvaluated", { time: new Date(rules.data.items[0].lastEvaluatedAt).toLocaleString(i18n.language) })}`}
			</Text>
			<RuleForm
				rule={editing === "new" ? undefined : (editing ?? undefined)}
				opened={editing !== null}
				onClose={() => setEditing(null)}
			/>
			<ConfirmDialog
				opened={deleting !== null}
				title={t("alerts.rules.delete")}
				message={t("alerts.rules.deleteConfirm", { name: deleting?.name ?? "" })}
				confirmLabel={t("common.delete")}
				isPending={remove.isPending}
				onClose={() => setDeleting(null)}
				onConfirm={async () => {
					if (deleting) await remove.mutateAsync(deleting.id);
					setDeleting(null);
				}}
			/>
		</Stack>
	);
}
