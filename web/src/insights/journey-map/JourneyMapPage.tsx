// The journey map: "where does it hurt" — stages as columns, touchpoint cards coloured by score, trend and
// signals, and the pain points ranked by impact. A touchpoint opens its comments in the response explorer.
import { Box, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useJourneys } from "../../journey/journey-api";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { formatNumber, formatScore, scoreColor } from "../format";
import { lastDays, PERIOD_PRESETS, useJourneyMap, useThemeLabels } from "../insights-api";
import { PainPoints } from "./PainPoints";
import { TouchpointCard } from "./TouchpointCard";

const LEGEND = [-60, -30, 0, 20, 40, 60, 80];

export function JourneyMapPage() {
	const { t, i18n } = useTranslation();
	const language = i18n.language === "en" ? "en" : "de";
	const navigate = useNavigate();
	const [days, setDays] = useState("90");
	const [journeyId, setJourneyId] = useState<string | null>(null);
	const period = useMemo(() => lastDays(Number(days)), [days]);
	const journeys = useJourneys();
	const map = useJourneyMap(period, journeyId);
	const labels = useThemeLabels();
	const themeLabel = (key: string) => labels.data?.get(key)?.[language] ?? key;
	const open = (touchpointId: string) =>
		navigate({ to: "/feedback/responses", search: { touchpoint: touchpointId, from: period.from, to: period.to } });

	return (
		<Stack gap="md">
			<Group justify="space-between" wrap="wrap">
				<Group gap="sm">
					{(journeys.data?.items.length ?? 0) > 1 && (
						<Select
							aria-label={t("insights.filters.journey")}
							value={journeyId ?? map.data?.journey.id ?? null}
							onChange={setJourneyId}
							data={(journeys.data?.items ?? []).map((j) => ({ value: j.id, label: j.name }))}
							w={220}
						/>
					)}
					<SegmentedControl
						aria-label={t("insights.filters.period")}
						value={days}
						onChange={setDays}
						data={PERIOD_PRESETS.map((d) => ({ value: d, label: t("insights.filters.days", { count: Number(d) }) }))}
					/>
				</Group>
				<Group gap={4} aria-label={t("insights.journeyMap.legend")}>
					<Text size="xs" c="dimmed" mr={4}>
						{t("insights.journeyMap.legend")}
					</Text>
					{LEGEND.map((index) => (
						<Box
							key={index}
							px={6}
							style={{
								background: scoreColor(index).background,
								color: scoreColor(index).text,
								fontSize: 11,
								borderRadius: 3,
							}}
						>
							{index > 0 ? `+${index}` : index}
						</Box>
					))}
				</Group>
			</Group>
			{map.isPending ? (
				<LoadingState />
			) : map.isError ? (
				<ErrorState error={map.error} onRetry={() => map.refetch()} />
			) : (
				<>
					<Text size="xs" c="dimmed">
						{t("insights.journeyMap.intro", {
							journey: map.data.journey.name,
							from: map.data.from,
							to: map.data.to,
							nps: map.data.averages.nps === null ? "–" : formatScore("nps", map.data.averages.nps, language),
						})}
					</Text>
					<ScrollArea type="auto" offsetScrollbars>
						<Box p={8}>
							<Group align="flex-start" wrap="nowrap" gap={10} pb="xs">
								{map.data.stages.map((stage) => (
									<Paper key={stage.id} withBorder p="xs" miw={164} style={{ flex: "1 1 0" }} bg="gray.0">
										<Stack gap="xs">
											<div>
												<Title order={3} size="h6">
													{stage.name}
												</Title>
												<Text size="xs" c="dimmed">
													{t("insights.journeyMap.responses", {
														count: stage.responses,
														formatted: formatNumber(stage.responses, language),
													})}
												</Text>
											</div>
											{stage.touchpoints.length === 0 && (
												<Text size="xs" c="dimmed">
													{t("insights.journeyMap.noTouchpoints")}
												</Text>
											)}
											{stage.touchpoints.map((touchpoint) => (
												<TouchpointCard
													key={touchpoint.id}
													touchpoint={touchpoint}
													themeLabel={themeLabel}
													onOpen={open}
												/>
											))}
										</Stack>
									</Paper>
								))}
							</Group>
						</Box>
					</ScrollArea>
					<PainPoints painPoints={map.data.painPoints} themeLabel={themeLabel} onOpen={open} />
				</>
			)}
		</Stack>
	);
}
