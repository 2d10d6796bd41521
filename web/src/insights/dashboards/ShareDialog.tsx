// Share links of a dashboard: create one (optionally expiring) and copy it once; list and revoke the others.
import { Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedShareLinkView, ShareLinkView } from "../../../../server/modules/analytics/contract-dashboards";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { SecretReveal } from "../../ui/SecretReveal";
import { useShareLinkMutations, useShareLinks } from "./dashboards-api";

export function ShareDialog({
	dashboardId,
	opened,
	onClose,
}: {
	dashboardId: string;
	opened: boolean;
	onClose: () => void;
}) {
	const { t } = useTranslation();
	const links = useShareLinks(dashboardId);
	const { create, revoke } = useShareLinkMutations(dashboardId);
	const [label, setLabel] = useState("");
	const [days, setDays] = useState<number | string>(30);
	const [created, setCreated] = useState<CreatedShareLinkView | null>(null);
	const submit = async () => {
		try {
			const link = await create.mutateAsync({
				...(label.trim() ? { label: label.trim() } : {}),
				...(typeof days === "number" && days > 0 ? { expiresInDays: days } : {}),
			});
			setCreated(link);
			setLabel("");
		} catch (error) {
			notify("error", t("dashboards.share.failed"), (error as Error).message);
		}
	};

	return (
		<Modal
			opened={opened}
			onClose={() => {
				setCreated(null);
				onClose();
			}}
			title={t("dashboards.share.title")}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<Stack gap="md">
				<Text size="sm" c="dimmed">
					{t("dashboards.share.intro")}
				</Text>
				{created ? (
					<SecretReveal label={t("dashboards.share.link")} value={created.url} warning={t("dashboards.share.once")} />
				) : (
					<Group align="flex-end" gap="sm">
						<TextInput
							label={t("dashboards.share.label")}
							value={label}
							onChange={(e) => setLabel(e.currentTarget.value)}
							style={{ flex: 1 }}
						/>
						<NumberInput
							label={t("dashboards.share.expiresInDays")}
							value={days}
							onChange={setDays}
							min={1}
							max={365}
							w={160}
						/>
						<Button onClick={submit} loading={create.isPending}>
							{t("dashboards.share.create")}
						</Button>
					</Group>
				)}
				{links.isPending ? (
					<LoadingState />
				) : links.isError ? (
					<ErrorState error={links.error} onRetry={() => links.refetch()} />
				) : (
					<ShareLinkTable
						items={links.data.items}
						onRevoke={(id) => revoke.mutate(id)}
						revokingId={revoke.isPending ? revoke.variables : undefined}
					/>
				)}
			</Stack>
		</Modal>
	);
}

function ShareLinkTable({
	items,
	onRevoke,
	revokingId,
}: {
	items: ShareLinkView[];
	onRevoke: (id: string) => void;
	revokingId: string | undefined;
}) {
	const { t, i18n } = useTranslation();
	const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language) : "–");
	if (items.length === 0) {
		return (
			<Text size="sm" c="dimmed">
				{t("dashboards.share.none")}
			</Text>
		);
	}
	return (
		<Table fz="sm">
			<Table.Thead>
				<Table.Tr>
					<Table.Th>{t("dashboards.share.label")}</Table.Th>
					<Table.Th>{t("dashboards.share.created")}</Table.Th>
					<Table.Th>{t("dashboards.share.expires")}</Table.Th>
					<Table.Th>{t("dashboards.share.lastUsed")}</Table.Th>
					<Table.Th />
				</Table.Tr>
			</Table.Thead>
			<Table.Tbody>
				{items.map((link) => {
					const isExpired = link.expiresAt !== null && new Date(link.expiresAt) < new Date();
					return (
						<Table.Tr key={link.id}>
							<Table.Td>
								{link.label ?? (
									<Text span c="dimmed">
										{link.prefix}…
									</Text>
								)}
							</Table.Td>
							<Table.Td>{date(link.createdAt)}</Table.Td>
							<Table.Td>{date(link.expiresAt)}</Table.Td>
							<Table.Td>{date(link.lastUsedAt)}</Table.Td>
							<Table.Td ta="right">
								{link.revokedAt ? (
									<Badge color="gray" variant="light">
										{t("dashboards.share.revoked")}
									</Badge>
								) : isExpired ? (
									<Badge color="gray" variant="light">
										{t("dashboards.share.expired")}
									</Badge>
								) : (
									<Button
										size="xs"
										variant="subtle"
										color="red"
										loading={revokingId === link.id}
										onClick={() => onRevoke(link.id)}
									>
										{t("dashboards.share.revoke")}
									</Button>
								)}
							</Table.Td>
						</Table.Tr>
					);
				})}
			</Table.Tbody>
		</Table>
	);
}
