// The title row of a page: heading, optional description and actions on the right.
import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

type Props = { title: string; description?: string; actions?: ReactNode };

export function PageHeader({ title, description, actions }: Props) {
	return (
		<Group justify="space-between" align="flex-start" mb="lg" gap="sm">
			<Stack gap={4} style={{ minWidth: 0, flex: "1 1 240px" }}>
				<Title order={1} size="h2">
					{title}
				</Title>
				{description && (
					<Text c="dimmed" size="sm">
						{description}
					</Text>
				)}
			</Stack>
			{actions && <Group gap="xs">{actions}</Group>}
		</Group>
	);
}
