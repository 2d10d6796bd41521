// Create an API key with a name and role; the key itself is shown once, with a copy button.
import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ROLES } from "../../../lib/api/roles";
import { CreateApiKeyInput, type CreatedApiKeyView } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { useForm } from "../forms/use-form";
import { SecretReveal } from "../ui/SecretReveal";
import { apiKeysKey, useSettingsChange } from "./settings-api";

export function CreateApiKeyModal({ onClose }: { onClose: () => void }) {
	const { t } = useTranslation();
	const form = useForm({ name: "", role: "viewer" });
	const [key, setKey] = useState<string | null>(null);
	const create = useSettingsChange(
		(input: CreateApiKeyInput) => api<z.infer<typeof CreatedApiKeyView>>("POST", "/api-keys", input),
		[apiKeysKey],
	);

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const input = form.validate(CreateApiKeyInput);
		if (!input) return;
		create.mutate(input, {
			onSuccess: (created) => setKey(created.key),
			onError: (error) => form.showApiError(error, { withNotification: false }),
		});
	};

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("settings.apiKeys.create")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			{key ? (
				<Stack gap="md">
					<SecretReveal label={t("settings.apiKeys.yourKey")} value={key} warning={t("settings.apiKeys.keyWarning")} />
					<Group justify="flex-end">
						<Button onClick={onClose}>{t("common.done")}</Button>
					</Group>
				</Stack>
			) : (
				<form onSubmit={submit} noValidate>
					<Stack gap="md">
						<TextInput
							label={t("settings.apiKeys.name")}
							description={t("settings.apiKeys.nameHint")}
							required
							data-autofocus
							maxLength={120}
							value={form.values.name}
							onChange={(event) => form.set("name", event.currentTarget.value)}
							error={form.errors.name}
						/>
						<Select
							label={t("settings.members.role")}
							description={t(`roles.descriptions.${form.values.role}`)}
							allowDeselect={false}
							data={ROLES.filter((role) => role !== "owner").map((role) => ({
								value: role,
								label: t(`roles.${role}`),
							}))}
							value={form.values.role}
							onChange={(value) => value && form.set("role", value)}
						/>
						<Group justify="flex-end">
							<Button variant="default" onClick={onClose}>
								{t("common.cancel")}
							</Button>
							<Button type="submit" loading={create.isPending}>
								{t("settings.apiKeys.create")}
							</Button>
						</Group>
					</Stack>
				</form>
			)}
		</Modal>
	);
}
