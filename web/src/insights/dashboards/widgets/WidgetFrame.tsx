// The card around one dashboard widget: title, optional subtitle and badge, and the widget's error state.
import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

type Props = { title: string; subtitle?: string; badge?: ReactNode; error?: string; children: ReactNode };

export function WidgetFrame({ title, subtitle, badge, error, children }: Props) {
	return (
		<Card withBorder radius="md" padding="md" h="100%" className="loupe-widget">
			<Stack gap="xs" h="100%">
				<Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
					<div style={{ minWidth: 0 }}>
						<Text fw={600} size="sm" lineClamp={1}>
							{title}
						</Text>
						{subtitle && (
							<Text size="xs" c="dimmed" lineClamp={1}>
								{subtitle}
							</Text>
						)}
					</div>
					{badge}
				</Group>
				{error ? (
					<Badge color="red" variant="light">
						{error}
					</Badge>
				) : (
					children
				)}
			</Stack>
		</Card>
	);
}
