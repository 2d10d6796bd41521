// A line (the estimate per bucket) with its 95 % interval as a shaded band; empty buckets leave gaps.
import { useMantineTheme } from "@mantine/core";
import { useMemo } from "react";
import { useEChart } from "./useEChart";

export type BandPoint = { start: string; value: number | null; ci95: [number, number] | null; n: number };

type Props = {
	points: BandPoint[];
	/** Line and band colour (a Mantine colour name). */
	color?: string;
	height?: number;
	/** Fixed axis range, e.g. [-100, 100] for NPS; fitted to the band by default. */
	yRange?: [number, number];
	/** A horizontal reference line, e.g. a target or the period average. */
	reference?: { value: number; label: string } | null;
	formatValue?: (value: number) => string;
	labels: { value: string; interval: string; n: string };
	formatDay?: (day: string) => string;
};

export function SeriesWithBand({
	points,
	color = "indigo",
	height = 260,
	yRange,
	reference = null,
	formatValue = (v) => v.toFixed(1),
	labels,
	formatDay = (d) => d,
}: Props) {
	const theme = useMantineTheme();
	const line = theme.colors[color]?.[6] ?? color;
	const band = theme.colors[color]?.[2] ?? color;
	const option = useMemo(() => {
		const lower = points.map((p) => (p.ci95 ? p.ci95[0] : null));
		const width = points.map((p) => (p.ci95 ? p.ci95[1] - p.ci95[0] : null));
		return {
			animation: false,
			grid: { left: 48, right: 16, top: 16, bottom: 28 },
			tooltip: {
				trigger: "axis",
				formatter: (params: { dataIndex: number }[]) => {
					const point = points[params[0]?.dataIndex ?? 0];
					if (!point) return "";
					if (point.value === null) return `${formatDay(point.start)}<br/>${labels.n}: 0`;
					const ci = point.ci95 ? `${formatValue(point.ci95[0])} – ${formatValue(point.ci95[1])}` : "–";
					return `${formatDay(point.start)}<br/>${labels.value}: <b>${formatValue(point.value)}</b><br/>${labels.interval}: ${ci}<br/>${labels.n}: ${point.n}`;
				},
			},
			xAxis: {
				type: "category",
				data: points.map((p) => formatDay(p.start)),
				boundaryGap: false,
				axisLabel: { hideOverlap: true },
			},
			yAxis: {
				type: "value",
				scale: !yRange,
				...(yRange ? { min: yRange[0], max: yRange[1] } : {}),
				axisLabel: { formatter: (v: number) => formatValue(v) },
			},
			series: [
				{
					type: "line",
					data: lower,
					stack: "band",
					stackStrategy: "all",
					lineStyle: { opacity: 0 },
					symbol: "none",
					silent: true,
				},
				{
					type: "line",
					data: width,
					stack: "band",
					stackStrategy: "all",
					lineStyle: { opacity: 0 },
					areaStyle: { color: band, opacity: 0.55 },
					symbol: "none",
					silent: true,
				},
				{
					type: "line",
					data: points.map((p) => p.value),
					itemStyle: { color: line },
					lineStyle: { width: 2 },
					symbolSize: points.length > 60 ? 0 : 5,
					connectNulls: false,
					...(reference
						? {
								markLine: {
									silent: true,
									symbol: "none",
									lineStyle: { type: "dashed", color: theme.colors.gray[6] },
									label: { formatter: reference.label, position: "insideEndTop" },
									data: [{ yAxis: reference.value }],
								},
							}
						: {}),
				},
			],
		};
	}, [points, line, band, yRange, reference, formatValue, labels, formatDay, theme]);
	const ref = useEChart(option);
	return <div ref={ref} style={{ width: "100%", height }} role="img" aria-label={labels.value} />;
}
