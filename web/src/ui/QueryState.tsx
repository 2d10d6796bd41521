// Loading and error states shared by every page that waits for the API.
import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { IconAlert } from "./icons";

export function LoadingState({ label }: { label?: string }) {
	const { t } = useTranslation();
	return (
		<Center py="xl" role="status">
			<Stack align="center" gap="xs">
				<Loader size="sm" />
				<Text size="sm" c="dimmed">
					{label ?? t("common.loading")}
				</Text>
			</Stack>
		</Center>
	);
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
	const { t } = useTranslation();
	const message = isApiError(error) && error.code !== "network" ? error.message : t("errors.network");
	return (
		<Alert color="red" variant="light" title={t("errors.loadFailed")} icon={<IconAlert />} role="alert">
			<Text size="sm">{message}</Text>
			{onRetry && (
				<Button size="xs" variant="white" color="red" mt="sm" onClick={onRetry}>
					{t("common.retry")}
				</Button>
			)}
		</Alert>
	);
}
