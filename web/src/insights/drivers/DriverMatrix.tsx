// The importance × performance matrix: one point per driver; quadrant lines at the median importance and at the
// sample's own performance (else the median), so "weak" means worse than the customers overall (ECharts scatter).
import { ScatterChart } from "echarts/charts";
import { GraphicComponent, GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([ScatterChart, GraphicComponent, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export type MatrixPoint = { label: string; importance: number; performance: number; n: number };

type Props = {
	points: MatrixPoint[];
	xName: string;
	yName: string;
	/** Captions of the four quadrants: top-left, top-right, bottom-left, bottom-right. */
	quadrants: [string, string, string, string];
	formatPerformance: (value: number) => string;
	/** The performance scale's limits (NPS −100…100, ratings 0–100): the axis never extends past them. */
	performanceRange: [number, number];
	/** Where strong and weak part: the whole sample's performance (the median of the points when absent). */
	performanceSplit: number;
	ariaLabel: string;
};

export function median(values: number[]): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function DriverMatrix({
	points,
	xName,
	yName,
	quadrants,
	formatPerformance,
	performanceRange,
	performanceSplit,
	ariaLabel,
}: Props) {
	const element = useRef<HTMLDivElement>(null);
	useEffect(() => {
		if (!element.current) return;
		const chart = echarts.init(element.current, undefined, { renderer: "svg" });
		const xMedian = median(points.map((p) => p.importance));
		const yMedian = performanceSplit;
		const xTop = Math.max(...points.map((p) => p.importance), 1) * 1.12;
		const xMax = Math.ceil(xTop / (xTop > 50 ? 10 : 5)) * (xTop > 50 ? 10 : 5);
		const yValues = points.map((p) => p.performance);
		const span = Math.max(Math.max(...yValues) - Math.min(...yValues), 10);
		// Bounds on multiples of a round tick step, so the first and last labels never crowd their neighbours.
		const step = [5, 10, 20, 25, 50].find((candidate) => candidate >= (span * 1.24) / 6) ?? 50;
		const yMin = Math.max(performanceRange[0], Math.floor((Math.min(...yValues) - span * 0.12) / step) * step);
		const yMax = Math.min(performanceRange[1], Math.ceil((Math.max(...yValues) + span * 0.12) / step) * step);
		const isFocus = (p: MatrixPoint) => p.importance >= xMedian && p.performance < yMedian;
		const corner = (
			text: string,
			horizontal: { left: number } | { right: number },
			vertical: { top: number } | { bottom: number },
		) => ({
			type: "text" as const,
			...horizontal,
			...vertical,
			silent: true,
			style: { text, fill: "#868e96", fontSize: 12, fontWeight: 600 as const },
		});
		chart.setOption({
			animation: false,
			grid: { left: 64, right: 32, top: 36, bottom: 56 },
			tooltip: {
				trigger: "item",
				formatter: (item: { data: [number, number, string, number] }) =>
					`<b>${item.data[2]}</b><br/>${xName}: ${item.data[0].toFixed(1)} %<br/>${yName}: ${formatPerformance(item.data[1])}<br/>n = ${item.data[3]}`,
			},
			xAxis: {
				type: "value",
				name: xName,
				nameLocation: "middle",
				nameGap: 32,
				min: 0,
				max: Math.ceil(xMax),
				axisLabel: { formatter: "{value} %" },
			},
			yAxis: { type: "value", name: yName, nameLocation: "middle", nameGap: 44, min: yMin, max: yMax, interval: step },
			graphic: [
				corner(quadrants[0], { left: 74 }, { top: 42 }),
				corner(quadrants[1], { right: 42 }, { top: 42 }),
				corner(quadrants[2], { left: 74 }, { bottom: 64 }),
				corner(quadrants[3], { right: 42 }, { bottom: 64 }),
			],
			series: [
				{
					type: "scatter",
					symbolSize: (value: [number, number, string, number]) => 10 + Math.min(18, Math.sqrt(value[3]) / 2),
					data: points.map((p) => ({
						value: [p.importance, p.performance, p.label, p.n],
						itemStyle: { color: isFocus(p) ? "#e03131" : "#1c7ed6", opacity: 0.85 },
					})),
					label: {
						show: true,
						position: "right",
						formatter: (item: { data: { value: [number, number, string] } }) => item.data.value[2],
						fontSize: 11,
						color: "#343a40",
					},
					labelLayout: { hideOverlap: true },
					markLine: {
						silent: true,
						symbol: "none",
						lineStyle: { type: "dashed", color: "#adb5bd" },
						label: { show: false },
						data: [{ xAxis: xMedian }, { yAxis: yMedian }],
					},
				},
			],
		});
		const observer = new ResizeObserver(() => chart.resize());
		observer.observe(element.current);
		return () => {
			observer.disconnect();
			chart.dispose();
		};
	}, [points, xName, yName, quadrants, formatPerformance, performanceRange, performanceSplit]);
	return <div ref={element} role="img" aria-label={ariaLabel} style={{ width: "100%", height: 420 }} />;
}
