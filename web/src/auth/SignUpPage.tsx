// Create an organization and its owner account.
import { Anchor, Button, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SignUpInput } from "../../../server/modules/admin/contract";
import { signUp } from "../api/session";
import { useForm } from "../forms/use-form";
import { currentLanguage } from "../i18n/i18n";
import { AuthLayout } from "./AuthLayout";

export function SignUpPage() {
	const { t, i18n } = useTranslation();
	const navigate = useNavigate();
	const form = useForm({ organizationName: "", name: "", email: "", password: "", locale: currentLanguage() });
	const [isPending, setPending] = useState(false);

	const submit = async (event: React.FormEvent) => {
		event.preventDefault();
		const input = form.validate(SignUpInput);
		if (!input) return;
		setPending(true);
		try {
			await signUp(input);
			await i18n.changeLanguage(input.locale);
			await navigate({ to: "/journey", search: {} });
		} catch (error) {
			form.showApiError(error);
		} finally {
			setPending(false);
		}
	};

	return (
		<AuthLayout
			title={t("auth.signUp.title")}
			subtitle={t("auth.signUp.subtitle")}
			footer={
				<>
					{t("auth.signUp.hasAccount")}{" "}
					<Anchor renderRoot={(props) => <Link to="/sign-in" search={{}} {...props} />}>
						{t("auth.signUp.signInLink")}
					</Anchor>
				</>
			}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput
						label={t("auth.organizationName")}
						autoComplete="organization"
						required
						value={form.values.organizationName}
						onChange={(event) => form.set("organizationName", event.currentTarget.value)}
						error={form.errors.organizationName}
					/>
					<TextInput
						label={t("auth.name")}
						autoComplete="name"
						required
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<TextInput
						label={t("auth.email")}
						type="email"
						autoComplete="email"
						required
						value={form.values.email}
						onChange={(event) => form.set("email", event.currentTarget.value)}
						error={form.errors.email}
					/>
					<PasswordInput
						visibilityToggleButtonProps={{ "aria-label": t("auth.showPassword") }}
						label={t("auth.password")}
						description={t("auth.passwordHint")}
						autoComplete="new-password"
						required
						value={form.values.password}
						onChange={(event) => form.set("password", event.currentTarget.value)}
						error={form.errors.password}
					/>
					<Select
						label={t("auth.language")}
						data={[
							{ value: "de", label: t("language.de") },
							{ value: "en", label: t("language.en") },
						]}
						allowDeselect={false}
						value={form.values.locale}
						onChange={(value) => value && form.set("locale", value as "de" | "en")}
					/>
					<Button type="submit" loading={isPending} fullWidth>
						{t("auth.signUp.submit")}
					</Button>
				</Stack>
			</form>
		</AuthLayout>
	);
}
