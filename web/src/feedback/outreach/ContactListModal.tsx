// Create a contact list (name and description).
import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type ContactListView, CreateContactListInput } from "../../../../server/modules/outreach/contract";
import { api } from "../../api/client";
import { useForm } from "../../forms/use-form";
import { notify } from "../../ui/notifications";
import { contactListsKey } from "./outreach-api";

export function ContactListModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const form = useForm({ name: "", description: "" });
	const create = useMutation({
		mutationFn: (input: CreateContactListInput) => api<ContactListView>("POST", "/contact-lists", input),
		onSuccess: async (list) => {
			await queryClient.invalidateQueries({ queryKey: contactListsKey });
			notify("success", t("feedback.contacts.listCreated", { name: list.name }));
			onCreated(list.id);
		},
		onError: (error) => form.showApiError(error),
	});
	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const input = form.validate(CreateContactListInput, {
			name: form.values.name,
			description: form.values.description.trim() || null,
		});
		if (input) create.mutate(input);
	};
	return (
		<Modal
			opened
			onClose={onClose}
			title={t("feedback.contacts.createList")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput
						label={t("feedback.contacts.listName")}
						required
						data-autofocus
						maxLength={120}
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<Textarea
						label={t("feedback.contacts.listDescription")}
						autosize
						minRows={2}
						maxLength={2000}
						value={form.values.description}
						onChange={(event) => form.set("description", event.currentTarget.value)}
					/>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={create.isPending}>
							{t("feedback.contacts.createList")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
