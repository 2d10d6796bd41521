// Add or rename a department.
import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
	CreateDepartmentInput,
	type DepartmentView,
	UpdateDepartmentInput,
} from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { useForm } from "../forms/use-form";
import { departmentsKey } from "../journey/journey-api";
import { useSettingsChange } from "./settings-api";

export function DepartmentFormModal({ department, onClose }: { department?: DepartmentView; onClose: () => void }) {
	const { t } = useTranslation();
	const form = useForm({ name: department?.name ?? "", description: department?.description ?? "" });
	const save = useSettingsChange(
		(input: CreateDepartmentInput) =>
			department
				? api<DepartmentView>("PATCH", `/departments/${department.id}`, input)
				: api<DepartmentView>("POST", "/departments", input),
		[departmentsKey],
		t("settings.saved"),
	);

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const candidate = { name: form.values.name, description: form.values.description.trim() || null };
		const input = form.validate(department ? UpdateDepartmentInput : CreateDepartmentInput, candidate);
		if (!input) return;
		save.mutate(input as CreateDepartmentInput, {
			onSuccess: onClose,
			onError: (error) => form.showApiError(error, { withNotification: false }),
		});
	};

	return (
		<Modal
			opened
			onClose={onClose}
			title={department ? t("settings.departments.editTitle") : t("settings.departments.add")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput
						label={t("settings.departments.name")}
						required
						data-autofocus
						maxLength={120}
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<Textarea
						label={t("settings.departments.description")}
						autosize
						minRows={2}
						maxLength={1000}
						value={form.values.description}
						onChange={(event) => form.set("description", event.currentTarget.value)}
						error={form.errors.description}
					/>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={save.isPending}>
							{t("common.save")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
