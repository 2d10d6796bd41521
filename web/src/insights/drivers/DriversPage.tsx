// Key driver analysis: which themes or touchpoints explain NPS, as an importance × performance matrix and a ranked table.
import {
	Alert,
	Badge,
	Button,
	Group,
	Paper,
	Progress,
	SegmentedControl,
	Select,
	SimpleGrid,
	Stack,
	Table,
	Text,
	Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import type { DriverKind, DriverResultView, DriverView } from "../../../../server/modules/analytics/contract-drivers";
import { meQuery } from "../../api/session";
import { formatDateTime } from "../../feedback/feedback-api";
import { notifyError } from "../../forms/notify-error";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { DriverMatrix, median } from "./DriverMatrix";
import { type DriverPeriodChoice, useDrivers, useRecomputeDrivers } from "./drivers-api";

const PERIODS = ["90", "30", "180", "365"] as const;
const NPS_RANGE: [number, number] = [-100, 100];
const RATING_RANGE: [number, number] = [0, 100];
type PeriodKey = (typeof PERIODS)[number];

const localDay = (date: Date) =>
	`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** 90 days is the server's default period (computed nightly); other lengths end today. */
function periodOf(key: PeriodKey): DriverPeriodChoice {
	if (key === "90") return {};
	const to = new Date();
	const from = new Date(to.getTime() - (Number(key) - 1) * 86400_000);
	return { from: localDay(from), to: localDay(to) };
}

const formatNumber = (value: number, language: string, digits = 1) =>
	value.toLocaleString(language === "en" ? "en-GB" : "de-DE", {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
	});

export function DriversPage() {
	const { t, i18n } = useTranslation();
	const lang = i18n.language === "en" ? "en" : "de";
	const [kind, setKind] = useState<DriverKind>("themes");
	const [periodKey, setPeriodKey] = useState<PeriodKey>("90");
	const period = useMemo(() => periodOf(periodKey), [periodKey]);
	const result = useDrivers(kind, period);
	const recompute = useRecomputeDrivers();
	const { data: me } = useQuery(meQuery);
	const canRecompute = Boolean(me && hasPermission(me.role, "analytics.manage"));

	const start = () =>
		recompute.mutate(
			{ kind, ...period },
			{ onSuccess: () => notify("info", t("drivers.recomputeStarted")), onError: (error) => notifyError(error, t) },
		);

	return (
		<Stack gap="md">
			<Title order={2} size="h3">
				{t("drivers.title")}
			</Title>
			<Group justify="space-between" gap="sm" wrap="wrap">
				<Group gap="sm" wrap="wrap">
					<SegmentedControl
						value={kind}
						onChange={(value) => setKind(value as DriverKind)}
						data={[
							{ value: "themes", label: t("drivers.kind.themes") },
							{ value: "touchpoints", label: t("drivers.kind.touchpoints") },
						]}
						aria-label={t("drivers.kind.label")}
					/>
					<Select
						value={periodKey}
						onChange={(value) => value && setPeriodKey(value as PeriodKey)}
						data={PERIODS.map((p) => ({ value: p, label: t("drivers.period.days", { count: Number(p) }) }))}
						aria-label={t("drivers.period.label")}
						allowDeselect={false}
						w={170}
					/>
				</Group>
				{canRecompute && (
					<Button variant="light" onClick={start} loading={recompute.isPending || result.data?.status === "computing"}>
						{t("drivers.recompute")}
					</Button>
				)}
			</Group>
			<Text size="sm" c="dimmed">
				{t(`drivers.intro.${kind}`)}
			</Text>
			{result.isPending ? (
				<LoadingState />
			) : result.isError ? (
				<ErrorState error={result.error} onRetry={() => result.refetch()} />
			) : (
				<DriverResult view={result.data} lang={lang} canRecompute={canRecompute} onRecompute={start} />
			)}
		</Stack>
	);
}

function DriverResult({
	view,
	lang,
	canRecompute,
	onRecompute,
}: {
	view: DriverResultView;
	lang: "de" | "en";
	canRecompute: boolean;
	onRecompute: () => void;
}) {
	const { t } = useTranslation();
	const formatPerformance = useCallback(
		(value: number) =>
			view.kind === "themes" ? `NPS ${formatNumber(value, lang, 0)}` : `${formatNumber(value, lang, 0)} / 100`,
		[view.kind, lang],
	);
	const drivers = view.analysis?.drivers ?? [];
	const points = useMemo(
		() =>
			drivers.map((d) => ({ label: d.label[lang], importance: d.importanceShare, performance: d.performance, n: d.n })),
		[drivers, lang],
	);
	const quadrants = useMemo(
		() =>
			[
				t("drivers.quadrant.strengthsMinor"),
				t("drivers.quadrant.strengths"),
				t("drivers.quadrant.minor"),
				t("drivers.quadrant.fix"),
			] as [string, string, string, string],
		[t],
	);
	if (view.status === "missing" || (view.status === "computing" && !view.analysis)) {
		return (
			<Alert
				color="blue"
				variant="light"
				title={view.status === "missing" ? t("drivers.missing.title") : t("drivers.computing")}
			>
				<Text size="sm">{t("drivers.missing.body", { from: view.from, to: view.to })}</Text>
				{canRecompute && view.status === "missing" && (
					<Button size="xs" mt="sm" onClick={onRecompute}>
						{t("drivers.recomputeNow")}
					</Button>
				)}
			</Alert>
		);
	}
	const xMedian = median(points.map((p) => p.importance));
	const yMedian = view.analysis?.performanceBaseline ?? median(points.map((p) => p.performance));
	return (
		<Stack gap="md">
			<SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
				<Fact
					label={t(`drivers.facts.n.${view.kind}`)}
					value={view.n.toLocaleString(lang === "en" ? "en-GB" : "de-DE")}
				/>
				<Fact
					label={t("drivers.facts.r2")}
					value={view.r2 === null ? "–" : formatNumber(view.r2, lang, 2)}
					hint={t("drivers.facts.r2Hint")}
				/>
				<Fact label={t("drivers.facts.period")} value={`${view.from} – ${view.to}`} />
				<Fact
					label={t("drivers.facts.computedAt")}
					value={formatDateTime(view.computedAt, lang)}
					hint={view.status === "computing" ? t("drivers.computing") : undefined}
				/>
			</SimpleGrid>
			{view.status === "failed" && (
				<Alert color="red" variant="light" title={t("drivers.failed")}>
					{view.error}
				</Alert>
			)}
			{view.insufficientData ? (
				<Alert color="yellow" variant="light" title={t("drivers.insufficient.title")}>
					<Text size="sm">
						{t(`drivers.insufficient.${view.kind}`, { n: view.n, minimum: view.analysis?.minimumN ?? 0 })}
					</Text>
				</Alert>
			) : (
				<>
					{view.analysis?.outcome.label && (
						<Text size="sm">{t("drivers.outcome", { name: view.analysis.outcome.label[lang] })}</Text>
					)}
					<Paper withBorder p="md" radius="md">
						<Title order={2} size="h4" mb="xs">
							{t("drivers.matrix.title")}
						</Title>
						<Text size="xs" c="dimmed" mb="sm">
							{t(`drivers.matrix.hint.${view.kind}`)}
						</Text>
						<DriverMatrix
							points={points}
							xName={t("drivers.matrix.importance")}
							yName={t(`drivers.matrix.performance.${view.kind}`)}
							quadrants={quadrants}
							formatPerformance={formatPerformance}
							performanceRange={view.kind === "themes" ? NPS_RANGE : RATING_RANGE}
							performanceSplit={yMedian}
							ariaLabel={t("drivers.matrix.title")}
						/>
					</Paper>
					<DriverTable
						drivers={drivers}
						kind={view.kind}
						lang={lang}
						formatPerformance={formatPerformance}
						xMedian={xMedian}
						yMedian={yMedian}
					/>
					{view.analysis?.isSampled && (
						<Text size="xs" c="dimmed">
							{t("drivers.sampled")}
						</Text>
					)}
					{(view.analysis?.skipped ?? 0) > 0 && (
						<Text size="xs" c="dimmed">
							{t("drivers.skipped", { count: view.analysis?.skipped ?? 0 })}
						</Text>
					)}
				</>
			)}
		</Stack>
	);
}

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
	return (
		<Paper withBorder p="sm" radius="md">
			<Text size="xs" c="dimmed">
				{label}
			</Text>
			<Text fw={600}>{value}</Text>
			{hint && (
				<Text size="xs" c="dimmed">
					{hint}
				</Text>
			)}
		</Paper>
	);
}

type TableProps = {
	drivers: DriverView[];
	kind: DriverKind;
	lang: "de" | "en";
	formatPerformance: (value: number) => string;
	xMedian: number;
	yMedian: number;
};

function DriverTable({ drivers, kind, lang, formatPerformance, xMedian, yMedian }: TableProps) {
	const { t } = useTranslation();
	const maxShare = Math.max(...drivers.map((d) => d.importanceShare), 1);
	return (
		<Paper withBorder radius="md" style={{ overflowX: "auto" }}>
			<Table striped verticalSpacing="xs" miw={640}>
				<Table.Thead>
					<Table.Tr>
						<Table.Th>#</Table.Th>
						<Table.Th>{t(`drivers.table.driver.${kind}`)}</Table.Th>
						<Table.Th>{t("drivers.table.importance")}</Table.Th>
						<Table.Th>{kind === "themes" ? t("drivers.table.negativeShare") : t("drivers.table.shapley")}</Table.Th>
						<Table.Th>{t(`drivers.matrix.performance.${kind}`)}</Table.Th>
						<Table.Th>n</Table.Th>
						<Table.Th>{t("drivers.table.quadrant")}</Table.Th>
					</Table.Tr>
				</Table.Thead>
				<Table.Tbody>
					{drivers.map((driver, index) => {
						const isImportant = driver.importanceShare >= xMedian;
						const isStrong = driver.performance >= yMedian;
						const quadrant = isImportant ? (isStrong ? "strengths" : "fix") : isStrong ? "strengthsMinor" : "minor";
						const secondary = kind === "themes" ? driver.negativeShare : driver.shapleyShare;
						return (
							<Table.Tr key={driver.key}>
								<Table.Td>{index + 1}</Table.Td>
								<Table.Td fw={500}>{driver.label[lang]}</Table.Td>
								<Table.Td miw={160}>
									<Group gap="xs" wrap="nowrap">
										<Progress value={(100 * driver.importanceShare) / maxShare} w={80} size="sm" aria-hidden />
										<Text size="sm">{formatNumber(driver.importanceShare, lang)} %</Text>
									</Group>
								</Table.Td>
								<Table.Td>{secondary === null ? "–" : `${formatNumber(secondary, lang)} %`}</Table.Td>
								<Table.Td>{formatPerformance(driver.performance)}</Table.Td>
								<Table.Td>{driver.n.toLocaleString(lang === "en" ? "en-GB" : "de-DE")}</Table.Td>
								<Table.Td>
									<Badge
										color={quadrant === "fix" ? "red" : quadrant === "strengths" ? "teal" : "gray"}
										variant="light"
									>
										{t(`drivers.quadrant.${quadrant}`)}
									</Badge>
								</Table.Td>
							</Table.Tr>
						);
					})}
				</Table.Tbody>
			</Table>
		</Paper>
	);
}
