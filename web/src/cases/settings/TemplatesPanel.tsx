// Reply templates (DE/EN) with the variables they may use, e.g. `{{ customer.name | liebe Kundin }}`.
import { Badge, Button, Code, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unknownVariables } from "../../../../lib/cases/reply-template";
import type { CreateReplyTemplateInput, ReplyTemplateView } from "../../../../server/modules/cases/contract-loop";
import { api } from "../../api/client";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { useReplyTemplates } from "../cases-api";

type Draft = CreateReplyTemplateInput & { id?: string };
const EMPTY: Draft = { name: "", language: "de", subject: "", body: "" };

export function TemplatesPanel() {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const templates = useReplyTemplates();
	const [draft, setDraft] = useState<Draft | null>(null);
	const [deleting, setDeleting] = useState<ReplyTemplateView | null>(null);
	const onSaved = () => queryClient.invalidateQueries({ queryKey: ["case-reply-templates"] });
	const save = useMutation({
		mutationFn: ({ id, ...input }: Draft) =>
			id
				? api<ReplyTemplateView>("PATCH", `/cases/reply-templates/${id}`, input)
				: api<ReplyTemplateView>("POST", "/cases/reply-templates", input),
		onSuccess: () => {
			setDraft(null);
			onSaved();
		},
		onError: (error) => notify("error", t("cases.settings.saveFailed"), error.message),
	});
	const remove = useMutation({
		mutationFn: (id: string) => api<void>("DELETE", `/cases/reply-templates/${id}`),
		onSuccess: () => {
			setDeleting(null);
			onSaved();
		},
		onError: (error) => notify("error", t("cases.settings.saveFailed"), error.message),
	});

	if (templates.isPending) return <LoadingState />;
	if (templates.error) return <ErrorState error={templates.error} onRetry={() => templates.refetch()} />;
	const unknown = draft ? [...unknownVariables(draft.subject), ...unknownVariables(draft.body)] : [];

	return (
		<Stack gap="md" maw={860}>
			<Group justify="space-between">
				<Text size="sm" c="dimmed">
					{t("cases.settings.templates.intro")}
				</Text>
				<Button onClick={() => setDraft(EMPTY)}>{t("cases.settings.templates.add")}</Button>
			</Group>
			<Paper withBorder>
				{templates.data.items.length === 0 && (
					<Text size="sm" c="dimmed" p="sm">
						{t("cases.settings.templates.empty")}
					</Text>
				)}
				{templates.data.items.map((template, index) => (
					<Group
						key={template.id}
						justify="space-between"
						wrap="nowrap"
						p="sm"
						style={index > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
					>
						<Stack gap={2} style={{ minWidth: 0 }}>
							<Group gap="xs">
								<Text size="sm" fw={600}>
									{template.name}
								</Text>
								<Badge size="xs" variant="light">
									{template.language.toUpperCase()}
								</Badge>
							</Group>
							<Text size="xs" c="dimmed" truncate="end">
								{template.subject}
							</Text>
						</Stack>
						<Group gap="xs" wrap="nowrap">
							<Button size="xs" variant="default" onClick={() => setDraft({ ...template })}>
								{t("common.edit")}
							</Button>
							<Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(template)}>
								{t("common.delete")}
							</Button>
						</Group>
					</Group>
				))}
			</Paper>
			<Modal
				opened={draft !== null}
				onClose={() => setDraft(null)}
				title={draft?.id ? t("cases.settings.templates.edit") : t("cases.settings.templates.add")}
				size="lg"
			>
				{draft && (
					<form
						onSubmit={(event) => {
							event.preventDefault();
							save.mutate({
								id: draft.id,
								name: draft.name,
								language: draft.language,
								subject: draft.subject,
								body: draft.body,
							});
						}}
					>
						<Stack gap="sm">
							<Group grow>
								<TextInput
									label={t("cases.settings.templates.name")}
									value={draft.name}
									onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
									required
									maxLength={120}
								/>
								<Select
									label={t("language.label")}
									data={[
										{ value: "de", label: t("language.de") },
										{ value: "en", label: t("language.en") },
									]}
									value={draft.language}
									onChange={(language) => language && setDraft({ ...draft, language: language as Draft["language"] })}
									allowDeselect={false}
								/>
							</Group>
							<TextInput
								label={t("cases.composer.subject")}
								value={draft.subject}
								onChange={(event) => setDraft({ ...draft, subject: event.currentTarget.value })}
								required
								maxLength={300}
							/>
							<Textarea
								label={t("cases.settings.templates.body")}
								value={draft.body}
								onChange={(event) => setDraft({ ...draft, body: event.currentTarget.value })}
								required
								autosize
								minRows={8}
								maxLength={20_000}
								error={
									unknown.length > 0 ? t("cases.settings.templates.unknown", { names: unknown.join(", ") }) : undefined
								}
							/>
							<Stack gap={4}>
								<Text size="xs" c="dimmed">
									{t("cases.settings.templates.variables")}
								</Text>
								<Group gap={4}>
									{templates.data.variables.map((name) => (
										<Code key={name}>{`{{ ${name} }}`}</Code>
									))}
								</Group>
								<Text size="xs" c="dimmed">
									{t("cases.settings.templates.fallback", {
										example: `{{ customer.name | ${t("cases.settings.templates.fallbackName")} }}`,
									})}
								</Text>
							</Stack>
							<Group justify="flex-end">
								<Button variant="default" onClick={() => setDraft(null)}>
									{t("common.cancel")}
								</Button>
								<Button type="submit" loading={save.isPending} disabled={unknown.length > 0}>
									{t("common.save")}
								</Button>
							</Group>
						</Stack>
					</form>
				)}
			</Modal>
			<ConfirmDialog
				opened={deleting !== null}
				title={t("cases.settings.templates.deleteTitle")}
				message={t("cases.settings.templates.deleteMessage", { name: deleting?.name ?? "" })}
				confirmLabel={t("common.delete")}
				isPending={remove.isPending}
				onConfirm={() => deleting && remove.mutate(deleting.id)}
				onClose={() => setDeleting(null)}
			/>
		</Stack>
	);
}
