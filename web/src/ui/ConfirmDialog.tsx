// A confirmation dialog for destructive actions; focus starts on Cancel so Enter never deletes by accident.
import { Button, Group, Modal, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Props = {
	opened: boolean;
	title: string;
	message: string;
	confirmLabel: string;
	isPending?: boolean;
	onConfirm: () => void;
	onClose: () => void;
};

export function ConfirmDialog({ opened, title, message, confirmLabel, isPending, onConfirm, onClose }: Props) {
	const { t } = useTranslation();
	return (
		<Modal
			opened={opened}
			onClose={onClose}
			title={title}
			centered
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<Text size="sm">{message}</Text>
			<Group justify="flex-end" mt="lg">
				<Button variant="default" onClick={onClose} data-autofocus>
					{t("common.cancel")}
				</Button>
				<Button color="red" onClick={onConfirm} loading={isPending}>
					{confirmLabel}
				</Button>
			</Group>
		</Modal>
	);
}
