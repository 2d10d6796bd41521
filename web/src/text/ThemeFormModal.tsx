// Create or edit a theme of the taxonomy: key, German and English label, keywords per language.
import { Button, Group, Modal, SimpleGrid, Stack, TagsInput, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CreateThemeInput, type ThemeView, UpdateThemeInput } from "../../../server/modules/text/contract";
import { api } from "../api/client";
import { useForm } from "../forms/use-form";
import { notify } from "../ui/notifications";
import { themesKey } from "./text-api";

type Props = {
	theme?: ThemeView;
	/** A term to start a new theme from (emerging topics → "make theme"). */
	seed?: string;
	onClose: () => void;
};

const keyFrom = (term: string) =>
	term
		.toLowerCase()
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.replace(/ß/g, "ss")
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 40);

export function ThemeFormModal({ theme, seed, onClose }: Props) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const label = seed ? seed.charAt(0).toUpperCase() + seed.slice(1) : "";
	const form = useForm({
		key: theme?.key ?? (seed ? keyFrom(seed) : ""),
		labelDe: theme?.label.de ?? label,
		labelEn: theme?.label.en ?? label,
		keywordsDe: theme?.keywords.de ?? (seed ? [seed] : []),
		keywordsEn: theme?.keywords.en ?? (seed ? [seed] : []),
	});
	const save = useMutation({
		mutationFn: (input: CreateThemeInput | UpdateThemeInput) =>
			theme
				? api<ThemeView>("PATCH", `/text/themes/${theme.id}`, input)
				: api<ThemeView>("POST", "/text/themes", input),
		onSuccess: async (saved) => {
			await queryClient.invalidateQueries({ queryKey: themesKey });
			notify("success", theme ? t("text.themes.saved") : t("text.themes.created", { name: saved.label.de }));
			onClose();
		},
		onError: (error) => form.showApiError(error),
	});

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const v = form.values;
		const body = {
			label: { de: v.labelDe, en: v.labelEn },
			keywords: { de: v.keywordsDe, en: v.keywordsEn },
		};
		const input = theme
			? form.validate(UpdateThemeInput, body)
			: form.validate(CreateThemeInput, { key: v.key, ...body });
		if (input) save.mutate(input);
	};
	const keywordError = (language: "de" | "en") =>
		Object.entries(form.errors).find(([key]) => key.startsWith(`keywords.${language}`))?.[1] ??
		(language === "de" ? form.errors.keywords : undefined);

	return (
		<Modal
			opened
			onClose={onClose}
			title={theme ? t("text.themes.editTitle") : t("text.themes.createTitle")}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<TextInput
						label={t("text.themes.key")}
						description={t("text.themes.keyHint")}
						required
						disabled={Boolean(theme)}
						maxLength={40}
						value={form.values.key}
						onChange={(event) => form.set("key", event.currentTarget.value)}
						error={form.errors.key}
						data-autofocus={!theme || undefined}
					/>
					<SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
						<TextInput
							label={t("text.themes.labelDe")}
							required
							maxLength={80}
							value={form.values.labelDe}
							onChange={(event) => form.set("labelDe", event.currentTarget.value)}
							error={form.errors["label.de"]}
						/>
						<TextInput
							label={t("text.themes.labelEn")}
							required
							maxLength={80}
							value={form.values.labelEn}
							onChange={(event) => form.set("labelEn", event.currentTarget.value)}
							error={form.errors["label.en"]}
						/>
					</SimpleGrid>
					<TagsInput
						label={t("text.themes.keywordsDe")}
						description={t("text.themes.keywordsHint")}
						value={form.values.keywordsDe}
						onChange={(values) => form.set("keywordsDe", values)}
						error={keywordError("de")}
						maxTags={100}
						clearable
					/>
					<TagsInput
						label={t("text.themes.keywordsEn")}
						value={form.values.keywordsEn}
						onChange={(values) => form.set("keywordsEn", values)}
						error={keywordError("en")}
						maxTags={100}
						clearable
					/>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={save.isPending}>
							{theme ? t("common.save") : t("text.themes.create")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
