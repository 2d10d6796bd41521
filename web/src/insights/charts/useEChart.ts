// Mounts an ECharts instance on a div, keeps its option current and its size in step with the container.
import { useEffect, useRef } from "react";
import { type EChartsOption, echarts } from "./echarts";

export function useEChart<T extends HTMLElement = HTMLDivElement>(option: EChartsOption) {
	const ref = useRef<T>(null);
	const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

	useEffect(() => {
		const element = ref.current;
		if (!element) return;
		const instance = echarts.init(element, undefined, { renderer: "canvas" });
		chart.current = instance;
		const observer = new ResizeObserver(() => instance.resize());
		observer.observe(element);
		return () => {
			observer.disconnect();
			instance.dispose();
			chart.current = null;
		};
	}, []);

	useEffect(() => {
		chart.current?.setOption(option, { notMerge: true });
	}, [option]);

	return ref;
}
