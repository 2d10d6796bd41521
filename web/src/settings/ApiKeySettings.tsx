// API keys for scripts and integrations: create (the key is shown once), list with last use, revoke.
import { ActionIcon, Badge, Button, EmptyState, Group, Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKeyView } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { IconPlus, IconTrash } from "../ui/icons";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { CreateApiKeyModal } from "./CreateApiKeyModal";
import { apiKeysKey, formatDateTime, useApiKeys, useSettingsChange } from "./settings-api";

export function ApiKeySettings() {
	const { t, i18n } = useTranslation();
	const apiKeys = useApiKeys();
	const [isCreating, setCreating] = useState(false);
	const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
	const revoke = useSettingsChange(
		(id: string) => api<void>("DELETE", `/api-keys/${id}`),
		[apiKeysKey],
		t("settings.apiKeys.revoked"),
	);

	if (apiKeys.isPending) return <LoadingState />;
	if (apiKeys.isError) return <ErrorState error={apiKeys.error} onRetry={() => apiKeys.refetch()} />;
	const list = apiKeys.data.items;

	return (
		<>
			<Group justify="space-between" mb="md">
				<Text size="sm" c="dimmed" maw={560}>
					{t("settings.apiKeys.intro")}
				</Text>
				<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
					{t("settings.apiKeys.create")}
				</Button>
			</Group>
			{list.length === 0 ? (
				<EmptyState
					variant="light"
					title={t("settings.apiKeys.emptyTitle")}
					description={t("settings.apiKeys.empty")}
				/>
			) : (
				<Paper withBorder>
					<Table.ScrollContainer minWidth={640}>
						<Table verticalSpacing="sm">
							<Table.Thead>
								<Table.Tr>
									<Table.Th>{t("settings.apiKeys.name")}</Table.Th>
									<Table.Th>{t("settings.apiKeys.prefix")}</Table.Th>
									<Table.Th>{t("settings.members.role")}</Table.Th>
									<Table.Th>{t("settings.apiKeys.lastUsed")}</Table.Th>
									<Table.Th>{t("settings.apiKeys.created")}</Table.Th>
									<Table.Th w={56}>{t("common.actions")}</Table.Th>
								</Table.Tr>
							</Table.Thead>
							<Table.Tbody>
								{list.map((apiKey) => (
									<Table.Tr key={apiKey.id} style={apiKey.revokedAt ? { opacity: 0.65 } : undefined}>
										<Table.Td fw={600}>
											{apiKey.name}{" "}
											{apiKey.revokedAt && (
												<Badge size="xs" color="gray" variant="light">
													{t("settings.apiKeys.revokedBadge")}
												</Badge>
											)}
										</Table.Td>
										<Table.Td>
											<Text ff="monospace" size="sm">
												{apiKey.prefix}…
											</Text>
										</Table.Td>
										<Table.Td>{t(`roles.${apiKey.role}`)}</Table.Td>
										<Table.Td>
											{apiKey.lastUsedAt
												? formatDateTime(apiKey.lastUsedAt, i18n.language)
												: t("settings.apiKeys.never")}
										</Table.Td>
										<Table.Td>{formatDateTime(apiKey.createdAt, i18n.language)}</Table.Td>
										<Table.Td>
											{!apiKey.revokedAt && (
												<ActionIcon
													variant="subtle"
													color="red"
													aria-label={t("settings.apiKeys.revokeNamed", { name: apiKey.name })}
													onClick={() => setRevoking(apiKey)}
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
			{isCreating && <CreateApiKeyModal onClose={() => setCreating(false)} />}
			<ConfirmDialog
				opened={revoking !== null}
				title={t("settings.apiKeys.revokeTitle")}
				message={t("settings.apiKeys.revokeMessage", { name: revoking?.name ?? "" })}
				confirmLabel={t("settings.apiKeys.revoke")}
				isPending={revoke.isPending}
				onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
				onClose={() => setRevoking(null)}
			/>
		</>
	);
}
