// Invitations: invite by email with role and departments, show the link once, list and revoke open ones.
import { ActionIcon, Badge, Button, EmptyState, Group, Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { IconPlus, IconTrash } from "../ui/icons";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { InviteModal } from "./InviteModal";
import { formatDateTime, invitationsKey, useInvitations, useSettingsChange } from "./settings-api";

const STATUS_COLORS = { pending: "blue", accepted: "teal", revoked: "gray", expired: "orange" } as const;

export function InvitationPanel({ departmentOptions }: { departmentOptions: { value: string; label: string }[] }) {
	const { t, i18n } = useTranslation();
	const invitations = useInvitations(true);
	const [isInviting, setInviting] = useState(false);
	const revoke = useSettingsChange(
		(id: string) => api<void>("DELETE", `/invitations/${id}`),
		[invitationsKey],
		t("settings.invitations.revoked"),
	);

	if (invitations.isPending) return <LoadingState />;
	if (invitations.isError) return <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />;
	const list = invitations.data.items;

	return (
		<>
			<Group justify="space-between" mb="sm">
				<Text size="sm" c="dimmed" maw={560}>
					{t("settings.invitations.intro")}
				</Text>
				<Button leftSection={<IconPlus size={16} />} onClick={() => setInviting(true)}>
					{t("settings.invitations.invite")}
				</Button>
			</Group>
			{list.length === 0 ? (
				<Paper withBorder p="lg">
					<EmptyState
						size="sm"
						title={t("settings.invitations.emptyTitle")}
						description={t("settings.invitations.empty")}
					/>
				</Paper>
			) : (
				<Paper withBorder>
					<Table.ScrollContainer minWidth={560}>
						<Table verticalSpacing="sm">
							<Table.Thead>
								<Table.Tr>
									<Table.Th>{t("auth.email")}</Table.Th>
									<Table.Th>{t("settings.members.role")}</Table.Th>
									<Table.Th>{t("settings.invitations.status")}</Table.Th>
									<Table.Th>{t("settings.invitations.expires")}</Table.Th>
									<Table.Th w={56}>{t("common.actions")}</Table.Th>
								</Table.Tr>
							</Table.Thead>
							<Table.Tbody>
								{list.map((invitation) => (
									<Table.Tr key={invitation.id}>
										<Table.Td>{invitation.email}</Table.Td>
										<Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
										<Table.Td>
											<Badge variant="light" color={STATUS_COLORS[invitation.status]}>
												{t(`settings.invitations.statuses.${invitation.status}`)}
											</Badge>
										</Table.Td>
										<Table.Td>{formatDateTime(invitation.expiresAt, i18n.language)}</Table.Td>
										<Table.Td>
											{invitation.status === "pending" && (
												<ActionIcon
													variant="subtle"
													color="red"
													aria-label={t("settings.invitations.revokeNamed", { email: invitation.email })}
													loading={revoke.isPending && revoke.variables === invitation.id}
													onClick={() => revoke.mutate(invitation.id)}
												>
													<IconTrash size={16} />
												</ActionIcon>
											)}
										</Table.Td>
									</Table.Tr>
								))}
							</Table.Tbody>
						</Table>
					</Table.ScrollContainer>
				</Paper>
			)}
			{isInviting && <InviteModal departmentOptions={departmentOptions} onClose={() => setInviting(false)} />}
		</>
	);
}
