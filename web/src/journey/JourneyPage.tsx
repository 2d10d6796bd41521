// The journey page: pick a journey (or create the first), manage it, and work on its board.
import { ActionIcon, Button, EmptyState, Group, Menu, Select } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import { api } from "../api/client";
import { meQuery } from "../api/session";
import { notifyError } from "../forms/notify-error";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { IconDots, IconPencil, IconPlus, IconRoute, IconTrash } from "../ui/icons";
import { notify } from "../ui/notifications";
import { PageHeader } from "../ui/PageHeader";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { JourneyFormModal } from "./JourneyFormModal";
import { JourneyWorkspace } from "./JourneyWorkspace";
import { journeysKey, useJourneys } from "./journey-api";

export function JourneyPage() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const queryClient = useQueryClient();
	const { journey: selectedId } = useSearch({ from: "/app/journey" });
	const { data: me } = useQuery(meQuery);
	const journeys = useJourneys();
	const [dialog, setDialog] = useState<"create" | "rename" | "delete" | null>(null);
	const [isDeleting, setDeleting] = useState(false);
	const canEdit = Boolean(me && hasPermission(me.role, "journey.write"));

	if (journeys.isPending) return <LoadingState />;
	if (journeys.isError) return <ErrorState error={journeys.error} onRetry={() => journeys.refetch()} />;

	const list = journeys.data.items;
	const selected = list.find((journey) => journey.id === selectedId) ?? list[0];
	const select = (id: string | undefined) =>
		navigate({ to: "/journey", search: id ? { journey: id } : {}, replace: true });

	const remove = async () => {
		if (!selected) return;
		setDeleting(true);
		try {
			await api<void>("DELETE", `/journeys/${selected.id}`);
			await queryClient.invalidateQueries({ queryKey: journeysKey });
			notify("success", t("journey.deleted", { name: selected.name }));
			setDialog(null);
			await select(undefined);
		} catch (error) {
			notifyError(error, t);
		} finally {
			setDeleting(false);
		}
	};

	const createModal = dialog === "create" && (
		<JourneyFormModal
			onClose={() => setDialog(null)}
			onSaved={(saved) => {
				setDialog(null);
				void select(saved.id);
			}}
		/>
	);

	if (!selected) {
		return (
			<>
				<PageHeader title={t("journey.title")} description={t("journey.intro")} />
				<EmptyState
					icon={<IconRoute size={28} />}
					variant="light"
					title={t("journey.emptyTitle")}
					description={canEdit ? t("journey.emptyEditable") : t("journey.emptyReadOnly")}
					py="xl"
				>
					{canEdit && (
						<EmptyState.Actions>
							<Button leftSection={<IconPlus size={16} />} onClick={() => setDialog("create")}>
								{t("journey.create")}
							</Button>
						</EmptyState.Actions>
					)}
				</EmptyState>
				{createModal}
			</>
		);
	}

	return (
		<>
			<PageHeader
				title={selected.name}
				description={selected.description ?? undefined}
				actions={
					<Group gap="xs" wrap="nowrap">
						{list.length > 1 && (
							<Select
								aria-label={t("journey.choose")}
								data={list.map((journey) => ({ value: journey.id, label: journey.name }))}
								value={selected.id}
								onChange={(value) => value && select(value)}
								allowDeselect={false}
								w={220}
							/>
						)}
						{canEdit && (
							<>
								<Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setDialog("create")}>
									{t("journey.new")}
								</Button>
								<Menu position="bottom-end">
									<Menu.Target>
										<ActionIcon variant="default" size="lg" aria-label={t("journey.actions")}>
											<IconDots />
										</ActionIcon>
									</Menu.Target>
									<Menu.Dropdown>
										<Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog("rename")}>
											{t("journey.rename")}
										</Menu.Item>
										<Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
											{t("journey.delete")}
										</Menu.Item>
									</Menu.Dropdown>
								</Menu>
							</>
						)}
					</Group>
				}
			/>
			<JourneyWorkspace journeyId={selected.id} canEdit={canEdit} />
			{createModal}
			{dialog === "rename" && (
				<JourneyFormModal journey={selected} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />
			)}
			<ConfirmDialog
				opened={dialog === "delete"}
				title={t("journey.deleteTitle")}
				message={t("journey.deleteMessage", { name: selected.name, count: selected.touchpointCount })}
				confirmLabel={t("journey.delete")}
				isPending={isDeleting}
				onConfirm={remove}
				onClose={() => setDialog(null)}
			/>
		</>
	);
}
