// Organization settings: name, default language and time zone (editable by admins, shown to everyone).
import { Button, Group, Paper, Select, Stack, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import { type OrganizationView, UpdateOrganizationInput } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { meQuery } from "../api/session";
import { useForm } from "../forms/use-form";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { organizationKey, useOrganization, useSettingsChange } from "./settings-api";

export function OrganizationSettings() {
	const organization = useOrganization();
	if (organization.isPending) return <LoadingState />;
	if (organization.isError) return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
	return <OrganizationForm organization={organization.data} />;
}

function OrganizationForm({ organization }: { organization: OrganizationView }) {
	const { t } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const canEdit = Boolean(me && hasPermission(me.role, "organization.write"));
	const form = useForm({
		name: organization.name,
		defaultLanguage: organization.defaultLanguage,
		timezone: organization.timezone,
	});
	const timezones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
	const save = useSettingsChange(
		(input: UpdateOrganizationInput) => api<OrganizationView>("PATCH", "/organization", input),
		[organizationKey],
		t("settings.saved"),
	);

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const input = form.validate(UpdateOrganizationInput);
		if (input) save.mutate(input, { onError: (error) => form.showApiError(error, { withNotification: false }) });
	};

	return (
		<Paper withBorder p={{ base: "md", sm: "lg" }} maw={560}>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput
						label={t("settings.organization.name")}
						required
						readOnly={!canEdit}
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<Select
						label={t("settings.organization.defaultLanguage")}
						description={t("settings.organization.defaultLanguageHint")}
						readOnly={!canEdit}
						allowDeselect={false}
						data={[
							{ value: "de", label: t("language.de") },
							{ value: "en", label: t("language.en") },
						]}
						value={form.values.defaultLanguage}
						onChange={(value) => value && form.set("defaultLanguage", value as "de" | "en")}
					/>
					<Select
						label={t("settings.organization.timezone")}
						readOnly={!canEdit}
						searchable
						allowDeselect={false}
						data={timezones}
						limit={100}
						value={form.values.timezone}
						onChange={(value) => value && form.set("timezone", value)}
						error={form.errors.timezone}
					/>
					{canEdit && (
						<Group justify="flex-end">
							<Button type="submit" loading={save.isPending}>
								{t("common.save")}
							</Button>
						</Group>
					)}
				</Stack>
			</form>
		</Paper>
	);
}
