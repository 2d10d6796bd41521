// Actions on the selected cases: assign, change status (resolving asks for a root cause), priority, add or remove a tag.
import { Button, Group, Menu, Paper, Popover, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BulkCaseChange, CASE_PRIORITIES, CASE_STATUSES } from "../../../../server/modules/cases/contract";
import { meQuery } from "../../api/session";
import { notify } from "../../ui/notifications";
import { bulkChangeCases, useCaseAgents, useRefreshCases } from "../cases-api";
import { ResolveModal } from "../detail/ResolveModal";

type Props = { ids: string[]; onDone: () => void };

export function BulkBar({ ids, onDone }: Props) {
	const { t } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const agents = useCaseAgents();
	const refresh = useRefreshCases();
	const [isResolving, setResolving] = useState(false);
	const [tag, setTag] = useState("");
	const change = useMutation({
		mutationFn: (next: BulkCaseChange) => bulkChangeCases({ ids, change: next }),
		onSuccess: (result) => {
			refresh();
			setResolving(false);
			setTag("");
			if (result.failed === 0) notify("success", t("cases.bulk.done", { count: result.succeeded }));
			else {
				const reasons = [...new Set(result.results.flatMap((entry) => (entry.error ? [entry.error.message] : [])))];
				notify("error", t("cases.bulk.partial", { ok: result.succeeded, failed: result.failed }), reasons.join(" · "));
			}
			onDone();
		},
		onError: (error) => notify("error", t("cases.bulk.failed"), error.message),
	});

	return (
		<Paper withBorder p="xs" bg="var(--mantine-color-gray-0)" data-testid="bulk-bar">
			<Group gap="xs">
				<Text size="sm" fw={600} mr="sm">
					{t("cases.bulk.selected", { count: ids.length })}
				</Text>
				<Menu>
					<Menu.Target>
						<Button size="xs" variant="default" loading={change.isPending}>
							{t("cases.bulk.assign")}
						</Button>
					</Menu.Target>
					<Menu.Dropdown mah={320} style={{ overflowY: "auto" }}>
						{me?.user && (
							<Menu.Item onClick={() => change.mutate({ kind: "assign", assigneeId: me.user?.id ?? null })}>
								{t("cases.bulk.toMe")}
							</Menu.Item>
						)}
						<Menu.Item onClick={() => change.mutate({ kind: "assign", assigneeId: null })}>
							{t("cases.bulk.unassign")}
						</Menu.Item>
						<Menu.Divider />
						{(agents.data?.items ?? []).map((agent) => (
							<Menu.Item key={agent.userId} onClick={() => change.mutate({ kind: "assign", assigneeId: agent.userId })}>
								{agent.name}
							</Menu.Item>
						))}
					</Menu.Dropdown>
				</Menu>
				<Menu>
					<Menu.Target>
						<Button size="xs" variant="default">
							{t("cases.bulk.status")}
						</Button>
					</Menu.Target>
					<Menu.Dropdown>
						{CASE_STATUSES.filter((status) => status !== "new").map((status) => (
							<Menu.Item
								key={status}
								onClick={() => (status === "resolved" ? setResolving(true) : change.mutate({ kind: "status", status }))}
							>
								{t(`cases.status.${status}`)}
							</Menu.Item>
						))}
					</Menu.Dropdown>
				</Menu>
				<Menu>
					<Menu.Target>
						<Button size="xs" variant="default">
							{t("cases.bulk.priority")}
						</Button>
					</Menu.Target>
					<Menu.Dropdown>
						{CASE_PRIORITIES.map((priority) => (
							<Menu.Item key={priority} onClick={() => change.mutate({ kind: "priority", priority })}>
								{t(`cases.priority.${priority}`)}
							</Menu.Item>
						))}
					</Menu.Dropdown>
				</Menu>
				<Popover trapFocus withArrow>
					<Popover.Target>
						<Button size="xs" variant="default">
							{t("cases.bulk.tags")}
						</Button>
					</Popover.Target>
					<Popover.Dropdown>
						<Stack gap="xs">
							<TextInput
								size="xs"
								label={t("cases.bulk.tag")}
								value={tag}
								maxLength={40}
								onChange={(event) => setTag(event.currentTarget.value)}
							/>
							<Group gap="xs">
								<Button
									size="xs"
									disabled={!tag.trim()}
									onClick={() => change.mutate({ kind: "tags", add: [tag.trim()], remove: [] })}
								>
									{t("cases.bulk.addTag")}
								</Button>
								<Button
									size="xs"
									variant="default"
									disabled={!tag.trim()}
									onClick={() => change.mutate({ kind: "tags", add: [], remove: [tag.trim()] })}
								>
									{t("cases.bulk.removeTag")}
								</Button>
							</Group>
						</Stack>
					</Popover.Dropdown>
				</Popover>
				<Button size="xs" variant="subtle" color="gray" onClick={onDone}>
					{t("cases.bulk.clear")}
				</Button>
			</Group>
			{isResolving && (
				<ResolveModal
					opened
					count={ids.length}
					isPending={change.isPending}
					onClose={() => setResolving(false)}
					onResolve={({ rootCauseId, resolutionNote }) =>
						change.mutate({
							kind: "status",
							status: "resolved",
							rootCauseId,
							...(resolutionNote ? { resolutionNote } : {}),
						})
					}
				/>
			)}
		</Paper>
	);
}
