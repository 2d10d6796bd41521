// Add or edit a touchpoint: name, stage, channel, owning department, URL patterns and description.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DepartmentView } from "../../../server/modules/admin/contract";
import {
	CHANNELS,
	type Channel,
	CreateTouchpointInput,
	type StageView,
	type TouchpointView,
	UpdateTouchpointInput,
} from "../../../server/modules/journey/contract";
import { useForm } from "../forms/use-form";
import { UrlPatternEditor } from "./UrlPatternEditor";
import type { JourneyActions } from "./use-journey-actions";

type Props = {
	/** The touchpoint to edit, or the stage to add one to. */
	target: { touchpoint: TouchpointView } | { stageId: string };
	stages: StageView[];
	departments: DepartmentView[];
	actions: JourneyActions;
	onClose: () => void;
};

export function TouchpointFormModal({ target, stages, departments, actions, onClose }: Props) {
	const { t } = useTranslation();
	const existing = "touchpoint" in target ? target.touchpoint : undefined;
	const form = useForm({
		stageId: existing?.stageId ?? ("stageId" in target ? target.stageId : ""),
		name: existing?.name ?? "",
		channel: (existing?.channel ?? "web") as Channel,
		departmentId: existing?.departmentId ?? null,
		urlPatterns: existing?.urlPatterns ?? [],
		description: existing?.description ?? "",
	});
	const [isPending, setPending] = useState(false);

	const submit = async (event: React.FormEvent) => {
		event.preventDefault();
		const values = {
			...form.values,
			urlPatterns: form.values.urlPatterns.filter((pattern) => pattern.trim() !== ""),
			description: form.values.description.trim() || null,
		};
		const input = form.validate(existing ? UpdateTouchpointInput : CreateTouchpointInput, values);
		if (!input) return;
		setPending(true);
		try {
			if (existing) await actions.updateTouchpoint(existing.id, input);
			else await actions.createTouchpoint(input as CreateTouchpointInput);
			onClose();
		} catch (error) {
			form.showApiError(error, { withNotification: false });
		} finally {
			setPending(false);
		}
	};

	const channelOptions = CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) })).sort((a, b) =>
		a.label.localeCompare(b.label),
	);

	return (
		<Modal
			opened
			onClose={onClose}
			title={existing ? t("journey.touchpoint.editTitle") : t("journey.touchpoint.addTitle")}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput
						label={t("journey.touchpoint.name")}
						required
						data-autofocus
						maxLength={120}
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<Group grow align="flex-start" wrap="wrap">
						<Select
							label={t("journey.touchpoint.stage")}
							required
							allowDeselect={false}
							data={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
							value={form.values.stageId}
							onChange={(value) => value && form.set("stageId", value)}
							error={form.errors.stageId}
							comboboxProps={{ withinPortal: true }}
						/>
						<Select
							label={t("journey.touchpoint.channel")}
							required
							searchable
							allowDeselect={false}
							data={channelOptions}
							value={form.values.channel}
							onChange={(value) => value && form.set("channel", value as Channel)}
							error={form.errors.channel}
						/>
					</Group>
					<Select
						label={t("journey.touchpoint.department")}
						placeholder={t("journey.touchpoint.noDepartment")}
						clearable
						data={departments.map((department) => ({ value: department.id, label: department.name }))}
						value={form.values.departmentId}
						onChange={(value) => form.set("departmentId", value)}
						error={form.errors.departmentId}
					/>
					<UrlPatternEditor
						patterns={form.values.urlPatterns}
						errors={form.errors}
						onChange={(patterns) => form.set("urlPatterns", patterns)}
					/>
					<Textarea
						label={t("journey.touchpoint.description")}
						autosize
						minRows={2}
						maxRows={6}
						maxLength={2000}
						value={form.values.description}
						onChange={(event) => form.set("description", event.currentTarget.value)}
						error={form.errors.description}
					/>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={isPending}>
							{existing ? t("common.save") : t("journey.touchpoint.add")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
