// One touchpoint on the journey map: coloured by its score on the diverging scale, with volume, trend, top
// negative themes and behaviour signals; a click opens its comments in the response explorer.
import { Box, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { JourneyTouchpointView } from "../../../../server/modules/analytics/contract";
import { formatInterval, formatNumber, formatP, formatScore, scoreColor } from "../format";

type Props = {
	touchpoint: JourneyTouchpointView;
	themeLabel: (key: string) => string;
	onOpen: (touchpointId: string) => void;
};

export function TouchpointCard({ touchpoint: tp, themeLabel, onOpen }: Props) {
	const { t, i18n } = useTranslation();
	const language = i18n.language;
	const colors = scoreColor(tp.score?.index ?? null);
	const trend = tp.trend;
	const isAlarm = trend?.significant === true && trend.direction === "deteriorated";
	const arrow =
		!trend || trend.difference === null ? "" : trend.difference > 0 ? "▲" : trend.difference < 0 ? "▼" : "■";
	const signals = tp.behaviour;
	return (
		<UnstyledButton
			onClick={() => onOpen(tp.id)}
			aria-label={t("insights.journeyMap.openComments", { name: tp.name })}
			data-testid={`journey-touchpoint-${tp.id}`}
			style={{
				display: "block",
				width: "100%",
				borderRadius: 8,
				background: colors.background,
				color: colors.text,
				outline: isAlarm ? "3px solid var(--mantine-color-red-7)" : "1px solid rgba(0,0,0,0.08)",
				outlineOffset: isAlarm ? 1 : 0,
				boxShadow: isAlarm ? "0 0 0 6px var(--mantine-color-red-1)" : undefined,
				padding: 10,
			}}
		>
			<Stack gap={4}>
				{isAlarm && (
					<Box
						px={6}
						py={2}
						style={{
							borderRadius: 4,
							background: "var(--mantine-color-red-7)",
							color: "#fff",
							fontSize: 11,
							fontWeight: 700,
						}}
					>
						▼ {t("insights.journeyMap.alarm")}
					</Box>
				)}
				<Text size="sm" fw={700} lh={1.2} style={{ color: "inherit" }}>
					{tp.name}
				</Text>
				{tp.score ? (
					<Group gap={6} align="baseline" wrap="nowrap">
						<Text fz={22} fw={700} lh={1} style={{ color: "inherit" }}>
							{formatScore(tp.score.metric === "csat" ? "share" : tp.score.metric, tp.score.value, language)}
						</Text>
						<Text size="xs" style={{ color: "inherit", opacity: 0.85 }}>
							{t(`insights.metrics.${tp.score.metric}`)}
						</Text>
					</Group>
				) : (
					<Text size="xs" style={{ color: "inherit" }}>
						{t("insights.journeyMap.noScore")}
					</Text>
				)}
				{tp.score && (
					<Text size="xs" style={{ color: "inherit", opacity: 0.85 }}>
						{formatInterval(tp.score.metric === "csat" ? "share" : tp.score.metric, tp.score.ci95, language)} · n ={" "}
						{formatNumber(tp.responses, language)}
					</Text>
				)}
				{trend && trend.difference !== null && (
					<Text
						size="xs"
						fw={600}
						title={
							trend.pValue === null
								? undefined
								: `${formatP(trend.pValue, language)} · q = ${formatNumber(trend.qValue ?? 1, language, 3)}`
						}
						style={{ color: "inherit" }}
					>
						{arrow} {trend.difference > 0 ? "+" : ""}
						{formatNumber(trend.difference, language, trend.metric === "ces" ? 2 : 1)}{" "}
						{trend.significant ? t(`insights.directions.${trend.direction}`) : t("insights.kpis.notSignificant")}
					</Text>
				)}
				{tp.topNegativeThemes.length > 0 && (
					<Group gap={4}>
						{tp.topNegativeThemes.map((theme) => (
							<Box
								key={theme.theme}
								px={6}
								py={1}
								style={{ borderRadius: 4, background: "rgba(255,255,255,0.75)", color: "#7a1020", fontSize: 11 }}
							>
								{themeLabel(theme.theme)} · {theme.negative}
							</Box>
						))}
					</Group>
				)}
				{signals && (
					<Text size="xs" style={{ color: "inherit", opacity: 0.9 }}>
						{[
							signals.dropOffRate !== null
								? t("insights.journeyMap.dropOff", { share: formatNumber(signals.dropOffRate * 100, language) })
								: null,
							signals.p75LcpMs !== null
								? t("insights.journeyMap.lcp", {
										seconds: formatNumber(signals.p75LcpMs / 1000, language, 1),
										rating: t(`insights.ratings.${signals.lcpRating ?? "good"}`),
									})
								: null,
							signals.zeroResultSearchShare !== null && signals.searches > 0
								? t("insights.journeyMap.zeroResults", {
										share: formatNumber(signals.zeroResultSearchShare * 100, language),
									})
								: null,
						]
							.filter(Boolean)
							.join(" · ")}
					</Text>
				)}
			</Stack>
		</UnstyledButton>
	);
}
