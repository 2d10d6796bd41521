// The editable properties of a case: priority, assignee (agents of its department), department, tags, logged time.
import { Button, Group, NumberInput, Popover, Select, SimpleGrid, Stack, TagsInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
	CASE_PRIORITIES,
	type CaseDetailView,
	type CasePriority,
	type UpdateCaseInput,
} from "../../../../server/modules/cases/contract";
import { useCaseAgents, useDepartments } from "../cases-api";

type Props = { detail: CaseDetailView; canWork: boolean; onChange: (input: UpdateCaseInput) => void };

export function CaseProperties({ detail, canWork, onChange }: Props) {
	const { t } = useTranslation();
	const agents = useCaseAgents();
	const departments = useDepartments();
	const [minutes, setMinutes] = useState<number | string>(15);
	const eligible = (agents.data?.items ?? []).filter(
		(agent) =>
			!detail.departmentId ||
			agent.departmentIds.includes(detail.departmentId) ||
			agent.role === "owner" ||
			agent.role === "admin",
	);
	const assigneeOptions = eligible.map((agent) => ({ value: agent.userId, label: agent.name }));
	if (detail.assigneeId && !assigneeOptions.some((option) => option.value === detail.assigneeId)) {
		assigneeOptions.push({ value: detail.assigneeId, label: detail.assigneeName ?? detail.assigneeId });
	}

	return (
		<Stack gap="xs">
			<SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
				<Select
					size="xs"
					label={t("cases.list.priority")}
					data={CASE_PRIORITIES.map((priority) => ({ value: priority, label: t(`cases.priority.${priority}`) }))}
					value={detail.priority}
					onChange={(priority) =>
						priority && priority !== detail.priority && onChange({ priority: priority as CasePriority })
					}
					allowDeselect={false}
					disabled={!canWork}
				/>
				<Select
					size="xs"
					label={t("cases.list.assignee")}
					placeholder={t("cases.unassigned")}
					data={assigneeOptions}
					value={detail.assigneeId}
					onChange={(assigneeId) => assigneeId !== detail.assigneeId && onChange({ assigneeId })}
					searchable
					clearable
					disabled={!canWork}
					data-testid="case-assignee"
				/>
				<Select
					size="xs"
					label={t("cases.list.department")}
					placeholder="—"
					data={(departments.data?.items ?? []).map((department) => ({ value: department.id, label: department.name }))}
					value={detail.departmentId}
					onChange={(departmentId) => departmentId !== detail.departmentId && onChange({ departmentId })}
					searchable
					clearable
					disabled={!canWork}
				/>
			</SimpleGrid>
			<Group align="flex-end" gap="xs" wrap="nowrap">
				<TagsInput
					size="xs"
					style={{ flex: 1 }}
					label={t("cases.detail.tags")}
					value={detail.tags}
					onChange={(tags) => onChange({ tags })}
					maxTags={20}
					clearable
					disabled={!canWork}
				/>
				<Popover withArrow trapFocus>
					<Popover.Target>
						<Button size="xs" variant="default" disabled={!canWork}>
							{t("cases.detail.logTime", { minutes: detail.agentMinutes })}
						</Button>
					</Popover.Target>
					<Popover.Dropdown>
						<Group align="flex-end" gap="xs">
							<NumberInput
								size="xs"
								w={110}
								label={t("cases.detail.minutes")}
								min={1}
								max={1440}
								value={minutes}
								onChange={setMinutes}
							/>
							<Button
								size="xs"
								disabled={typeof minutes !== "number" || minutes < 1}
								onClick={() => typeof minutes === "number" && onChange({ addAgentMinutes: minutes })}
							>
								{t("cases.detail.addTime")}
							</Button>
						</Group>
					</Popover.Dropdown>
				</Popover>
			</Group>
		</Stack>
	);
}
