// The organization's list of root causes (DE/EN labels); archived ones stay on old cases but cannot be chosen.
import { Badge, Button, Group, Paper, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RootCauseView, UpdateRootCauseInput } from "../../../../server/modules/cases/contract";
import { api } from "../../api/client";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { useRootCauses } from "../cases-api";

export function RootCausesPanel() {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const rootCauses = useRootCauses();
	const [de, setDe] = useState("");
	const [en, setEn] = useState("");
	const onSaved = () => queryClient.invalidateQueries({ queryKey: ["case-root-causes"] });
	const create = useMutation({
		mutationFn: () => api<RootCauseView>("POST", "/cases/root-causes", { label: { de: de.trim(), en: en.trim() } }),
		onSuccess: () => {
			setDe("");
			setEn("");
			onSaved();
		},
		onError: (error) => notify("error", t("cases.settings.saveFailed"), error.message),
	});
	const update = useMutation({
		mutationFn: ({ id, input }: { id: string; input: UpdateRootCauseInput }) =>
			api<RootCauseView>("PATCH", `/cases/root-causes/${id}`, input),
		onSuccess: onSaved,
		onError: (error) => notify("error", t("cases.settings.saveFailed"), error.message),
	});

	if (rootCauses.isPending) return <LoadingState />;
	if (rootCauses.error) return <ErrorState error={rootCauses.error} onRetry={() => rootCauses.refetch()} />;
	return (
		<Stack gap="md" maw={760}>
			<Text size="sm" c="dimmed">
				{t("cases.settings.rootCauses.intro")}
			</Text>
			<Paper withBorder>
				{rootCauses.data.items.length === 0 && (
					<Text size="sm" c="dimmed" p="sm">
						{t("cases.settings.rootCauses.empty")}
					</Text>
				)}
				{rootCauses.data.items.map((cause, index) => (
					<Group
						key={cause.id}
						justify="space-between"
						p="sm"
						style={index > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
					>
						<Stack gap={0}>
							<Text size="sm" fw={600} c={cause.archived ? "dimmed" : undefined}>
								{cause.label.de}
							</Text>
							<Text size="xs" c="dimmed">
								{cause.label.en}
							</Text>
						</Stack>
						<Group gap="xs">
							{cause.archived && <Badge color="gray">{t("cases.settings.rootCauses.archived")}</Badge>}
							<Switch
								size="sm"
								label={t("cases.settings.rootCauses.active")}
								checked={!cause.archived}
								onChange={(event) => update.mutate({ id: cause.id, input: { archived: !event.currentTarget.checked } })}
							/>
						</Group>
					</Group>
				))}
			</Paper>
			<form
				onSubmit={(event) => {
					event.preventDefault();
					create.mutate();
				}}
			>
				<Group align="flex-end" gap="xs">
					<TextInput
						label={t("cases.settings.labelDe")}
						value={de}
						onChange={(e) => setDe(e.currentTarget.value)}
						maxLength={120}
					/>
					<TextInput
						label={t("cases.settings.labelEn")}
						value={en}
						onChange={(e) => setEn(e.currentTarget.value)}
						maxLength={120}
					/>
					<Button type="submit" disabled={!de.trim() || !en.trim()} loading={create.isPending}>
						{t("cases.settings.rootCauses.add")}
					</Button>
				</Group>
			</form>
		</Stack>
	);
}
