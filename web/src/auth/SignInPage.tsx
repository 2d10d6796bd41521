// Sign in with email and password; afterwards go where the user wanted to go.
import { Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SignInInput } from "../../../server/modules/admin/contract";
import { signIn } from "../api/session";
import { useForm } from "../forms/use-form";
import { AuthLayout } from "./AuthLayout";

export function SignInPage() {
	const { t, i18n } = useTranslation();
	const navigate = useNavigate();
	const { redirect } = useSearch({ from: "/sign-in" });
	const form = useForm({ email: "", password: "" });
	const [isPending, setPending] = useState(false);

	const submit = async (event: React.FormEvent) => {
		event.preventDefault();
		const input = form.validate(SignInInput);
		if (!input) return;
		setPending(true);
		try {
			const me = await signIn(input);
			if (me.user) await i18n.changeLanguage(me.user.locale);
			await navigate({ to: redirect ?? "/journey" });
		} catch (error) {
			form.showApiError(error);
		} finally {
			setPending(false);
		}
	};

	return (
		<AuthLayout
			title={t("auth.signIn.title")}
			subtitle={t("auth.signIn.subtitle")}
			footer={
				<>
					{t("auth.signIn.noAccount")}{" "}
					<Anchor renderRoot={(props) => <Link to="/sign-up" {...props} />}>{t("auth.signIn.signUpLink")}</Anchor>
				</>
			}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
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
						autoComplete="current-password"
						required
						value={form.values.password}
						onChange={(event) => form.set("password", event.currentTarget.value)}
						error={form.errors.password}
					/>
					<Button type="submit" loading={isPending} fullWidth>
						{t("auth.signIn.submit")}
					</Button>
				</Stack>
			</form>
		</AuthLayout>
	);
}
