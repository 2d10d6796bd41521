// Contact lists (create, CSV import) and the contacts of the chosen list with search and status filter.
import { Badge, Button, EmptyState, Group, NavLink, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactView } from "../../../../server/modules/outreach/contract";
import { IconPlus } from "../../ui/icons";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { formatDate } from "../feedback-api";
import { IconUpload } from "../feedback-icons";
import { ContactListModal } from "./ContactListModal";
import { ImportContactsModal } from "./ImportContactsModal";
import { useContactLists, useContacts } from "./outreach-api";

const statusOf = (contact: ContactView) =>
	contact.bouncedAt ? "bounced" : contact.unsubscribedAt ? "unsubscribed" : "reachable";
const STATUS_COLORS = { reachable: "teal", unsubscribed: "gray", bounced: "red" } as const;

export function ContactsPanel({ canWrite }: { canWrite: boolean }) {
	const { t, i18n } = useTranslation();
	const lists = useContactLists();
	const [listId, setListId] = useState<string | null>(null);
	const [q, setQ] = useState("");
	const [debouncedQ] = useDebouncedValue(q, 300);
	const [status, setStatus] = useState<string | null>(null);
	const [dialog, setDialog] = useState<"list" | "import" | null>(null);
	const contacts = useContacts({ listId, q: debouncedQ, status });
	const selectedList = lists.data?.items.find((list) => list.id === listId);
	const items = contacts.data?.pages.flatMap((page) => page.items) ?? [];

	return (
		<Group align="flex-start" gap="md" wrap="wrap">
			<Paper withBorder p="xs" w={{ base: "100%", sm: 250 }}>
				<Group justify="space-between" px="xs" mb={4}>
					<Text size="sm" fw={650}>
						{t("feedback.contacts.lists")}
					</Text>
					{canWrite && (
						<Button
							size="compact-xs"
							variant="subtle"
							leftSection={<IconPlus size={12} />}
							onClick={() => setDialog("list")}
						>
							{t("feedback.contacts.newList")}
						</Button>
					)}
				</Group>
				{lists.isPending ? (
					<LoadingState />
				) : lists.isError ? (
					<ErrorState error={lists.error} onRetry={() => lists.refetch()} />
				) : (
					<Stack gap={2}>
						<NavLink
							label={t("feedback.contacts.allContacts")}
							active={listId === null}
							onClick={() => setListId(null)}
						/>
						{lists.data.items.map((list) => (
							<NavLink
								key={list.id}
								label={list.name}
								description={list.description ?? undefined}
								rightSection={
									<Badge size="sm" variant="light" color="gray">
										{list.memberCount}
									</Badge>
								}
								active={listId === list.id}
								onClick={() => setListId(list.id)}
							/>
						))}
						{lists.data.items.length === 0 && (
							<Text size="xs" c="dimmed" px="xs" py={4}>
								{t("feedback.contacts.noLists")}
							</Text>
						)}
					</Stack>
				)}
			</Paper>
			<Stack gap="sm" style={{ flex: "1 1 420px", minWidth: 0 }}>
				<Group gap="xs" justify="space-between">
					<Group gap="xs" style={{ flex: 1 }}>
						<TextInput
							type="search"
							aria-label={t("feedback.contacts.search")}
							placeholder={t("feedback.contacts.search")}
							value={q}
							onChange={(event) => setQ(event.currentTarget.value)}
							style={{ flex: "1 1 200px" }}
						/>
						<Select
							aria-label={t("feedback.contacts.status")}
							placeholder={t("feedback.contacts.anyStatus")}
							clearable
							data={(["reachable", "unsubscribed", "bounced"] as const).map((value) => ({
								value,
								label: t(`feedback.contacts.statuses.${value}`),
							}))}
							value={status}
							onChange={setStatus}
							w={180}
						/>
					</Group>
					{canWrite && selectedList && (
						<Button variant="light" leftSection={<IconUpload size={16} />} onClick={() => setDialog("import")}>
							{t("feedback.contacts.import")}
						</Button>
					)}
				</Group>
				{canWrite && !selectedList && (lists.data?.items.length ?? 0) > 0 && (
					<Text size="xs" c="dimmed">
						{t("feedback.contacts.pickListToImport")}
					</Text>
				)}
				{contacts.isPending ? (
					<LoadingState />
				) : contacts.isError ? (
					<ErrorState error={contacts.error} onRetry={() => contacts.refetch()} />
				) : items.length === 0 ? (
					<EmptyState
						variant="light"
						title={t("feedback.contacts.emptyTitle")}
						description={t("feedback.contacts.empty")}
						py="lg"
					/>
				) : (
					<Paper withBorder>
						<Table.ScrollContainer minWidth={600}>
							<Table verticalSpacing="xs">
								<Table.Thead>
									<Table.Tr>
										<Table.Th>{t("feedback.contacts.contact")}</Table.Th>
										<Table.Th>{t("feedback.contacts.language")}</Table.Th>
										<Table.Th>{t("feedback.contacts.status")}</Table.Th>
										<Table.Th>{t("feedback.contacts.lastInvited")}</Table.Th>
									</Table.Tr>
								</Table.Thead>
								<Table.Tbody>
									{items.map((contact) => (
										<Table.Tr key={contact.id}>
											<Table.Td>
												<Text size="sm" fw={600}>
													{contact.name ?? contact.email}
												</Text>
												{contact.name && (
													<Text size="xs" c="dimmed">
														{contact.email}
													</Text>
												)}
											</Table.Td>
											<Table.Td>{contact.language.toUpperCase()}</Table.Td>
											<Table.Td>
												<Badge size="sm" variant="light" color={STATUS_COLORS[statusOf(contact)]}>
													{t(`feedback.contacts.statuses.${statusOf(contact)}`)}
												</Badge>
											</Table.Td>
											<Table.Td>{formatDate(contact.lastInvitedAt, i18n.language)}</Table.Td>
										</Table.Tr>
									))}
								</Table.Tbody>
							</Table>
						</Table.ScrollContainer>
					</Paper>
				)}
				{contacts.hasNextPage && (
					<Button
						variant="default"
						onClick={() => contacts.fetchNextPage()}
						loading={contacts.isFetchingNextPage}
						style={{ alignSelf: "center" }}
					>
						{t("feedback.responses.loadMore")}
					</Button>
				)}
			</Stack>
			{dialog === "list" && (
				<ContactListModal
					onClose={() => setDialog(null)}
					onCreated={(id) => {
						setDialog(null);
						setListId(id);
					}}
				/>
			)}
			{dialog === "import" && selectedList && (
				<ImportContactsModal listId={selectedList.id} listName={selectedList.name} onClose={() => setDialog(null)} />
			)}
		</Group>
	);
}
