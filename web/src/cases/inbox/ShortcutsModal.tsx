// The list of the inbox's keyboard shortcuts (opened with "?").
import { Group, Kbd, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SHORTCUT_KEYS } from "./use-inbox-shortcuts";

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
	const { t } = useTranslation();
	return (
		<Modal opened={opened} onClose={onClose} title={t("cases.shortcuts.title")} size="sm">
			<Stack gap="xs" data-testid="shortcut-list">
				{SHORTCUT_KEYS.map(([keys, shortcut]) => (
					<Group key={shortcut} justify="space-between">
						<Text size="sm">{t(`cases.shortcuts.${shortcut}`)}</Text>
						<Group gap={4}>
							{keys.split(" / ").map((key) => (
								<Kbd key={key}>{key}</Kbd>
							))}
						</Group>
					</Group>
				))}
				<Text size="xs" c="dimmed" mt="xs">
					{t("cases.shortcuts.hint")}
				</Text>
			</Stack>
		</Modal>
	);
}
