// Departments: the teams that own touchpoints and answer cases; admins add, rename and delete them.
import { ActionIcon, Button, EmptyState, Group, Paper, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import type { DepartmentView } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { meQuery } from "../api/session";
import { departmentsKey, journeysKey, useDepartments } from "../journey/journey-api";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { IconBuilding, IconPencil, IconPlus, IconTrash } from "../ui/icons";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { DepartmentFormModal } from "./DepartmentFormModal";
import { useSettingsChange } from "./settings-api";

export function DepartmentSettings() {
	const { t } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const canEdit = Boolean(me && hasPermission(me.role, "organization.write"));
	const departments = useDepartments();
	const [editing, setEditing] = useState<DepartmentView | "new" | null>(null);
	const [deleting, setDeleting] = useState<DepartmentView | null>(null);
	const remove = useSettingsChange(
		(id: string) => api<void>("DELETE", `/departments/${id}`),
		[departmentsKey, journeysKey, ["journey"]],
		t("settings.departments.deleted"),
	);

	if (departments.isPending) return <LoadingState />;
	if (departments.isError) return <ErrorState error={departments.error} onRetry={() => departments.refetch()} />;
	const list = departments.data.items;

	return (
		<>
			<Group justify="space-between" mb="md">
				<Text size="sm" c="dimmed" maw={560}>
					{t("settings.departments.intro")}
				</Text>
				{canEdit && (
					<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
						{t("settings.departments.add")}
					</Button>
				)}
			</Group>
			{list.length === 0 ? (
				<EmptyState
					icon={<IconBuilding size={28} />}
					variant="light"
					title={t("settings.departments.emptyTitle")}
					description={canEdit ? t("settings.departments.emptyEditable") : t("settings.departments.emptyReadOnly")}
				/>
			) : (
				<Paper withBorder>
					<Table.ScrollContainer minWidth={420}>
						<Table verticalSpacing="sm" highlightOnHover>
							<Table.Thead>
								<Table.Tr>
									<Table.Th>{t("settings.departments.name")}</Table.Th>
									<Table.Th>{t("settings.departments.description")}</Table.Th>
									{canEdit && <Table.Th w={96}>{t("common.actions")}</Table.Th>}
								</Table.Tr>
							</Table.Thead>
							<Table.Tbody>
								{list.map((department) => (
									<Table.Tr key={department.id}>
										<Table.Td fw={600}>{department.name}</Table.Td>
										<Table.Td c="dimmed">{department.description ?? "—"}</Table.Td>
										{canEdit && (
											<Table.Td>
												<Group gap={4} wrap="nowrap">
													<ActionIcon
														variant="subtle"
														color="gray"
														aria-label={t("settings.departments.editNamed", { name: department.name })}
														onClick={() => setEditing(department)}
													>
														<IconPencil size={16} />
													</ActionIcon>
													<ActionIcon
														variant="subtle"
														color="red"
														aria-label={t("settings.departments.deleteNamed", { name: department.name })}
														onClick={() => setDeleting(department)}
													>
														<IconTrash size={16} />
													</ActionIcon>
												</Group>
											</Table.Td>
										)}
									</Table.Tr>
								))}
							</Table.Tbody>
						</Table>
					</Table.ScrollContainer>
				</Paper>
			)}
			{editing && (
				<DepartmentFormModal department={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />
			)}
			<ConfirmDialog
				opened={deleting !== null}
				title={t("settings.departments.deleteTitle")}
				message={t("settings.departments.deleteMessage", { name: deleting?.name ?? "" })}
				confirmLabel={t("common.delete")}
				isPending={remove.isPending}
				onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
				onClose={() => setDeleting(null)}
			/>
		</>
	);
}
