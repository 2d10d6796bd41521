// Theme trend per week (count and negative share); shown once the server offers GET /api/v1/text/theme-trends.
import { Group, Paper, Select, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../api/client";
import { TrendChart, type TrendPeriod } from "./TrendChart";
import { useThemeLabels } from "./text-api";

type ThemeTrend = { theme: string; periods: TrendPeriod[] };
const WEEKS = 12;

export function ThemeTrendPanel() {
	const { t, i18n } = useTranslation();
	const { labelOf } = useThemeLabels(i18n.language);
	const [selected, setSelected] = useState<string | null>(null);
	const trends = useQuery({
		queryKey: ["text", "theme-trends", WEEKS],
		queryFn: async () => {
			const to = new Date();
			const from = new Date(to.getTime() - WEEKS * 7 * 86_400_000);
			try {
				return await api<ThemeTrend[] | { items: ThemeTrend[] }>(
					"GET",
					`/text/theme-trends?from=${from.toISOString()}&to=${to.toISOString()}&interval=week`,
				);
			} catch (error) {
				// The endpoint is not there yet: the panel stays hidden instead of showing an error.
				if (isApiError(error) && error.status === 404) return null;
				throw error;
			}
		},
		staleTime: 5 * 60_000,
	});
	const list = trends.data ? (Array.isArray(trends.data) ? trends.data : trends.data.items) : [];
	if (list.length === 0) return null;
	const ranked = [...list].sort(
		(a, b) => b.periods.reduce((sum, p) => sum + p.count, 0) - a.periods.reduce((sum, p) => sum + p.count, 0),
	);
	const current = ranked.find((trend) => trend.theme === selected) ?? ranked[0];
	if (!current) return null;

	return (
		<Paper withBorder p="md" mb="lg">
			<Group justify="space-between" mb="sm" gap="xs">
				<div>
					<Title order={2} size="h5">
						{t("text.trend.title")}
					</Title>
					<Group gap="md" mt={4}>
						<Text size="xs" c="dimmed">
							<span className="loupe-dot" style={{ background: "var(--mantine-color-brand-2)" }} />{" "}
							{t("text.trend.count")}
						</Text>
						<Text size="xs" c="dimmed">
							<span className="loupe-dot" data-sentiment="negative" /> {t("text.trend.negativeShare")}
						</Text>
					</Group>
				</div>
				<Select
					aria-label={t("text.trend.theme")}
					data={ranked.map((trend) => ({ value: trend.theme, label: labelOf(trend.theme) }))}
					value={current.theme}
					onChange={setSelected}
					allowDeselect={false}
					searchable
					w={240}
				/>
			</Group>
			<TrendChart periods={current.periods} title={t("text.trend.chartLabel", { theme: labelOf(current.theme) })} />
		</Paper>
	);
}
