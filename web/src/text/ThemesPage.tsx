// Themes: the weekly trend (when available) and the taxonomy editor with labels, keyword chips, on/off and delete.
import { ActionIcon, Badge, Button, Group, Paper, Switch, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import type { ThemeView } from "../../../server/modules/text/contract";
import { api } from "../api/client";
import { meQuery } from "../api/session";
import { notifyError } from "../forms/notify-error";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { IconPencil, IconPlus, IconTrash } from "../ui/icons";
import { notify } from "../ui/notifications";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { ThemeFormModal } from "./ThemeFormModal";
import { ThemeTrendPanel } from "./ThemeTrendPanel";
import { themesKey, useThemes } from "./text-api";

const SHOWN_KEYWORDS = 6;

export function ThemesPage() {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const navigate = useNavigate();
	const { newTheme } = useSearch({ from: "/app/topics/themes" });
	const { data: me } = useQuery(meQuery);
	const themes = useThemes();
	const [editing, setEditing] = useState<ThemeView | "new" | null>(newTheme ? "new" : null);
	const [deleting, setDeleting] = useState<ThemeView | null>(null);
	const [filter, setFilter] = useState("");
	const canManage = Boolean(me && hasPermission(me.role, "text.manage"));
	const lang = i18n.language === "en" ? "en" : "de";

	const toggle = useMutation({
		mutationFn: (theme: ThemeView) =>
			api<ThemeView>("PATCH", `/text/themes/${theme.id}`, { isActive: !theme.isActive }),
		onSuccess: (saved) =>
			notify(
				"success",
				saved.isActive
					? t("text.themes.activated", { name: saved.label[lang] })
					: t("text.themes.deactivated", { name: saved.label[lang] }),
			),
		onError: (error) => notifyError(error, t),
		onSettled: () => queryClient.invalidateQueries({ queryKey: themesKey }),
	});
	const remove = useMutation({
		mutationFn: (theme: ThemeView) => api<void>("DELETE", `/text/themes/${theme.id}`),
		onSuccess: () => {
			notify("success", t("text.themes.deleted"));
			setDeleting(null);
		},
		onError: (error) => notifyError(error, t),
		onSettled: () => queryClient.invalidateQueries({ queryKey: themesKey }),
	});

	const closeForm = () => {
		setEditing(null);
		if (newTheme) void navigate({ to: "/topics/themes", search: {}, replace: true });
	};

	if (themes.isPending) return <LoadingState />;
	if (themes.isError) return <ErrorState error={themes.error} onRetry={() => themes.refetch()} />;
	const needle = filter.trim().toLowerCase();
	const list = themes.data.items.filter(
		(theme) =>
			!needle ||
			theme.key.includes(needle) ||
			theme.label.de.toLowerCase().includes(needle) ||
			theme.label.en.toLowerCase().includes(needle) ||
			[...theme.keywords.de, ...theme.keywords.en].some((keyword) => keyword.toLowerCase().includes(needle)),
	);

	return (
		<>
			<ThemeTrendPanel />
			<Group justify="space-between" mb="md" gap="xs">
				<TextInput
					type="search"
					aria-label={t("text.themes.search")}
					placeholder={t("text.themes.search")}
					value={filter}
					onChange={(event) => setFilter(event.currentTarget.value)}
					w={280}
					maw="100%"
				/>
				{canManage && (
					<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
						{t("text.themes.create")}
					</Button>
				)}
			</Group>
			<Text size="sm" c="dimmed" mb="sm" maw={720}>
				{t("text.themes.intro", { count: themes.data.items.length })}
			</Text>
			<Paper withBorder>
				<Table.ScrollContainer minWidth={680}>
					<Table verticalSpacing="sm">
						<Table.Thead>
							<Table.Tr>
								<Table.Th w="24%">{t("text.themes.theme")}</Table.Th>
								<Table.Th>{t("text.themes.keywords")}</Table.Th>
								<Table.Th w={110}>{t("text.themes.active")}</Table.Th>
								{canManage && <Table.Th w={90}>{t("common.actions")}</Table.Th>}
							</Table.Tr>
						</Table.Thead>
						<Table.Tbody>
							{list.map((theme) => {
								const keywords = [...theme.keywords[lang], ...theme.keywords[lang === "de" ? "en" : "de"]];
								const unique = [...new Set(keywords)];
								return (
									<Table.Tr
										key={theme.id}
										style={theme.isActive ? undefined : { opacity: 0.6 }}
										data-testid="theme-row"
									>
										<Table.Td>
											<Text fw={600} size="sm">
												{theme.label[lang]}
											</Text>
											<Text size="xs" c="dimmed">
												{theme.label[lang === "de" ? "en" : "de"]} · <code>{theme.key}</code>
											</Text>
										</Table.Td>
										<Table.Td>
											<Group gap={4}>
												{unique.slice(0, SHOWN_KEYWORDS).map((keyword) => (
													<Badge key={keyword} size="sm" variant="default" tt="none" fw={500}>
														{keyword}
													</Badge>
												))}
												{unique.length > SHOWN_KEYWORDS && (
													<Tooltip label={unique.slice(SHOWN_KEYWORDS).join(", ")} multiline maw={320} withArrow>
														<Badge size="sm" variant="light" color="gray" tt="none">
															{t("text.themes.more", { count: unique.length - SHOWN_KEYWORDS })}
														</Badge>
													</Tooltip>
												)}
											</Group>
										</Table.Td>
										<Table.Td>
											<Switch
												checked={theme.isActive}
												disabled={!canManage || toggle.isPending}
												onChange={() => toggle.mutate(theme)}
												aria-label={t("text.themes.toggle", { name: theme.label[lang] })}
											/>
										</Table.Td>
										{canManage && (
											<Table.Td>
												<Group gap={2} wrap="nowrap">
													<ActionIcon
														variant="subtle"
														color="gray"
														aria-label={t("text.themes.editNamed", { name: theme.label[lang] })}
														onClick={() => setEditing(theme)}
													>
														<IconPencil size={16} />
													</ActionIcon>
													<ActionIcon
														variant="subtle"
														color="red"
														aria-label={t("text.themes.deleteNamed", { name: theme.label[lang] })}
														onClick={() => setDeleting(theme)}
													>
														<IconTrash size={16} />
													</ActionIcon>
												</Group>
											</Table.Td>
										)}
									</Table.Tr>
								);
							})}
						</Table.Tbody>
					</Table>
				</Table.ScrollContainer>
			</Paper>
			{editing && (
				<ThemeFormModal
					theme={editing === "new" ? undefined : editing}
					seed={editing === "new" ? newTheme : undefined}
					onClose={closeForm}
				/>
			)}
			<ConfirmDialog
				opened={deleting !== null}
				title={t("text.themes.deleteTitle")}
				message={t("text.themes.deleteMessage", { name: deleting?.label[lang] ?? "" })}
				confirmLabel={t("common.delete")}
				isPending={remove.isPending}
				onConfirm={() => deleting && remove.mutate(deleting)}
				onClose={() => setDeleting(null)}
			/>
		</>
	);
}
