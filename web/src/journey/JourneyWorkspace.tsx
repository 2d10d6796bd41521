// The selected journey's board with its dialogs: add stage, add/edit touchpoint, delete confirmations.
import { Alert, Group, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { JourneyDetailView, StageView, TouchpointView } from "../../../server/modules/journey/contract";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { AddStageModal } from "./AddStageModal";
import { JourneyBoard } from "./JourneyBoard";
import { useDepartments, useJourney } from "./journey-api";
import { TouchpointFormModal } from "./TouchpointFormModal";
import { useJourneyActions } from "./use-journey-actions";

export function JourneyWorkspace({ journeyId, canEdit }: { journeyId: string; canEdit: boolean }) {
	const journey = useJourney(journeyId);
	const departments = useDepartments();
	if (journey.isPending || departments.isPending) return <LoadingState />;
	if (journey.isError) return <ErrorState error={journey.error} onRetry={() => journey.refetch()} />;
	if (departments.isError) return <ErrorState error={departments.error} onRetry={() => departments.refetch()} />;
	return <Workspace journey={journey.data} departments={departments.data.items} canEdit={canEdit} />;
}

type Dialog =
	| { kind: "addStage" }
	| { kind: "touchpointForm"; target: { touchpoint: TouchpointView } | { stageId: string } }
	| { kind: "deleteTouchpoint"; touchpoint: TouchpointView }
	| { kind: "deleteStage"; stage: StageView };

type WorkspaceProps = {
	journey: JourneyDetailView;
	departments: NonNullable<ReturnType<typeof useDepartments>["data"]>["items"];
	canEdit: boolean;
};

function Workspace({ journey, departments, canEdit }: WorkspaceProps) {
	const { t } = useTranslation();
	const actions = useJourneyActions(journey);
	const [dialog, setDialog] = useState<Dialog | null>(null);
	const close = () => setDialog(null);
	const departmentNames = useMemo(
		() => new Map(departments.map((department) => [department.id, department.name])),
		[departments],
	);

	return (
		<>
			<Group gap="lg" mb="sm">
				<Text size="sm" c="dimmed">
					{t("journey.summary", { stages: journey.stages.length, touchpoints: journey.touchpointCount })}
				</Text>
			</Group>
			{!canEdit && (
				<Alert variant="light" color="gray" mb="md" p="xs">
					<Text size="sm">{t("journey.readOnly")}</Text>
				</Alert>
			)}
			<JourneyBoard
				journey={journey}
				departmentNames={departmentNames}
				handlers={
					canEdit
						? {
								actions,
								onAddStage: () => setDialog({ kind: "addStage" }),
								onAddTouchpoint: (stageId) => setDialog({ kind: "touchpointForm", target: { stageId } }),
								onEditTouchpoint: (touchpoint) => setDialog({ kind: "touchpointForm", target: { touchpoint } }),
								onDeleteTouchpoint: (touchpoint) => setDialog({ kind: "deleteTouchpoint", touchpoint }),
								onDeleteStage: (stage) => setDialog({ kind: "deleteStage", stage }),
							}
						: undefined
				}
			/>
			{dialog?.kind === "addStage" && <AddStageModal actions={actions} onClose={close} />}
			{dialog?.kind === "touchpointForm" && (
				<TouchpointFormModal
					target={dialog.target}
					stages={journey.stages}
					departments={departments}
					actions={actions}
					onClose={close}
				/>
			)}
			<ConfirmDialog
				opened={dialog?.kind === "deleteTouchpoint"}
				title={t("journey.touchpoint.deleteTitle")}
				message={
					dialog?.kind === "deleteTouchpoint"
						? t("journey.touchpoint.deleteMessage", { name: dialog.touchpoint.name })
						: ""
				}
				confirmLabel={t("common.delete")}
				onConfirm={() => {
					if (dialog?.kind === "deleteTouchpoint") actions.deleteTouchpoint(dialog.touchpoint.id).catch(() => {});
					close();
				}}
				onClose={close}
			/>
			<ConfirmDialog
				opened={dialog?.kind === "deleteStage"}
				title={t("journey.stage.deleteTitle")}
				message={
					dialog?.kind === "deleteStage"
						? dialog.stage.touchpoints.length > 0
							? t("journey.stage.deleteBlocked")
							: t("journey.stage.deleteMessage", { name: dialog.stage.name })
						: ""
				}
				confirmLabel={t("common.delete")}
				onConfirm={() => {
					if (dialog?.kind === "deleteStage") actions.deleteStage(dialog.stage.id).catch(() => {});
					close();
				}}
				onClose={close}
			/>
		</>
	);
}
