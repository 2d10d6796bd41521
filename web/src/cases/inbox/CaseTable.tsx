// The dense case list: checkbox (shift-click selects a range), number, subject, customer, touchpoint, department,
// assignee, priority, status and the next SLA due time coloured when near or past due.
import { Badge, Checkbox, Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CaseView } from "../../../../server/modules/cases/contract";
import { DUE_COLORS, dueTone, nextDueAt, PRIORITY_COLORS, relativeTime, STATUS_COLORS } from "../format";

type Props = {
	cases: CaseView[];
	selected: Set<string>;
	focusedIndex: number;
	openId: string | null;
	now: number;
	onToggle: (index: number, withRange: boolean) => void;
	onToggleAll: () => void;
	onOpen: (index: number) => void;
};

export function CaseTable({ cases, selected, focusedIndex, openId, now, onToggle, onToggleAll, onOpen }: Props) {
	const { t, i18n } = useTranslation();
	const isAllSelected = cases.length > 0 && cases.every((view) => selected.has(view.id));
	const isSomeSelected = cases.some((view) => selected.has(view.id));

	return (
		<Table.ScrollContainer minWidth={940}>
			<Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="case-table">
				<Table.Thead>
					<Table.Tr>
						<Table.Th w={36}>
							<Checkbox
								size="xs"
								aria-label={t("cases.list.selectAll")}
								checked={isAllSelected}
								indeterminate={!isAllSelected && isSomeSelected}
								onChange={onToggleAll}
							/>
						</Table.Th>
						<Table.Th w={64}>#</Table.Th>
						<Table.Th>{t("cases.list.subjectCustomer")}</Table.Th>
						<Table.Th>{t("cases.list.touchpoint")}</Table.Th>
						<Table.Th>{t("cases.list.department")}</Table.Th>
						<Table.Th>{t("cases.list.assignee")}</Table.Th>
						<Table.Th miw={90}>{t("cases.list.priority")}</Table.Th>
						<Table.Th miw={104}>{t("cases.list.status")}</Table.Th>
						<Table.Th miw={110}>{t("cases.list.due")}</Table.Th>
					</Table.Tr>
				</Table.Thead>
				<Table.Tbody>
					{cases.map((view, index) => {
						const due = nextDueAt(view);
						const tone = due ? dueTone(due.at, now) : null;
						return (
							<Table.Tr
								key={view.id}
								className="loupe-case-row"
								data-focused={index === focusedIndex || undefined}
								data-open={view.id === openId || undefined}
								bg={selected.has(view.id) ? "var(--mantine-primary-color-light)" : undefined}
								onClick={() => onOpen(index)}
								data-testid="case-row"
								data-case-id={view.id}
							>
								<Table.Td
									onClick={(event) => {
										event.stopPropagation();
										onToggle(index, event.shiftKey);
									}}
								>
									<Checkbox
										size="xs"
										aria-label={t("cases.list.select", { number: view.number })}
										checked={selected.has(view.id)}
										onChange={() => undefined}
									/>
								</Table.Td>
								<Table.Td c="dimmed" style={{ fontVariantNumeric: "tabular-nums" }}>
									{view.number}
								</Table.Td>
								<Table.Td maw={260} miw={180}>
									<Text size="sm" fw={view.status === "new" ? 700 : 500} truncate="end">
										{view.subject}
									</Text>
									<Text size="xs" c="dimmed" truncate="end">
										{view.customerName ?? view.customerEmail ?? t("cases.anonymous")}
									</Text>
								</Table.Td>
								<Table.Td maw={115}>
									<Text size="sm" truncate="end">
										{view.touchpointName ?? "—"}
									</Text>
								</Table.Td>
								<Table.Td maw={115}>
									<Text size="sm" truncate="end">
										{view.departmentName ?? "—"}
									</Text>
								</Table.Td>
								<Table.Td maw={115}>
									<Text size="sm" truncate="end" c={view.assigneeName ? undefined : "dimmed"}>
										{view.assigneeName ?? t("cases.unassigned")}
									</Text>
								</Table.Td>
								<Table.Td style={{ whiteSpace: "nowrap" }}>
									<Badge size="sm" tt="none" maw="none" variant="light" color={PRIORITY_COLORS[view.priority]}>
										{t(`cases.priority.${view.priority}`)}
									</Badge>
								</Table.Td>
								<Table.Td style={{ whiteSpace: "nowrap" }}>
									<Badge
										size="sm"
										tt="none"
										maw="none"
										variant="dot"
										color={STATUS_COLORS[view.status]}
										data-testid="case-status"
									>
										{t(`cases.tabs.status.${view.status}`)}
									</Badge>
								</Table.Td>
								<Table.Td>
									{due && tone ? (
										<Tooltip label={t(`cases.due.${due.kind}`)} withArrow>
											<Text
												size="sm"
												c={DUE_COLORS[tone]}
												fw={tone === "ok" ? 400 : 600}
												style={{ whiteSpace: "nowrap" }}
											>
												{relativeTime(due.at, now, i18n.language)}
											</Text>
										</Tooltip>
									) : (
										<Text size="sm" c="dimmed">
											—
										</Text>
									)}
								</Table.Td>
							</Table.Tr>
						);
					})}
				</Table.Tbody>
			</Table>
		</Table.ScrollContainer>
	);
}
