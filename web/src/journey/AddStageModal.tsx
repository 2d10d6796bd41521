// Add a stage at the end of the journey; choosing a standard stage suggests its name.
import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CreateStageInput, STAGE_KEYS, type StageKey } from "../../../server/modules/journey/contract";
import { useForm } from "../forms/use-form";
import type { JourneyActions } from "./use-journey-actions";

export function AddStageModal({ actions, onClose }: { actions: JourneyActions; onClose: () => void }) {
	const { t } = useTranslation();
	const form = useForm({ name: "", key: null as StageKey | null });
	const [isPending, setPending] = useState(false);

	const chooseKey = (value: string | null) => {
		const key = value as StageKey | null;
		const suggested = form.values.key ? t(`stages.${form.values.key}`) : "";
		if (key && (form.values.name === "" || form.values.name === suggested)) form.set("name", t(`stages.${key}`));
		form.set("key", key);
	};

	const submit = async (event: React.FormEvent) => {
		event.preventDefault();
		const input = form.validate(CreateStageInput);
		if (!input) return;
		setPending(true);
		try {
			await actions.addStage(input);
			onClose();
		} catch (error) {
			form.showApiError(error, { withNotification: false });
		} finally {
			setPending(false);
		}
	};

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("journey.stage.addTitle")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<Select
						label={t("journey.stage.standardKey")}
						description={t("journey.stage.standardKeyHint")}
						placeholder={t("journey.stage.noStandardKey")}
						clearable
						data={STAGE_KEYS.map((key) => ({ value: key, label: t(`stages.${key}`) }))}
						value={form.values.key}
						onChange={chooseKey}
					/>
					<TextInput
						label={t("journey.stage.name")}
						required
						data-autofocus
						maxLength={120}
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={isPending}>
							{t("journey.stage.add")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
