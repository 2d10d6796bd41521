// Create a survey from a template or blank: touchpoint, name, kind and audience, languages; then open the builder.
import { Badge, Button, Card, Chip, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
	AUDIENCES,
	type Audience,
	CreateSurveyInput,
	SURVEY_KINDS,
	SURVEY_LANGUAGES,
	type SurveyDetailView,
	type SurveyKind,
	type SurveyLanguage,
	type TemplateKey,
} from "../../../../server/modules/surveys/contract";
import { api } from "../../api/client";
import { useForm } from "../../forms/use-form";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { surveysKey, touchpointOptions, useTemplates, useTouchpointCatalog } from "../feedback-api";
import { firstQuestionOf } from "./survey-draft";

export function NewSurveyModal({ onClose }: { onClose: () => void }) {
	const { t, i18n } = useTranslation();
	const navigate = useNavigate();
	const queryClient = useQueryClient();
	const templates = useTemplates();
	const catalog = useTouchpointCatalog();
	const lang = i18n.language === "en" ? "en" : "de";
	const form = useForm({
		template: "blank" as TemplateKey | "blank",
		touchpointId: "",
		name: "",
		kind: "nps" as SurveyKind,
		audience: "customer" as Audience,
		languages: ["de", "en"] as SurveyLanguage[],
	});
	const [step, setStep] = useState<"choose" | "details">("choose");
	const template = templates.data?.items.find((candidate) => candidate.key === form.values.template);
	const create = useMutation({
		mutationFn: (input: CreateSurveyInput) => api<SurveyDetailView>("POST", "/surveys", input),
		onSuccess: async (survey) => {
			await queryClient.invalidateQueries({ queryKey: surveysKey });
			onClose();
			await navigate({ to: "/feedback/surveys/$surveyId", params: { surveyId: survey.id } });
		},
		onError: (error) => form.showApiError(error),
	});

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const v = form.values;
		const name = v.name.trim();
		const candidate = template
			? {
					template: template.key,
					touchpointId: v.touchpointId,
					languages: v.languages,
					...(name ? { name } : {}),
				}
			: {
					touchpointId: v.touchpointId,
					name,
					kind: v.kind,
					audience: v.audience,
					languages: v.languages,
					content: {
						title: Object.fromEntries(v.languages.map((language) => [language, name || "—"])),
						questions: [firstQuestionOf(v.kind, v.languages)],
					},
				};
		const input = form.validate(CreateSurveyInput, candidate);
		if (input) create.mutate(input);
	};

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("feedback.surveys.createTitle")}
			size={step === "choose" ? "xl" : "lg"}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			{step === "choose" ? (
				templates.isPending ? (
					<LoadingState />
				) : templates.isError ? (
					<ErrorState error={templates.error} onRetry={() => templates.refetch()} />
				) : (
					<Stack gap="md">
						<Text size="sm" c="dimmed">
							{t("feedback.surveys.chooseTemplate")}
						</Text>
						<SimpleGrid
							cols={{ base: 1, xs: 2, md: 3 }}
							spacing="sm"
							role="radiogroup"
							aria-label={t("feedback.surveys.template")}
						>
							{[...templates.data.items.map((item) => item.key), "blank" as const].map((key) => {
								const item = templates.data.items.find((candidate) => candidate.key === key);
								const isSelected = form.values.template === key;
								return (
									<Card
										key={key}
										component="button"
										type="button"
										role="radio"
										aria-checked={isSelected}
										className="loupe-template-card"
										data-selected={isSelected || undefined}
										onClick={() => {
											form.set("template", key);
											if (item) form.set("languages", item.languages);
										}}
										onDoubleClick={() => setStep("details")}
										padding="sm"
										style={{ textAlign: "left" }}
										data-testid="template-card"
									>
										<Group gap={6} mb={4}>
											<Badge size="xs" variant="light">
												{item ? t(`feedback.kind.${item.kind}`) : t("feedback.surveys.blank")}
											</Badge>
											{item?.audience === "employee" && (
												<Badge size="xs" variant="light" color="grape">
													{t("feedback.audience.employee")}
												</Badge>
											)}
										</Group>
										<Text fw={600} size="sm">
											{item ? item.name[lang] : t("feedback.surveys.blankTitle")}
										</Text>
										<Text size="xs" c="dimmed" mt={2}>
											{item ? item.description[lang] : t("feedback.surveys.blankDescription")}
										</Text>
										{item && (
											<Text size="xs" c="dimmed" mt={6}>
												{t("feedback.surveys.questionCount", { count: item.content.questions.length })}
											</Text>
										)}
									</Card>
								);
							})}
						</SimpleGrid>
						<Group justify="flex-end">
							<Button variant="default" onClick={onClose}>
								{t("common.cancel")}
							</Button>
							<Button onClick={() => setStep("details")}>{t("feedback.surveys.next")}</Button>
						</Group>
					</Stack>
				)
			) : (
				<form onSubmit={submit} noValidate>
					<Stack gap="md">
						<Text size="sm">
							{template
								? t("feedback.surveys.fromTemplate", { name: template.name[lang] })
								: t("feedback.surveys.fromBlank")}
						</Text>
						<Select
							label={t("feedback.surveys.touchpoint")}
							description={t("feedback.surveys.touchpointHint")}
							required
							searchable
							data-autofocus
							data={touchpointOptions(catalog.touchpoints, catalog.isMultiJourney)}
							value={form.values.touchpointId || null}
							onChange={(value) => form.set("touchpointId", value ?? "")}
							error={form.errors.touchpointId}
							comboboxProps={{ withinPortal: true }}
						/>
						<TextInput
							label={t("feedback.surveys.name")}
							description={template ? t("feedback.surveys.nameFromTemplate") : undefined}
							required={!template}
							maxLength={120}
							value={form.values.name}
							onChange={(event) => form.set("name", event.currentTarget.value)}
							error={form.errors.name}
						/>
						{!template && (
							<Group grow align="flex-start" wrap="wrap">
								<Select
									label={t("feedback.surveys.kind")}
									allowDeselect={false}
									data={SURVEY_KINDS.map((kind) => ({ value: kind, label: t(`feedback.kind.${kind}`) }))}
									value={form.values.kind}
									onChange={(value) => value && form.set("kind", value as SurveyKind)}
								/>
								<Select
									label={t("feedback.surveys.audience")}
									allowDeselect={false}
									data={AUDIENCES.map((audience) => ({ value: audience, label: t(`feedback.audience.${audience}`) }))}
									value={form.values.audience}
									onChange={(value) => value && form.set("audience", value as Audience)}
								/>
							</Group>
						)}
						<div>
							<Text size="sm" fw={500} mb={6}>
								{t("feedback.surveys.languages")}
							</Text>
							<Chip.Group
								multiple
								value={form.values.languages}
								onChange={(values) =>
									values.length > 0 &&
									form.set(
										"languages",
										SURVEY_LANGUAGES.filter((language) => values.includes(language)),
									)
								}
							>
								<Group gap="xs">
									{SURVEY_LANGUAGES.map((language) => (
										<Chip key={language} value={language}>
											{t(`language.${language}`)}
										</Chip>
									))}
								</Group>
							</Chip.Group>
						</div>
						<Group justify="space-between">
							<Button variant="subtle" onClick={() => setStep("choose")}>
								{t("feedback.surveys.back")}
							</Button>
							<Group gap="xs">
								<Button variant="default" onClick={onClose}>
									{t("common.cancel")}
								</Button>
								<Button type="submit" loading={create.isPending}>
									{t("feedback.surveys.create")}
								</Button>
							</Group>
						</Group>
					</Stack>
				</form>
			)}
		</Modal>
	);
}
