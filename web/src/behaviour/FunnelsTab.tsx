// Funnels: pick or define one (steps by step name or URL pattern), see sessions, conversion and drop-off per
// step, and switch the segment (device, source, new/returning).
import { Button, Card, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FunnelReportView } from "../../../server/modules/events/contract";
import { notifyError } from "../forms/notify-error";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { BarCell } from "./BarCell";
import { type Range, useCreateFunnel, useFunnelReport, useFunnels } from "./behaviour-api";
import { formatCount, formatPercent } from "./format";

function StepTable({ steps }: { steps: FunnelReportView["steps"] }) {
	const { t, i18n } = useTranslation();
	const max = steps[0]?.sessions ?? 0;
	return (
		<Table verticalSpacing={6} data-testid="funnel-steps">
			<Table.Thead>
				<Table.Tr>
					<Table.Th>{t("behaviour.step")}</Table.Th>
					<Table.Th>{t("behaviour.metrics.sessions")}</Table.Th>
					<Table.Th>{t("behaviour.conversion")}</Table.Th>
					<Table.Th>{t("behaviour.dropOff")}</Table.Th>
				</Table.Tr>
			</Table.Thead>
			<Table.Tbody>
				{steps.map((step) => (
					<Table.Tr key={step.label}>
						<Table.Td>{step.label}</Table.Td>
						<Table.Td>
							<BarCell value={step.sessions} max={max} label={formatCount(step.sessions, i18n.language)} />
						</Table.Td>
						<Table.Td>{formatPercent(step.conversionFromStart, i18n.language)}</Table.Td>
						<Table.Td c={step.dropOffFromPrevious && step.dropOffFromPrevious > 0.4 ? "red" : undefined}>
							{formatPercent(step.dropOffFromPrevious, i18n.language)}
						</Table.Td>
					</Table.Tr>
				))}
			</Table.Tbody>
		</Table>
	);
}

function NewFunnelModal({
	opened,
	onClose,
	onCreated,
}: {
	opened: boolean;
	onClose: () => void;
	onCreated: (id: string) => void;
}) {
	const { t } = useTranslation();
	const create = useCreateFunnel();
	const [name, setName] = useState("");
	const [steps, setSteps] = useState("cart\naddress\npayment\ncompleted");
	const submit = () => {
		const lines = steps
			.split("\n")
			.map((l) => l.trim())
			.filter(Boolean);
		create.mutate(
			{
				name,
				steps: lines.map((line) => ({
					label: line,
					kind: line.startsWith("/") || line.startsWith("http") ? "url" : "step",
					value: line,
				})),
			},
			{
				onSuccess: (funnel) => {
					onCreated(funnel.id);
					onClose();
				},
				onError: (error) => notifyError(error, t),
			},
		);
	};
	return (
		<Modal opened={opened} onClose={onClose} title={t("behaviour.newFunnel")}>
			<Stack>
				<TextInput
					label={t("behaviour.funnelName")}
					value={name}
					onChange={(e) => setName(e.currentTarget.value)}
					required
				/>
				<Stack gap={4}>
					<Text size="sm" fw={500}>
						{t("behaviour.funnelSteps")}
					</Text>
					<textarea
						aria-label={t("behaviour.funnelSteps")}
						rows={6}
						value={steps}
						onChange={(e) => setSteps(e.currentTarget.value)}
						style={{
							fontFamily: "monospace",
							padding: 8,
							borderRadius: 4,
							border: "1px solid var(--mantine-color-gray-4)",
						}}
					/>
					<Text size="xs" c="dimmed">
						{t("behaviour.funnelStepsHelp")}
					</Text>
				</Stack>
				<Group justify="flex-end">
					<Button onClick={submit} loading={create.isPending} disabled={!name.trim()}>
						{t("behaviour.saveFunnel")}
					</Button>
				</Group>
			</Stack>
		</Modal>
	);
}

export function FunnelsTab({ range }: { range: Range }) {
	const { t } = useTranslation();
	const funnels = useFunnels();
	const [selected, setSelected] = useState<string | null>(null);
	const [segment, setSegment] = useState("none");
	const [isCreating, setCreating] = useState(false);
	const funnelId = selected ?? funnels.data?.items[0]?.id ?? null;
	const report = useFunnelReport(funnelId, range, segment === "none" ? null : segment);
	if (funnels.isPending) return <LoadingState />;
	if (funnels.isError) return <ErrorState error={funnels.error} onRetry={() => funnels.refetch()} />;
	return (
		<Stack>
			<Group justify="space-between">
				<Group>
					<Select
						aria-label={t("behaviour.funnel")}
						data={funnels.data.items.map((f) => ({ value: f.id, label: f.name }))}
						value={funnelId}
						onChange={setSelected}
						placeholder={t("behaviour.funnel")}
						allowDeselect={false}
					/>
					<SegmentedControl
						value={segment}
						onChange={setSegment}
						data={["none", "device", "source", "visitorType"].map((value) => ({
							value,
							label: t(`behaviour.segments.${value}`),
						}))}
					/>
				</Group>
				<Button variant="light" onClick={() => setCreating(true)}>
					{t("behaviour.newFunnel")}
				</Button>
			</Group>
			{!funnelId && <Text c="dimmed">{t("behaviour.noFunnels")}</Text>}
			{report.isPending && funnelId && <LoadingState />}
			{report.isError && <ErrorState error={report.error} onRetry={() => report.refetch()} />}
			{report.data && (
				<>
					<Card withBorder>
						<StepTable steps={report.data.steps} />
					</Card>
					{report.data.segments.map((s) => (
						<Card withBorder key={s.segment}>
							<Text fw={600} mb="xs">
								{t(`behaviour.segmentValues.${s.segment}`, { defaultValue: s.segment })}
							</Text>
							<StepTable steps={s.steps} />
						</Card>
					))}
				</>
			)}
			<NewFunnelModal opened={isCreating} onClose={() => setCreating(false)} onCreated={setSelected} />
		</Stack>
	);
}
