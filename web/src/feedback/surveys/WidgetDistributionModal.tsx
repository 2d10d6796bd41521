// Sets up the website widget for a survey: site, pages (URL patterns), when to show it, sampling and fatigue.
import {
	Button,
	Group,
	Modal,
	NumberInput,
	SegmentedControl,
	Select,
	SimpleGrid,
	Stack,
	Switch,
	TagsInput,
	Text,
	TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CreateDistributionInput, type DistributionView } from "../../../../server/modules/surveys/contract";
import { api } from "../../api/client";
import { useForm } from "../../forms/use-form";
import { notify } from "../../ui/notifications";
import { distributionsKey, useSites } from "../feedback-api";

type Props = { surveyId: string; onClose: () => void };

export function WidgetDistributionModal({ surveyId, onClose }: Props) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	const sites = useSites();
	const form = useForm({
		name: "",
		siteId: "",
		urlPatterns: [] as string[],
		timeOnPageSeconds: 0,
		scrollDepthPercent: 0,
		exitIntent: false,
		customEvent: "",
		samplingPercent: 100,
		fatigueDays: 30,
		position: "bottom-right" as "bottom-right" | "bottom-left" | "center",
	});
	const siteId = form.values.siteId || sites.data?.items[0]?.id || "";
	const create = useMutation({
		mutationFn: (input: CreateDistributionInput) =>
			api<DistributionView>("POST", `/surveys/${surveyId}/distributions`, input),
		onSuccess: async () => {
			await queryClient.invalidateQueries({ queryKey: distributionsKey(surveyId) });
			notify("success", t("feedback.distribution.widgetCreated"));
			onClose();
		},
		onError: (error) => form.showApiError(error),
	});

	const submit = (event: React.FormEvent) => {
		event.preventDefault();
		const v = form.values;
		const input = form.validate(CreateDistributionInput, {
			kind: "widget",
			...(v.name.trim() ? { name: v.name.trim() } : {}),
			siteId,
			position: v.position,
			trigger: {
				urlPatterns: v.urlPatterns,
				timeOnPageSeconds: v.timeOnPageSeconds,
				scrollDepthPercent: v.scrollDepthPercent,
				exitIntent: v.exitIntent,
				...(v.customEvent.trim() ? { customEvent: v.customEvent.trim() } : {}),
				samplingPercent: v.samplingPercent,
				fatigueDays: v.fatigueDays,
			},
		});
		if (input) create.mutate(input);
	};
	const patternError = Object.entries(form.errors).find(([key]) => key.startsWith("trigger.urlPatterns"))?.[1];
	const number = (field: "timeOnPageSeconds" | "scrollDepthPercent" | "samplingPercent" | "fatigueDays") => ({
		value: form.values[field],
		onChange: (value: string | number) => form.set(field, typeof value === "number" ? value : 0),
		error: form.errors[`trigger.${field}`],
	});

	return (
		<Modal
			opened
			onClose={onClose}
			title={t("feedback.distribution.widgetTitle")}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			<form onSubmit={submit} noValidate>
				<Stack gap="md">
					<Group grow align="flex-start" wrap="wrap">
						<Select
							label={t("feedback.distribution.site")}
							required
							allowDeselect={false}
							data={(sites.data?.items ?? []).map((site) => ({ value: site.id, label: site.name }))}
							value={siteId || null}
							onChange={(value) => value && form.set("siteId", value)}
							error={form.errors.siteId}
						/>
						<TextInput
							label={t("feedback.distribution.name")}
							maxLength={120}
							value={form.values.name}
							onChange={(event) => form.set("name", event.currentTarget.value)}
						/>
					</Group>
					<TagsInput
						label={t("feedback.distribution.urlPatterns")}
						description={t("feedback.distribution.urlPatternsHint")}
						placeholder="/checkout/*"
						required
						data-autofocus
						value={form.values.urlPatterns}
						onChange={(values) => form.set("urlPatterns", values)}
						error={patternError ?? form.errors["trigger.urlPatterns"]}
					/>
					<SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
						<NumberInput
							label={t("feedback.distribution.timeOnPage")}
							min={0}
							max={3600}
							suffix=" s"
							{...number("timeOnPageSeconds")}
						/>
						<NumberInput
							label={t("feedback.distribution.scrollDepth")}
							min={0}
							max={100}
							suffix=" %"
							{...number("scrollDepthPercent")}
						/>
						<NumberInput
							label={t("feedback.distribution.sampling")}
							min={0.1}
							max={100}
							decimalScale={1}
							suffix=" %"
							{...number("samplingPercent")}
						/>
						<NumberInput
							label={t("feedback.distribution.fatigue")}
							description={t("feedback.distribution.fatigueHint")}
							min={0}
							max={365}
							{...number("fatigueDays")}
						/>
					</SimpleGrid>
					<Group grow align="flex-start" wrap="wrap">
						<TextInput
							label={t("feedback.distribution.customEvent")}
							description={t("feedback.distribution.customEventHint")}
							placeholder="order_completed"
							value={form.values.customEvent}
							onChange={(event) => form.set("customEvent", event.currentTarget.value)}
							error={form.errors["trigger.customEvent"]}
						/>
						<Switch
							label={t("feedback.distribution.exitIntent")}
							description={t("feedback.distribution.exitIntentHint")}
							checked={form.values.exitIntent}
							onChange={(event) => form.set("exitIntent", event.currentTarget.checked)}
							mt={{ base: 0, xs: 24 }}
						/>
					</Group>
					<div>
						<Text size="sm" fw={500} mb={4} id="widget-position">
							{t("feedback.distribution.position")}
						</Text>
						<SegmentedControl
							aria-labelledby="widget-position"
							value={form.values.position}
							onChange={(value) => form.set("position", value as typeof form.values.position)}
							data={(["bottom-right", "bottom-left", "center"] as const).map((position) => ({
								value: position,
								label: t(`feedback.distribution.positions.${position}`),
							}))}
						/>
					</div>
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button type="submit" loading={create.isPending}>
							{t("feedback.distribution.createWidget")}
						</Button>
					</Group>
				</Stack>
			</form>
		</Modal>
	);
}
