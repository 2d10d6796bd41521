// Responses per interval as bars, on the insights pages' shared ECharts set-up (bars registered here).
import { BarChart } from "echarts/charts";
import { useMemo } from "react";
import { echarts } from "../../charts/echarts";
import { useEChart } from "../../charts/useEChart";

echarts.use([BarChart]);

type Props = { points: { start: string; responses: number }[]; label: string; height?: number };

export function VolumeChart({ points, label, height = 200 }: Props) {
	const option = useMemo(
		() => ({
			animation: false,
			grid: { left: 48, right: 12, top: 12, bottom: 28 },
			tooltip: { trigger: "axis" },
			xAxis: { type: "category", data: points.map((p) => p.start), axisLabel: { hideOverlap: true } },
			yAxis: { type: "value", splitNumber: 3 },
			series: [{ type: "bar", name: label, data: points.map((p) => p.responses), itemStyle: { color: "#748ffc" } }],
		}),
		[points, label],
	);
	const ref = useEChart(option);
	return <div ref={ref} style={{ width: "100%", height }} role="img" aria-label={label} />;
}
