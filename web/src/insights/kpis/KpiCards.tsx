// The KPI cards: value, 95 % interval, n, and the change against the previous period with its significance.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ChangeTestView, KpiReportView } from "../../../../server/modules/analytics/contract";
import { directionColor, formatInterval, formatNumber, formatP, formatScore } from "../format";

type Kind = "nps" | "share" | "ces";
type CardData = {
	key: string;
	kind: Kind;
	value: number | null;
	ci95: [number, number] | null;
	n: number;
	detail?: string;
	change: ChangeTestView | null;
};

function ChangeLine({ change, kind }: { change: ChangeTestView | null; kind: Kind }) {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	if (!change)
		return (
			<Text size="xs" c="dimmed">
				{t("insights.kpis.noComparison")}
			</Text>
		);
	const unit =
		kind === "ces" ? "" : kind === "nps" ? ` ${t("insights.kpis.points")}` : ` ${t("insights.kpis.percentPoints")}`;
	const arrow = change.difference > 0 ? "▲" : change.difference < 0 ? "▼" : "■";
	const difference = `${change.difference > 0 ? "+" : ""}${formatNumber(change.difference, language, kind === "ces" ? 2 : 1)}${unit}`;
	return (
		<Group gap={6} wrap="wrap">
			<Text
				size="sm"
				fw={600}
				c={change.significant ? directionColor(change.direction) : "dimmed"}
				style={{ whiteSpace: "nowrap" }}
			>
				{arrow} {difference}
			</Text>
			<Tooltip
				label={`${t("insights.kpis.ciOfDifference")}: ${formatNumber(change.ci95[0], language, 1)} … ${formatNumber(change.ci95[1], language, 1)} · ${formatP(change.pValue, language)}`}
			>
				<Badge
					size="xs"
					tt="none"
					style={{ maxWidth: "100%" }}
					variant={change.significant ? "filled" : "light"}
					color={change.significant ? directionColor(change.direction) : "gray"}
				>
					{change.significant ? t(`insights.directions.${change.direction}`) : t("insights.kpis.notSignificant")}
				</Badge>
			</Tooltip>
		</Group>
	);
}

function KpiCard({ card }: { card: CardData }) {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	const metric = card.kind === "share" ? "share" : card.kind;
	return (
		<Card withBorder padding="md" data-testid={`kpi-${card.key}`}>
			<Stack gap={4}>
				<Text size="sm" c="dimmed" fw={500}>
					{t(`insights.kpis.cards.${card.key}`)}
				</Text>
				<Text fz={28} fw={700} lh={1.1}>
					{card.value === null ? "–" : formatScore(metric, card.value, language)}
				</Text>
				<Text size="xs" c="dimmed">
					{card.ci95
						? `${t("insights.kpis.ci95")} ${formatInterval(metric, card.ci95, language)}`
						: t("insights.kpis.noData")}
				</Text>
				<Text size="xs" c="dimmed">
					n = {formatNumber(card.n, language)}
					{card.detail ? ` · ${card.detail}` : ""}
				</Text>
				<ChangeLine change={card.change} kind={card.kind} />
			</Stack>
		</Card>
	);
}

export function KpiCards({ report }: { report: KpiReportView }) {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	const cards: CardData[] = [
		{
			key: "nps",
			kind: "nps",
			value: report.nps?.value ?? null,
			ci95: report.nps?.ci95 ?? null,
			n: report.nps?.n ?? 0,
			detail: report.nps
				? t("insights.kpis.npsShares", {
						promoters: formatNumber(report.nps.promoterShare * 100, language),
						detractors: formatNumber(report.nps.detractorShare * 100, language),
					})
				: undefined,
			change: report.changes.nps,
		},
		{
			key: "csat",
			kind: "share",
			value: report.csat?.value ?? null,
			ci95: report.csat?.ci95 ?? null,
			n: report.csat?.n ?? 0,
			detail: report.csat
				? t("insights.kpis.csatMean", { mean: formatNumber(report.csat.mean, language, 2) })
				: undefined,
			change: report.changes.csat,
		},
		{
			key: "ces",
			kind: "ces",
			value: report.ces?.value ?? null,
			ci95: report.ces?.ci95 ?? null,
			n: report.ces?.n ?? 0,
			detail: t("insights.kpis.cesScale"),
			change: report.changes.ces,
		},
		{
			key: "negative",
			kind: "share",
			value: report.sentiment?.negative.value ?? null,
			ci95: report.sentiment?.negative.ci95 ?? null,
			n: report.sentiment?.negative.n ?? 0,
			detail: report.sentiment
				? t("insights.kpis.positiveShare", { share: formatNumber(report.sentiment.positive.value, language) })
				: undefined,
			change: report.changes.negativeShare,
		},
		{
			key: "complaints",
			kind: "share",
			value: report.complaintRate?.value ?? null,
			ci95: report.complaintRate?.ci95 ?? null,
			n: report.complaintRate?.n ?? 0,
			change: report.changes.complaintRate,
		},
		{
			key: "responseRate",
			kind: "share",
			value: report.responseRate?.value ?? null,
			ci95: report.responseRate?.ci95 ?? null,
			n: report.responseRate?.n ?? 0,
			detail: report.responseRate
				? t("insights.kpis.invitations", { responded: report.responseRate.responded, sent: report.responseRate.sent })
				: t("insights.kpis.noInvitations"),
			change: report.changes.responseRate,
		},
	];
	return (
		<SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm" mb="md">
			{cards.map((card) => (
				<KpiCard key={card.key} card={card} />
			))}
		</SimpleGrid>
	);
}
