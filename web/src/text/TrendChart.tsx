// A small SVG chart of one theme per week: bars for the number of comments, a line for the share that is negative.
import { useTranslation } from "react-i18next";

export type TrendPeriod = { start: string; count: number; negative: number };

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 44, bottom: 28, left: 40 };

export function TrendChart({ periods, title }: { periods: TrendPeriod[]; title: string }) {
	const { t, i18n } = useTranslation();
	const maxCount = Math.max(1, ...periods.map((period) => period.count));
	const innerWidth = WIDTH - PAD.left - PAD.right;
	const innerHeight = HEIGHT - PAD.top - PAD.bottom;
	const step = innerWidth / Math.max(1, periods.length);
	const barWidth = Math.max(4, step * 0.6);
	const y = (count: number) => PAD.top + innerHeight - (count / maxCount) * innerHeight;
	const yShare = (share: number) => PAD.top + innerHeight - share * innerHeight;
	const x = (index: number) => PAD.left + step * index + step / 2;
	const shareOf = (period: TrendPeriod) => (period.count > 0 ? period.negative / period.count : 0);
	const week = new Intl.DateTimeFormat(i18n.language, { day: "2-digit", month: "2-digit" });
	const line = periods
		.map((period, index) => `${index === 0 ? "M" : "L"}${x(index)},${yShare(shareOf(period))}`)
		.join("");
	const labelEvery = Math.ceil(periods.length / 8);

	return (
		<svg
			viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
			width="100%"
			role="img"
			aria-label={title}
			className="loupe-chart"
			style={{ maxHeight: 260 }}
		>
			<title>{title}</title>
			{[0, 0.5, 1].map((tick) => (
				<g key={tick}>
					<line
						x1={PAD.left}
						x2={WIDTH - PAD.right}
						y1={PAD.top + innerHeight * (1 - tick)}
						y2={PAD.top + innerHeight * (1 - tick)}
						stroke="var(--mantine-color-gray-2)"
					/>
					<text x={PAD.left - 6} y={PAD.top + innerHeight * (1 - tick) + 4} textAnchor="end">
						{Math.round(maxCount * tick)}
					</text>
					<text x={WIDTH - PAD.right + 6} y={PAD.top + innerHeight * (1 - tick) + 4}>
						{Math.round(tick * 100)} %
					</text>
				</g>
			))}
			{periods.map((period, index) => (
				<g key={period.start}>
					<rect
						x={x(index) - barWidth / 2}
						y={y(period.count)}
						width={barWidth}
						height={PAD.top + innerHeight - y(period.count)}
						fill="var(--mantine-color-brand-2)"
						rx={2}
					>
						<title>
							{t("text.trend.tooltip", {
								week: week.format(new Date(period.start)),
								count: period.count,
								share: Math.round(shareOf(period) * 100),
							})}
						</title>
					</rect>
					{index % labelEvery === 0 && (
						<text x={x(index)} y={HEIGHT - 8} textAnchor="middle">
							{week.format(new Date(period.start))}
						</text>
					)}
				</g>
			))}
			<path d={line} fill="none" stroke="var(--mantine-color-red-6)" strokeWidth={2} />
			{periods.map((period, index) => (
				<circle key={period.start} cx={x(index)} cy={yShare(shareOf(period))} r={3} fill="var(--mantine-color-red-6)" />
			))}
		</svg>
	);
}
