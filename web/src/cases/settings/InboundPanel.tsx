// The inbound-mail webhook: where the mail provider posts customers' replies, and its secret (shown once on rotation).
import { Alert, Button, Code, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { InboundSecretView } from "../../../../server/modules/cases/contract-loop";
import { api } from "../../api/client";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { SecretReveal } from "../../ui/SecretReveal";
import { useInboundSettings } from "../cases-api";

export function InboundPanel() {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const settings = useInboundSettings();
	const rotate = useMutation({
		mutationFn: () => api<InboundSecretView>("POST", "/cases/inbound-secret"),
		onSuccess: () => queryClient.invalidateQueries({ queryKey: ["case-inbound"] }),
		onError: (error) => notify("error", t("cases.settings.saveFailed"), error.message),
	});
	if (settings.isPending) return <LoadingState />;
	if (settings.error) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
	const view = settings.data;
	return (
		<Stack gap="sm" maw={760}>
			<Text size="sm" c="dimmed">
				{t("cases.settings.inbound.intro")}
			</Text>
			<Text size="sm" fw={600}>
				{t("cases.settings.inbound.webhook")}
			</Text>
			<Code block>{`POST ${view.webhookUrl}\nAuthorization: Bearer <secret>`}</Code>
			<Text size="sm" fw={600}>
				{t("cases.settings.inbound.replyAddress")}
			</Text>
			<Code block>{view.replyAddressPattern}</Code>
			<Alert variant="light" color={view.isConfigured ? "teal" : "orange"}>
				{view.isConfigured
					? t("cases.settings.inbound.configured", { prefix: view.secretPrefix ?? "" })
					: t("cases.settings.inbound.notConfigured")}
			</Alert>
			{rotate.data && (
				<SecretReveal
					label={t("cases.settings.inbound.secret")}
					value={rotate.data.secret}
					warning={t("cases.settings.inbound.secretOnce")}
				/>
			)}
			<Button
				style={{ alignSelf: "flex-start" }}
				variant="default"
				onClick={() => rotate.mutate()}
				loading={rotate.isPending}
			>
				{view.isConfigured ? t("cases.settings.inbound.rotate") : t("cases.settings.inbound.create")}
			</Button>
		</Stack>
	);
}
