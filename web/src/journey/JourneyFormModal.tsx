// Create a journey (optionally with the seven standard stages) or rename one.
import { Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
	CreateJourneyInput,
	type JourneyDetailView,
	type JourneyView,
	UpdateJourneyInput,
} from "../../../server/modules/journey/contract";
import { api } from "../api/client";
import { useForm } from "../forms/use-form";
import { currentLanguage } from "../i18n/i18n";
import { notify } from "../ui/notifications";
import { journeyKey, journeysKey } from "./journey-api";

type Props = { journey?: JourneyView; onClose: () => void; onSaved: (journey: JourneyDetailView) => void };

export function JourneyFormModal({ journey, onClose, onSaved }: Props) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const form = useForm({
		name: journey?.name ?? "",
		description: journey?.description ?? "",
		withStandardStages: true,
	});
	const [isPending, setPending] = useState(false);

	const submit = async (event: React.FormEvent) => {
		event.preventDefault();
		const { name, description, withStandardStages } = form.values;
		const base = { name, description: description.trim() || null };
		const input = journey
			? form.validate(UpdateJourneyInput, base)
			: form.validate(CreateJourneyInput, withStandardStages ? { ...base, standardStages: currentLanguage() } : base);
		if (!input) return;
		setPending(true);
		try {
			const saved = journey
				? await api<JourneyDetailView>("PATCH", `/journeys/${journey.id}`, input)
				: await api<JourneyDetailView>("POST", "/journeys", input);
			if (saved.stages) queryClient.setQueryData(journeyKey(saved.id), saved);
			await queryClient.invalidateQueries({ queryKey: journeysKey });
			await queryClient.invalidateQueries({ queryKey: journeyKey(saved.id) });
			notify("success", journey ? t("journey.saved") : t("journey.created"));
			onSaved(saved);
		} catch (error) {
			form.showApiError(error);
		} finally {
			setPending(false);
		}
	};

	return (
		<Modal
			opened
			onClose={onClose}
			title={journey ? t("journey.editTitle") : t("journey.createTitle")}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput
						label={t("journey.name")}
						required
						data-autofocus
						maxLength={120}
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<Textarea
						label={t("journey.description")}
						autosize
						minRows={2}
						maxLength={2000}
						value={form.values.description}
						onChange={(event) => form.set("description", event.currentTarget.value)}
						error={form.errors.description}
					/>
					{!journey && (
						<Checkbox
							label={t("journey.withStandardStages")}
							description={t("journey.withStandardStagesHint")}
							checked={form.values.withStandardStages}
							onChange={(event) => form.set("withStandardStages", event.currentTarget.checked)}
						/>
					)}
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={isPending}>
							{journey ? t("common.save") : t("journey.create")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
