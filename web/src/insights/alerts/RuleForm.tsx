// Create or edit an alert rule: kind, touchpoints, window and comparison, minimum sample and change, FDR, and the
// channels (in-app, members by email, webhook with its signing secret shown once).
import {
	Button,
	Group,
	Modal,
	MultiSelect,
	NumberInput,
	SegmentedControl,
	Select,
	Stack,
	Switch,
	Text,
	TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../../lib/api/pagination";
import type { MemberView } from "../../../../server/modules/admin/contract";
import { ALERT_KINDS, type AlertKind, type AlertRuleView } from "../../../../server/modules/analytics/contract-alerts";
import type { TouchpointView } from "../../../../server/modules/journey/contract";
import { api, isApiError } from "../../api/client";
import { notify } from "../../ui/notifications";
import { SecretReveal } from "../../ui/SecretReveal";
import { useAlertRuleMutations } from "./alerts-api";

type Draft = {
	name: string;
	kind: AlertKind;
	touchpointIds: string[];
	windowDays: number;
	comparison: "previous" | "baseline";
	baselineDays: number;
	minSample: number;
	minChange: number;
	fdrPercent: number;
	inApp: boolean;
	emailUserIds: string[];
	webhookUrl: string;
};

const draftOf = (rule: AlertRuleView | undefined): Draft => ({
	name: rule?.name ?? "",
	kind: rule?.kind ?? "nps_drop",
	touchpointIds: rule?.scope.touchpointIds ?? [],
	windowDays: rule?.windowDays ?? 28,
	comparison: rule?.comparison ?? "baseline",
	baselineDays: rule?.baselineDays ?? 84,
	minSample: rule?.minSample ?? 30,
	minChange: rule?.minChange ?? 5,
	fdrPercent: (rule?.fdr ?? 0.05) * 100,
	inApp: rule?.channels.inApp ?? true,
	emailUserIds: rule?.channels.emailUserIds ?? [],
	webhookUrl: rule?.channels.webhookUrl ?? "",
});

export function RuleForm({ rule, opened, onClose }: { rule?: AlertRuleView; opened: boolean; onClose: () => void }) {
	const { t } = useTranslation();
	const { save } = useAlertRuleMutations();
	const [draft, setDraft] = useState<Draft>(draftOf(rule));
	const [error, setError] = useState<string | null>(null);
	const [secret, setSecret] = useState<string | null>(null);
	const touchpoints = useQuery({
		queryKey: ["touchpoints", "all"],
		queryFn: () => api<Page<TouchpointView>>("GET", "/touchpoints?limit=200"),
		enabled: opened,
	});
	const members = useQuery({
		queryKey: ["members", "all"],
		queryFn: () => api<Page<MemberView>>("GET", "/members?limit=200"),
		enabled: opened,
	});
	useEffect(() => {
		if (opened) {
			setDraft(draftOf(rule));
			setError(null);
			setSecret(null);
		}
	}, [opened, rule]);
	const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
	const num = (v: string | number, fallback: number) => (typeof v === "number" ? v : fallback);

	const submit = async () => {
		setError(null);
		const input = {
			name: draft.name.trim(),
			...(rule ? {} : { kind: draft.kind }),
			scope: { touchpointIds: draft.touchpointIds },
			windowDays: draft.windowDays,
			comparison: draft.comparison,
			baselineDays: draft.baselineDays,
			minSample: draft.minSample,
			minChange: draft.minChange,
			fdr: draft.fdrPercent / 100,
			channels: { inApp: draft.inApp, emailUserIds: draft.emailUserIds, webhookUrl: draft.webhookUrl.trim() || null },
		};
		try {
			const saved = await save.mutateAsync({ id: rule?.id, input: input as never });
			notify("success", t("alerts.rules.saved"));
			if (saved.webhookSecret) setSecret(saved.webhookSecret);
			else onClose();
		} catch (e) {
			setError(isApiError(e) ? e.message : String(e));
		}
	};

	return (
		<Modal
			opened={opened}
			onClose={onClose}
			title={rule ? t("alerts.rules.editTitle") : t("alerts.rules.newTitle")}
			size="lg"
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			{secret ? (
				<Stack>
					<SecretReveal label={t("alerts.rules.secret")} value={secret} warning={t("alerts.rules.secretOnce")} />
					<Text size="xs" c="dimmed">
						{t("alerts.rules.signatureHelp")}
					</Text>
					<Group justify="flex-end">
						<Button onClick={onClose}>{t("common.done")}</Button>
					</Group>
				</Stack>
			) : (
				<Stack gap="sm">
					<Group grow align="flex-start">
						<TextInput
							label={t("alerts.rules.name")}
							value={draft.name}
							onChange={(e) => set("name", e.currentTarget.value)}
							required
						/>
						<Select
							label={t("alerts.rules.kind")}
							data={ALERT_KINDS.map((k) => ({ value: k, label: t(`alerts.kinds.${k}`) }))}
							value={draft.kind}
							onChange={(v) => v && set("kind", v as AlertKind)}
							disabled={Boolean(rule)}
							allowDeselect={false}
						/>
					</Group>
					<MultiSelect
						label={t("alerts.rules.touchpoints")}
						placeholder={t("alerts.allTouchpoints")}
						data={(touchpoints.data?.items ?? []).map((tp) => ({ value: tp.id, label: tp.name }))}
						value={draft.touchpointIds}
						onChange={(v) => set("touchpointIds", v)}
						searchable
					/>
					<Group grow align="flex-end">
						<NumberInput
							label={t("alerts.rules.windowDays")}
							min={1}
							max={180}
							value={draft.windowDays}
							onChange={(v) => set("windowDays", num(v, 28))}
						/>
						<div>
							<Text size="sm" fw={500} mb={4}>
								{t("alerts.rules.comparison")}
							</Text>
							<SegmentedControl
								fullWidth
								value={draft.comparison}
								onChange={(v) => set("comparison", v as Draft["comparison"])}
								data={[
									{ value: "previous", label: t("alerts.rules.previous") },
									{ value: "baseline", label: t("alerts.rules.baseline") },
								]}
							/>
						</div>
						{draft.comparison === "baseline" && (
							<NumberInput
								label={t("alerts.rules.baselineDays")}
								min={7}
								max={365}
								value={draft.baselineDays}
								onChange={(v) => set("baselineDays", num(v, 84))}
							/>
						)}
					</Group>
					<Group grow>
						<NumberInput
							label={t("alerts.rules.minSample")}
							min={10}
							value={draft.minSample}
							onChange={(v) => set("minSample", num(v, 30))}
						/>
						<NumberInput
							label={t("alerts.rules.minChange")}
							min={0}
							max={100}
							decimalScale={2}
							value={draft.minChange}
							onChange={(v) => set("minChange", num(v, 5))}
						/>
						<NumberInput
							label={t("alerts.rules.fdr")}
							min={0.1}
							max={20}
							decimalScale={1}
							suffix=" %"
							value={draft.fdrPercent}
							onChange={(v) => set("fdrPercent", num(v, 5))}
						/>
					</Group>
					<Switch
						label={t("alerts.channels.inApp")}
						checked={draft.inApp}
						onChange={(e) => set("inApp", e.currentTarget.checked)}
					/>
					<MultiSelect
						label={t("alerts.rules.emailTo")}
						data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: `${m.name} <${m.email}>` }))}
						value={draft.emailUserIds}
						onChange={(v) => set("emailUserIds", v)}
						searchable
					/>
					<TextInput
						label={t("alerts.rules.webhookUrl")}
						placeholder="https://example.com/hooks/loupe"
						value={draft.webhookUrl}
						onChange={(e) => set("webhookUrl", e.currentTarget.value)}
					/>
					{error && (
						<Text c="red" size="sm" role="alert">
							{error}
						</Text>
					)}
					<Group justify="flex-end">
						<Button variant="default" onClick={onClose}>
							{t("common.cancel")}
						</Button>
						<Button onClick={submit} loading={save.isPending} disabled={!draft.name.trim()}>
							{t("common.save")}
						</Button>
					</Group>
				</Stack>
			)}
		</Modal>
	);
}
