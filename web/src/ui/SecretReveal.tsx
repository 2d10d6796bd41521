// Shows a secret (API key, invitation link) once, with a copy button and a warning that it will not be shown again.
import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IconCheck, IconCopy } from "./icons";

type Props = { label: string; value: string; warning: string };

export function SecretReveal({ label, value, warning }: Props) {
	const { t } = useTranslation();
	return (
		<Stack gap="xs">
			<Text size="sm" fw={600}>
				{label}
			</Text>
			<Group gap="xs" wrap="nowrap" align="center">
				<Code block className="loupe-secret" data-testid="secret-value">
					{value}
				</Code>
				<CopyButton value={value}>
					{({ copied, copy }) => (
						<Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
							<ActionIcon
								variant="light"
								size="lg"
								color={copied ? "teal" : "brand"}
								onClick={copy}
								aria-label={copied ? t("common.copied") : t("common.copy")}
							>
								{copied ? <IconCheck /> : <IconCopy />}
							</ActionIcon>
						</Tooltip>
					)}
				</CopyButton>
			</Group>
			<Alert color="yellow" variant="light" p="xs">
				<Text size="sm">{warning}</Text>
			</Alert>
		</Stack>
	);
}
