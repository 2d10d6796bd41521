// Invite a person: email, role, departments, language; afterwards the accept link is shown once to share.
import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ROLES } from "../../../lib/api/roles";
import { type CreatedInvitationView, CreateInvitationInput } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { useForm } from "../forms/use-form";
import { currentLanguage } from "../i18n/i18n";
import { SecretReveal } from "../ui/SecretReveal";
import { invitationsKey, useSettingsChange } from "./settings-api";

type Props = { departmentOptions: { value: string; label: string }[]; onClose: () => void };

export function InviteModal({ departmentOptions, onClose }: Props) {
	const { t } = useTranslation();
	const form = useForm({ email: "", role: "viewer", departmentIds: [] as string[], locale: currentLanguage() });
	const [acceptUrl, setAcceptUrl] = useState<string | null>(null);
	const invite = useSettingsChange(
		(input: CreateInvitationInput) => api<z.infer<typeof CreatedInvitationView>>("POST", "/invitations", input),
		[invitationsKey],
	);

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const input = form.validate(CreateInvitationInput);
		if (!input) return;
		invite.mutate(input, {
			onSuccess: (created) => setAcceptUrl(new URL(created.acceptUrl, window.location.origin).toString()),
			onError: (error) => form.showApiError(error, { withNotification: false }),
		});
	};

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("settings.invitations.invite")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			{acceptUrl ? (
				<Stack gap="md">
					<SecretReveal
						label={t("settings.invitations.link")}
						value={acceptUrl}
						warning={t("settings.invitations.linkWarning")}
					/>
					<Group justify="flex-end">
						<Button onClick={onClose}>{t("common.done")}</Button>
					</Group>
				</Stack>
			) : (
				<form onSubmit={submit} noValidate>
					<Stack gap="md">
						<TextInput
							label={t("auth.email")}
							type="email"
							required
							data-autofocus
							value={form.values.email}
							onChange={(event) => form.set("email", event.currentTarget.value)}
							error={form.errors.email}
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
							error={form.errors.role}
						/>
						<MultiSelect
							label={t("settings.members.departments")}
							data={departmentOptions}
							value={form.values.departmentIds}
							onChange={(value) => form.set("departmentIds", value)}
							error={form.errors.departmentIds}
						/>
						<Select
							label={t("settings.invitations.language")}
							allowDeselect={false}
							data={[
								{ value: "de", label: t("language.de") },
								{ value: "en", label: t("language.en") },
							]}
							value={form.values.locale}
							onChange={(value) => value && form.set("locale", value as "de" | "en")}
						/>
						<Group justify="flex-end">
							<Button variant="default" onClick={onClose}>
								{t("common.cancel")}
							</Button>
							<Button type="submit" loading={invite.isPending}>
								{t("settings.invitations.send")}
							</Button>
						</Group>
					</Stack>
				</form>
			)}
		</Modal>
	);
}
