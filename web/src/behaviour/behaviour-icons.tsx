// The behaviour area's navigation icon (a pulse line), drawn like the shared icons.
export const IconActivity = ({ size = 18 }: { size?: number }) => (
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
		<path d="M3 12h4l3 -8l4 16l3 -8h4" />
	</svg>
);
