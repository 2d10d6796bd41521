// The Loupe word mark: a magnifier glyph and the name.
import { Group, Text } from "@mantine/core";

export function Logo() {
	return (
		<Group gap={8} wrap="nowrap">
			<svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
				<circle cx="14" cy="14" r="9" fill="none" stroke="var(--mantine-color-brand-6)" strokeWidth="4" />
				<path d="M21 21l7 7" stroke="var(--mantine-color-brand-6)" strokeWidth="4" strokeLinecap="round" />
			</svg>
			<Text fw={700} size="lg" c="gray.9">
				Loupe
			</Text>
		</Group>
	);
}
