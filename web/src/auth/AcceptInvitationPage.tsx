// Join an organization from an invitation link: shows who invited whom, then creates or signs in the account.
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import type { z } from "zod";
import { AcceptInvitationInput, type PublicInvitationView } from "../../../server/modules/admin/contract";
import { api } from "../api/client";
import { acceptInvitation } from "../api/session";
import { useForm } from "../forms/use-form";
import { currentLanguage } from "../i18n/i18n";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { AuthLayout } from "./AuthLayout";

type Invitation = z.infer<typeof PublicInvitationView>;

export function AcceptInvitationPage() {
	const { t, i18n } = useTranslation();
	const navigate = useNavigate();
	const { token } = useParams({ from: "/invitation/$token" });
	const invitation = useQuery({
		queryKey: ["public-invitation", token],
		queryFn: () => api<Invitation>("GET", `/public/invitations/${encodeURIComponent(token)}`),
	});
	const form = useForm({ name: "", password: "" });
	const [isPending, setPending] = useState(false);

	if (invitation.isPending) return <AuthLayout title={t("auth.invitation.title")}>{<LoadingState />}</AuthLayout>;
	if (invitation.isError) {
		return (
			<AuthLayout title={t("auth.invitation.title")}>
				<ErrorState error={invitation.error} />
				<Anchor mt="md" display="block" renderRoot={(props) => <Link to="/sign-in" search={{}} {...props} />}>
					{t("auth.signUp.signInLink")}
				</Anchor>
			</AuthLayout>
		);
	}

	const { organizationName, email, role, hasAccount } = invitation.data;

	const submit = async (event: React.FormEvent) => {
		event.preventDefault();
		const candidate = {
			token,
			password: form.values.password,
			locale: currentLanguage(),
			...(hasAccount ? {} : { name: form.values.name }),
		};
		if (!hasAccount && !form.values.name.trim()) {
			form.setErrors({ name: t("validation.required") });
			return;
		}
		const input = form.validate(AcceptInvitationInput, candidate);
		if (!input) return;
		setPending(true);
		try {
			const me = await acceptInvitation(input);
			if (me.user) await i18n.changeLanguage(me.user.locale);
			await navigate({ to: "/journey", search: {} });
		} catch (error) {
			form.showApiError(error);
		} finally {
			setPending(false);
		}
	};

	return (
		<AuthLayout
			title={t("auth.invitation.title")}
			subtitle={
				<Trans
					i18nKey="auth.invitation.subtitle"
					values={{ organization: organizationName, role: t(`roles.${role}`) }}
					components={{ strong: <strong /> }}
				/>
			}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput label={t("auth.email")} value={email} readOnly variant="filled" />
					{hasAccount ? (
						<Alert variant="light" p="sm">
							<Text size="sm">{t("auth.invitation.hasAccount")}</Text>
						</Alert>
					) : (
						<TextInput
							label={t("auth.name")}
							autoComplete="name"
							required
							value={form.values.name}
							onChange={(event) => form.set("name", event.currentTarget.value)}
							error={form.errors.name}
						/>
					)}
					<PasswordInput
						visibilityToggleButtonProps={{ "aria-label": t("auth.showPassword") }}
						label={t("auth.password")}
						description={hasAccount ? undefined : t("auth.passwordHint")}
						autoComplete={hasAccount ? "current-password" : "new-password"}
						required
						value={form.values.password}
						onChange={(event) => form.set("password", event.currentTarget.value)}
						error={form.errors.password}
					/>
					<Button type="submit" loading={isPending} fullWidth>
						{t("auth.invitation.submit")}
					</Button>
				</Stack>
			</form>
		</AuthLayout>
	);
}
