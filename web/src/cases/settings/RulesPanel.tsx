// The case rules in their order (the first matching enabled rule opens the case): enable, reorder, edit, delete.
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseRuleView } from "../../../../server/modules/cases/contract";
import { api } from "../../api/client";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { IconArrowDown, IconArrowUp } from "../../ui/icons";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { useCaseRules, useDepartments } from "../cases-api";
import { PRIORITY_COLORS } from "../format";
import { RuleModal } from "./RuleModal";

export function RulesPanel() {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const rules = useCaseRules();
	const departments = useDepartments();
	const [editing, setEditing] = useState<CaseRuleView | "new" | null>(null);
	const [deleting, setDeleting] = useState<CaseRuleView | null>(null);
	const onSaved = () => queryClient.invalidateQueries({ queryKey: ["case-rules"] });
	const onError = (error: Error) => notify("error", t("cases.settings.saveFailed"), error.message);
	const toggle = useMutation({
		mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => api("PATCH", `/cases/rules/${id}`, { enabled }),
		onSuccess: onSaved,
		onError,
	});
	const reorder = useMutation({
		mutationFn: (ruleIds: string[]) => api("PUT", "/cases/rule-order", { ruleIds }),
		onSuccess: onSaved,
		onError,
	});
	const remove = useMutation({
		mutationFn: (id: string) => api<void>("DELETE", `/cases/rules/${id}`),
		onSuccess: () => {
			setDeleting(null);
			onSaved();
		},
		onError,
	});

	if (rules.isPending) return <LoadingState />;
	if (rules.error) return <ErrorState error={rules.error} onRetry={() => rules.refetch()} />;
	const ordered = [...rules.data.items].sort((a, b) => a.position - b.position);
	const departmentName = new Map((departments.data?.items ?? []).map((department) => [department.id, department.name]));
	const move = (index: number, by: -1 | 1) => {
		const ids = ordered.map((rule) => rule.id);
		const [moved] = ids.splice(index, 1);
		if (!moved) return;
		ids.splice(index + by, 0, moved);
		reorder.mutate(ids);
	};
	const summary = (rule: CaseRuleView) => {
		const c = rule.conditions;
		return [
			c.scoreType ? `${c.scoreType.toUpperCase()}${c.maxScore !== undefined ? ` ≤ ${c.maxScore}` : ""}` : null,
			c.sentiments?.map((value) => t(`feedback.sentiment.${value}`)).join("/"),
			c.intents?.map((value) => t(`feedback.intent.${value}`, { defaultValue: value })).join("/"),
			c.themes ? t("cases.settings.rules.themeCount", { count: c.themes.length }) : null,
			c.touchpointIds ? t("cases.settings.rules.touchpointCount", { count: c.touchpointIds.length }) : null,
			c.keywords ? `„${c.keywords.join("“, „")}“` : null,
			c.minCustomerValueCents !== undefined ? `≥ ${c.minCustomerValueCents / 100}` : null,
			c.sources?.map((value) => t(`cases.unanswered.source.${value}`)).join("/"),
		]
			.filter(Boolean)
			.join(" · ");
	};

	return (
		<Stack gap="md" maw={960}>
			<Group justify="space-between">
				<Text size="sm" c="dimmed" maw={640}>
					{t("cases.settings.rules.intro")}
				</Text>
				<Button onClick={() => setEditing("new")}>{t("cases.settings.rules.add")}</Button>
			</Group>
			<Paper withBorder>
				{ordered.length === 0 && (
					<Text size="sm" c="dimmed" p="sm">
						{t("cases.settings.rules.empty")}
					</Text>
				)}
				{ordered.map((rule, index) => (
					<Group
						key={rule.id}
						justify="space-between"
						wrap="nowrap"
						p="sm"
						style={index > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
						data-testid="case-rule"
					>
						<Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
							<Stack gap={2}>
								<ActionIcon
									size="sm"
									variant="subtle"
									color="gray"
									aria-label={t("cases.settings.rules.up")}
									disabled={index === 0}
									onClick={() => move(index, -1)}
								>
									<IconArrowUp size={14} />
								</ActionIcon>
								<ActionIcon
									size="sm"
									variant="subtle"
									color="gray"
									aria-label={t("cases.settings.rules.down")}
									disabled={index === ordered.length - 1}
									onClick={() => move(index, 1)}
								>
									<IconArrowDown size={14} />
								</ActionIcon>
							</Stack>
							<Stack gap={2} style={{ minWidth: 0 }}>
								<Group gap="xs">
									<Text size="sm" fw={600} c={rule.enabled ? undefined : "dimmed"}>
										{index + 1}. {rule.name}
									</Text>
									<Badge size="xs" variant="light" color={PRIORITY_COLORS[rule.priority]}>
										{t(`cases.priority.${rule.priority}`)}
									</Badge>
									{rule.autoAssign && (
										<Badge size="xs" variant="outline">
											{t("cases.settings.rules.autoAssignShort")}
										</Badge>
									)}
								</Group>
								<Text size="xs" c="dimmed" truncate="end">
									{summary(rule)} →{" "}
									{rule.departmentId
										? (departmentName.get(rule.departmentId) ?? "—")
										: t("cases.settings.rules.ownerDepartment")}
								</Text>
							</Stack>
						</Group>
						<Group gap="xs" wrap="nowrap">
							<Switch
								size="sm"
								aria-label={t("cases.settings.rules.enabled")}
								checked={rule.enabled}
								onChange={(event) => toggle.mutate({ id: rule.id, enabled: event.currentTarget.checked })}
							/>
							<Button size="xs" variant="default" onClick={() => setEditing(rule)}>
								{t("common.edit")}
							</Button>
							<Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(rule)}>
								{t("common.delete")}
							</Button>
						</Group>
					</Group>
				))}
			</Paper>
			{editing && <RuleModal rule={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
			<ConfirmDialog
				opened={deleting !== null}
				title={t("cases.settings.rules.deleteTitle")}
				message={t("cases.settings.rules.deleteMessage", { name: deleting?.name ?? "" })}
				confirmLabel={t("common.delete")}
				isPending={remove.isPending}
				onConfirm={() => deleting && remove.mutate(deleting.id)}
				onClose={() => setDeleting(null)}
			/>
		</Stack>
	);
}
