// The insights area's navigation icon (bars with a trend line), drawn like the shared icons.
export const IconChart = ({ size = 18 }: { size?: number }) => (
	<svg
		width={size}
		height={size}
		viewBox="0 0 24 24"
		fill="none"
		stroke="currentColor"
		strokeWidth={1.8}
		strokeLinecap="round"
		strokeLinejoin="round"
		aria-hidden="true"
	>
		<path d="M4 20h16" />
		<path d="M6 16v-3M10 16v-6M14 16v-4M18 16v-8" />
		<path d="M5 9l5 -4l4 3l5 -4" />
	</svg>
);
