// Create an email campaign: survey, contact list, subject and introduction per language, optional reminder.
import {
	Button,
	Group,
	Modal,
	NumberInput,
	Select,
	SimpleGrid,
	Stack,
	Switch,
	Textarea,
	TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CreateEmailCampaignInput, type EmailCampaignView } from "../../../../server/modules/outreach/contract";
import { api } from "../../api/client";
import { useForm } from "../../forms/use-form";
import { notify } from "../../ui/notifications";
import { useSurveys } from "../feedback-api";
import { campaignsKey, useContactLists } from "./outreach-api";

const localized = (de: string, en: string) => ({
	...(de.trim() ? { de: de.trim() } : {}),
	...(en.trim() ? { en: en.trim() } : {}),
});

export function CampaignModal({ surveyId, onClose }: { surveyId?: string; onClose: () => void }) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const surveys = useSurveys();
	const lists = useContactLists();
	const form = useForm({
		name: "",
		surveyId: surveyId ?? "",
		contactListId: "",
		subjectDe: "Ihre Meinung ist uns wichtig",
		subjectEn: "We value your opinion",
		introDe: "",
		introEn: "",
		hasReminder: true,
		reminderAfterDays: 3,
	});
	const create = useMutation({
		mutationFn: (input: CreateEmailCampaignInput) => api<EmailCampaignView>("POST", "/email-campaigns", input),
		onSuccess: async (campaign) => {
			await queryClient.invalidateQueries({ queryKey: campaignsKey });
			notify("success", t("feedback.campaigns.created", { name: campaign.name }));
			onClose();
		},
		onError: (error) => form.showApiError(error),
	});

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const v = form.values;
		const input = form.validate(CreateEmailCampaignInput, {
			...(v.name.trim() ? { name: v.name.trim() } : {}),
			surveyId: v.surveyId,
			contactListId: v.contactListId,
			subject: localized(v.subjectDe, v.subjectEn),
			intro: localized(v.introDe, v.introEn),
			reminderAfterDays: v.hasReminder ? v.reminderAfterDays : null,
		});
		if (input) create.mutate(input);
	};
	const liveSurveys = (surveys.data?.items ?? []).filter((survey) => survey.status === "live");

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("feedback.campaigns.createTitle")}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
						<Select
							label={t("feedback.campaigns.survey")}
							description={t("feedback.campaigns.surveyHint")}
							required
							searchable
							data={liveSurveys.map((survey) => ({ value: survey.id, label: survey.name }))}
							value={form.values.surveyId || null}
							onChange={(value) => form.set("surveyId", value ?? "")}
							error={form.errors.surveyId}
							nothingFoundMessage={t("feedback.campaigns.noLiveSurvey")}
						/>
						<Select
							label={t("feedback.campaigns.list")}
							required
							data={(lists.data?.items ?? []).map((list) => ({
								value: list.id,
								label: t("feedback.campaigns.listOption", { name: list.name, count: list.memberCount }),
							}))}
							value={form.values.contactListId || null}
							onChange={(value) => form.set("contactListId", value ?? "")}
							error={form.errors.contactListId}
						/>
					</SimpleGrid>
					<TextInput
						label={t("feedback.campaigns.name")}
						description={t("feedback.campaigns.nameHint")}
						maxLength={120}
						value={form.values.name}
						onChange={(event) => form.set("name", event.currentTarget.value)}
						error={form.errors.name}
					/>
					<SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
						<TextInput
							label={t("feedback.campaigns.subjectDe")}
							maxLength={200}
							value={form.values.subjectDe}
							onChange={(event) => form.set("subjectDe", event.currentTarget.value)}
							error={form.errors.subject ?? form.errors["subject.de"]}
						/>
						<TextInput
							label={t("feedback.campaigns.subjectEn")}
							maxLength={200}
							value={form.values.subjectEn}
							onChange={(event) => form.set("subjectEn", event.currentTarget.value)}
							error={form.errors["subject.en"]}
						/>
						<Textarea
							label={t("feedback.campaigns.introDe")}
							autosize
							minRows={3}
							maxLength={2000}
							value={form.values.introDe}
							onChange={(event) => form.set("introDe", event.currentTarget.value)}
							error={form.errors.intro ?? form.errors["intro.de"]}
						/>
						<Textarea
							label={t("feedback.campaigns.introEn")}
							autosize
							minRows={3}
							maxLength={2000}
							value={form.values.introEn}
							onChange={(event) => form.set("introEn", event.currentTarget.value)}
							error={form.errors["intro.en"]}
						/>
					</SimpleGrid>
					<Group align="flex-end" gap="md">
						<Switch
							label={t("feedback.campaigns.reminder")}
							checked={form.values.hasReminder}
							onChange={(event) => form.set("hasReminder", event.currentTarget.checked)}
							mb={8}
						/>
						{form.values.hasReminder && (
							<NumberInput
								label={t("feedback.campaigns.reminderDays")}
								min={1}
								max={30}
								value={form.values.reminderAfterDays}
								onChange={(value) => form.set("reminderAfterDays", typeof value === "number" ? value : 3)}
								error={form.errors.reminderAfterDays}
								w={200}
							/>
						)}
					</Group>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={create.isPending}>
							{t("feedback.campaigns.send")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
