// Writing on a case: a reply to the customer by email (from a template, variables filled, in the customer's
// language), an internal note, or a public note for anonymous feedback where it was published.
import { Alert, Button, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ReplyValues, renderReplyTemplate } from "../../../../lib/cases/reply-template";
import type { CaseDetailView } from "../../../../server/modules/cases/contract";
import type { PublicNoteView, ThreadMessageView } from "../../../../server/modules/cases/contract-loop";
import { api } from "../../api/client";
import { meQuery } from "../../api/session";
import { notify } from "../../ui/notifications";
import { useRefreshCases, useReplyTemplates } from "../cases-api";

export type ComposerMode = "reply" | "note" | "public";

type Props = { detail: CaseDetailView; focusNonce: number };

export function CaseComposer({ detail, focusNonce }: Props) {
	const { t } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const templates = useReplyTemplates();
	const refresh = useRefreshCases();
	const canEmail = Boolean(detail.customerEmail);
	const [mode, setMode] = useState<ComposerMode>(canEmail ? "reply" : "note");
	const [templateId, setTemplateId] = useState<string | null>(null);
	const [subject, setSubject] = useState("");
	const [body, setBody] = useState("");
	const bodyRef = useRef<HTMLTextAreaElement>(null);

	useEffect(() => {
		if (focusNonce === 0) return;
		setMode(canEmail ? "reply" : "note");
		bodyRef.current?.focus();
	}, [focusNonce, canEmail]);

	const values: ReplyValues = {
		"customer.name": detail.customerName,
		"customer.email": detail.customerEmail,
		"case.number": String(detail.number),
		"case.subject": detail.subject,
		"touchpoint.name": detail.touchpointName,
		"agent.name": me?.user?.name ?? null,
		"organization.name": me?.organization.name ?? null,
	};
	const items = templates.data?.items ?? [];
	const templateOptions = (["de", "en"] as const)
		.map((language) => ({
			group: t(`language.${language}`),
			items: items
				.filter((template) => template.language === language)
				.map((template) => ({ value: template.id, label: template.name })),
		}))
		.filter((group) => group.items.length > 0)
		.sort((a, b) =>
			a.group === t(`language.${detail.language}`) ? -1 : b.group === t(`language.${detail.language}`) ? 1 : 0,
		);

	const pickTemplate = (id: string | null) => {
		setTemplateId(id);
		const template = items.find((candidate) => candidate.id === id);
		if (!template) return;
		setSubject(renderReplyTemplate(template.subject, values));
		setBody(renderReplyTemplate(template.body, values));
	};

	const send = useMutation({
		mutationFn: () => {
			if (mode === "note") return api<unknown>("POST", `/cases/${detail.id}/notes`, { body });
			if (mode === "public") return api<PublicNoteView>("POST", `/cases/${detail.id}/public-note`, { body });
			return api<ThreadMessageView>("POST", `/cases/${detail.id}/messages`, {
				body,
				...(subject.trim() ? { subject: subject.trim() } : {}),
			});
		},
		onSuccess: () => {
			notify("success", t(`cases.composer.sent.${mode}`));
			setBody("");
			setSubject("");
			setTemplateId(null);
			refresh(detail.id);
		},
		onError: (error) => notify("error", t("cases.composer.failed"), error.message),
	});

	return (
		<Stack gap="xs" data-testid="case-composer">
			<SegmentedControl
				size="xs"
				value={mode}
				onChange={(value) => setMode(value as ComposerMode)}
				data={[
					{ value: "reply", label: t("cases.composer.mode.reply"), disabled: !canEmail },
					{ value: "note", label: t("cases.composer.mode.note") },
					{ value: "public", label: t("cases.composer.mode.public"), disabled: detail.source !== "mention" },
				]}
				style={{ alignSelf: "flex-start" }}
			/>
			{mode === "reply" && (
				<>
					<Group gap="xs" grow>
						<Select
							size="xs"
							label={t("cases.composer.template")}
							placeholder={t("cases.composer.noTemplate")}
							data={templateOptions}
							value={templateId}
							onChange={pickTemplate}
							clearable
							searchable
						/>
						<TextInput
							size="xs"
							label={t("cases.composer.subject")}
							value={subject}
							onChange={(event) => setSubject(event.currentTarget.value)}
							maxLength={300}
						/>
					</Group>
					<TextInput size="xs" label={t("cases.composer.to")} value={detail.customerEmail ?? ""} readOnly />
				</>
			)}
			{mode === "public" && (
				<Alert variant="light" color="teal" py={6}>
					{t("cases.composer.publicHint")}
				</Alert>
			)}
			{!canEmail && mode !== "public" && (
				<Alert variant="light" color="gray" py={6}>
					{t("cases.composer.noEmail")}
				</Alert>
			)}
			<Textarea
				ref={bodyRef}
				aria-label={t(`cases.composer.bodyLabel.${mode}`)}
				placeholder={t(`cases.composer.placeholder.${mode}`)}
				value={body}
				onChange={(event) => setBody(event.currentTarget.value)}
				autosize
				minRows={4}
				maxRows={14}
				maxLength={mode === "public" ? 5_000 : 20_000}
				styles={mode === "note" ? { input: { background: "var(--mantine-color-yellow-0)" } } : undefined}
				data-testid="composer-body"
			/>
			<Group justify="flex-end">
				<Button
					size="xs"
					color={mode === "note" ? "yellow" : undefined}
					disabled={!body.trim()}
					loading={send.isPending}
					onClick={() => send.mutate()}
				>
					{t(`cases.composer.submit.${mode}`)}
				</Button>
			</Group>
		</Stack>
	);
}
