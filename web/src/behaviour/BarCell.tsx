// A number with a proportional bar behind it (tables of pages, queries and funnel steps).
import { Box, Text } from "@mantine/core";

export function BarCell({
	value,
	max,
	label,
	color = "var(--mantine-color-blue-light)",
}: {
	value: number;
	max: number;
	label: string;
	color?: string;
}) {
	const width = max > 0 ? Math.max(2, (value / max) * 100) : 0;
	return (
		<Box pos="relative" miw={120}>
			<Box
				pos="absolute"
				top={0}
				bottom={0}
				left={0}
				w={`${width}%`}
				bg={color}
				style={{ borderRadius: 4 }}
				aria-hidden
			/>
			<Text pos="relative" size="sm" px={6} py={2}>
				{label}
			</Text>
		</Box>
	);
}
