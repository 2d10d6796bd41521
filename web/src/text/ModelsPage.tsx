// Models & settings: re-analysis, retraining the sentiment model from corrections (before/after scores), PII redaction.
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import type { ModelView } from "../../../server/modules/text/contract";
import { api } from "../api/client";
import { meQuery } from "../api/session";
import { formatDateTime } from "../feedback/feedback-api";
import { notifyError } from "../forms/notify-error";
import { notify } from "../ui/notifications";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { ReanalysisPanel } from "./ReanalysisPanel";
import { modelsKey, textSettingsKey, useModels, useTextSettings } from "./text-api";

const STATUS_COLORS: Record<ModelView["status"], string> = {
	training: "blue",
	active: "teal",
	rejected: "orange",
	retired: "gray",
	failed: "red",
};

export function ModelsPage() {
	const { t } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const canManage = Boolean(me && hasPermission(me.role, "text.manage"));
	return (
		<Stack gap="lg">
			<ReanalysisPanel canManage={canManage} />
			<ModelsPanel canManage={canManage} />
			<PrivacyPanel canManage={canManage} />
			{!canManage && (
				<Text size="sm" c="dimmed">
					{t("text.models.readOnly")}
				</Text>
			)}
		</Stack>
	);
}

function Score({ before, after }: { before: number; after: number }) {
	const { i18n } = useTranslation();
	const delta = after - before;
	const pct = (value: number) => `${(value * 100).toLocaleString(i18n.language, { maximumFractionDigits: 1 })} %`;
	return (
		<Text size="sm" style={{ whiteSpace: "nowrap" }}>
			{pct(before)} → <b>{pct(after)}</b>{" "}
			<Text span size="xs" c={delta > 0 ? "teal.8" : delta < 0 ? "red.8" : "dimmed"}>
				({delta >= 0 ? "+" : ""}
				{(delta * 100).toLocaleString(i18n.language, { maximumFractionDigits: 1 })})
			</Text>
		</Text>
	);
}

function ModelsPanel({ canManage }: { canManage: boolean }) {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const [language, setLanguage] = useState<"de" | "en">(i18n.language === "en" ? "en" : "de");
	const models = useModels();
	const training = (models.data?.items ?? []).some((model) => model.status === "training");
	const train = useMutation({
		mutationFn: () => api<ModelView>("POST", "/text/models/train", { language }),
		onSuccess: () => notify("success", t("text.models.started")),
		onError: (error) => notifyError(error, t),
		onSettled: () => queryClient.invalidateQueries({ queryKey: modelsKey }),
	});

	return (
		<Paper withBorder p="md">
			<Group justify="space-between" mb="sm" gap="xs" align="flex-start">
				<div>
					<Title order={2} size="h5">
						{t("text.models.title")}
					</Title>
					<Text size="sm" c="dimmed" maw={600}>
						{t("text.models.intro")}
					</Text>
				</div>
				{canManage && (
					<Group gap="xs">
						<SegmentedControl
							size="xs"
							value={language}
							onChange={(value) => setLanguage(value as "de" | "en")}
							aria-label={t("text.models.language")}
							data={[
								{ value: "de", label: "DE" },
								{ value: "en", label: "EN" },
							]}
						/>
						<Button onClick={() => train.mutate()} loading={train.isPending} disabled={training}>
							{t("text.models.train")}
						</Button>
					</Group>
				)}
			</Group>
			{models.isPending ? (
				<LoadingState />
			) : models.isError ? (
				<ErrorState error={models.error} onRetry={() => models.refetch()} />
			) : models.data.items.length === 0 ? (
				<Text size="sm" c="dimmed">
					{t("text.models.none")}
				</Text>
			) : (
				<Table.ScrollContainer minWidth={720}>
					<Table verticalSpacing="sm">
						<Table.Thead>
							<Table.Tr>
								<Table.Th>{t("text.models.created")}</Table.Th>
								<Table.Th>{t("text.models.language")}</Table.Th>
								<Table.Th>{t("text.models.status")}</Table.Th>
								<Table.Th ta="right">{t("text.models.examples")}</Table.Th>
								<Table.Th>{t("text.models.accuracy")}</Table.Th>
								<Table.Th>{t("text.models.macroF1")}</Table.Th>
							</Table.Tr>
						</Table.Thead>
						<Table.Tbody>
							{models.data.items.map((model) => (
								<Table.Tr key={model.id}>
									<Table.Td>{formatDateTime(model.createdAt, i18n.language)}</Table.Td>
									<Table.Td>{model.language.toUpperCase()}</Table.Td>
									<Table.Td>
										<Badge color={STATUS_COLORS[model.status]} variant="light">
											{t(`text.models.statuses.${model.status}`)}
										</Badge>
										{model.error && (
											<Text size="xs" c="dimmed" mt={2} maw={260}>
												{model.error}
											</Text>
										)}
									</Table.Td>
									<Table.Td ta="right">
										{model.examples}
										{model.metrics && (
											<Text size="xs" c="dimmed">
												{t("text.models.heldOut", { count: model.metrics.heldOut })}
											</Text>
										)}
									</Table.Td>
									<Table.Td>
										{model.metrics ? (
											<Score before={model.metrics.before.accuracy} after={model.metrics.after.accuracy} />
										) : (
											"—"
										)}
									</Table.Td>
									<Table.Td>
										{model.metrics ? (
											<Score before={model.metrics.before.macroF1} after={model.metrics.after.macroF1} />
										) : (
											"—"
										)}
									</Table.Td>
								</Table.Tr>
							))}
						</Table.Tbody>
					</Table>
				</Table.ScrollContainer>
			)}
		</Paper>
	);
}

function PrivacyPanel({ canManage }: { canManage: boolean }) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const settings = useTextSettings();
	const save = useMutation({
		mutationFn: (redactPii: boolean) => api<{ redactPii: boolean }>("PUT", "/text/settings", { redactPii }),
		onSuccess: (saved) => {
			queryClient.setQueryData(textSettingsKey, saved);
			notify("success", saved.redactPii ? t("text.privacy.on") : t("text.privacy.off"));
		},
		onError: (error) => notifyError(error, t),
	});
	return (
		<Paper withBorder p="md">
			<Title order={2} size="h5" mb="xs">
				{t("text.privacy.title")}
			</Title>
			{settings.isPending ? (
				<LoadingState />
			) : settings.isError ? (
				<ErrorState error={settings.error} onRetry={() => settings.refetch()} />
			) : (
				<Switch
					label={t("text.privacy.redact")}
					description={t("text.privacy.hint")}
					checked={save.isPending ? Boolean(save.variables) : settings.data.redactPii}
					disabled={!canManage || save.isPending}
					onChange={(event) => save.mutate(event.currentTarget.checked)}
				/>
			)}
		</Paper>
	);
}
