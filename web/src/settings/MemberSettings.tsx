// Members with role and departments (admins change or remove them) and, for admins, the invitations.
import { ActionIcon, Badge, MultiSelect, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, ROLES } from "../../../lib/api/roles";
import type { MemberView, UpdateMemberInput } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { meQuery } from "../api/session";
import { useDepartments } from "../journey/journey-api";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { IconTrash } from "../ui/icons";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { InvitationPanel } from "./InvitationPanel";
import { membersKey, useMembers, useSettingsChange } from "./settings-api";

export function MemberSettings() {
	const { t } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const canManage = Boolean(me && hasPermission(me.role, "members.manage"));
	const members = useMembers();
	const departments = useDepartments();
	const [removing, setRemoving] = useState<MemberView | null>(null);
	const update = useSettingsChange(
		({ userId, input }: { userId: string; input: UpdateMemberInput }) =>
			api<MemberView>("PATCH", `/members/${userId}`, input),
		[membersKey],
		t("settings.saved"),
	);
	const remove = useSettingsChange(
		(userId: string) => api<void>("DELETE", `/members/${userId}`),
		[membersKey],
		t("settings.members.removed"),
	);

	if (members.isPending || departments.isPending) return <LoadingState />;
	if (members.isError) return <ErrorState error={members.error} onRetry={() => members.refetch()} />;
	if (departments.isError) return <ErrorState error={departments.error} onRetry={() => departments.refetch()} />;

	const departmentOptions = departments.data.items.map((department) => ({
		value: department.id,
		label: department.name,
	}));
	const departmentName = new Map(departmentOptions.map((option) => [option.value, option.label]));
	const roleOptions = ROLES.filter((role) => role !== "owner" || me?.role === "owner").map((role) => ({
		value: role,
		label: t(`roles.${role}`),
	}));

	return (
		<Stack gap="xl">
			<Paper withBorder>
				<Table.ScrollContainer minWidth={640}>
					<Table verticalSpacing="sm">
						<Table.Thead>
							<Table.Tr>
								<Table.Th>{t("settings.members.member")}</Table.Th>
								<Table.Th w={170}>{t("settings.members.role")}</Table.Th>
								<Table.Th>{t("settings.members.departments")}</Table.Th>
								{canManage && <Table.Th w={56}>{t("common.actions")}</Table.Th>}
							</Table.Tr>
						</Table.Thead>
						<Table.Tbody>
							{members.data.items.map((member) => {
								const isSelf = member.userId === me?.user?.id;
								const isEditable = canManage && !isSelf && (member.role !== "owner" || me?.role === "owner");
								return (
									<Table.Tr key={member.userId}>
										<Table.Td>
											<Text fw={600} size="sm">
												{member.name}{" "}
												{isSelf && (
													<Badge size="xs" variant="light">
														{t("settings.members.you")}
													</Badge>
												)}
											</Text>
											<Text size="xs" c="dimmed">
												{member.email}
											</Text>
										</Table.Td>
										<Table.Td>
											{isEditable ? (
												<Select
													aria-label={t("settings.members.roleOf", { name: member.name })}
													data={roleOptions}
													allowDeselect={false}
													value={member.role}
													onChange={(role) =>
														role &&
														update.mutate({ userId: member.userId, input: { role: role as MemberView["role"] } })
													}
												/>
											) : (
												<Badge variant="light" color="gray">
													{t(`roles.${member.role}`)}
												</Badge>
											)}
										</Table.Td>
										<Table.Td>
											{canManage ? (
												<MultiSelect
													aria-label={t("settings.members.departmentsOf", { name: member.name })}
													placeholder={
														member.departmentIds.length === 0 ? t("settings.members.noDepartments") : undefined
													}
													data={departmentOptions}
													value={member.departmentIds}
													onChange={(departmentIds) =>
														update.mutate({ userId: member.userId, input: { departmentIds } })
													}
												/>
											) : (
												<Text size="sm">
													{member.departmentIds.map((id) => departmentName.get(id) ?? "").join(", ") || "—"}
												</Text>
											)}
										</Table.Td>
										{canManage && (
											<Table.Td>
												{isEditable && (
													<ActionIcon
														variant="subtle"
														color="red"
														aria-label={t("settings.members.removeNamed", { name: member.name })}
														onClick={() => setRemoving(member)}
													>
														<IconTrash size={16} />
													</ActionIcon>
												)}
											</Table.Td>
										)}
									</Table.Tr>
								);
							})}
						</Table.Tbody>
					</Table>
				</Table.ScrollContainer>
			</Paper>
			{canManage && (
				<section>
					<Title order={2} size="h4" mb="sm">
						{t("settings.invitations.title")}
					</Title>
					<InvitationPanel departmentOptions={departmentOptions} />
				</section>
			)}
			<ConfirmDialog
				opened={removing !== null}
				title={t("settings.members.removeTitle")}
				message={t("settings.members.removeMessage", { name: removing?.name ?? "" })}
				confirmLabel={t("settings.members.remove")}
				isPending={remove.isPending}
				onConfirm={() => removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })}
				onClose={() => setRemoving(null)}
			/>
		</Stack>
	);
}
