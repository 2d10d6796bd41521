// The frame of the public pages: logo, language switch and a centred card.
import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../shell/LanguageSwitch";
import { Logo } from "../shell/Logo";

type Props = { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode };

export function AuthLayout({ title, subtitle, children, footer }: Props) {
	return (
		<Box mih="100vh" p="md">
			<Group justify="space-between" mb="xl">
				<Logo />
				<LanguageSwitch />
			</Group>
			<Center component="main">
				<Stack w="100%" maw={420} gap="md">
					<Paper withBorder shadow="sm" p={{ base: "lg", sm: "xl" }}>
						<Title order={1} size="h3" mb={subtitle ? 4 : "lg"}>
							{title}
						</Title>
						{subtitle && (
							<Text c="dimmed" size="sm" mb="lg">
								{subtitle}
							</Text>
						)}
						{children}
					</Paper>
					{footer && (
						<Text ta="center" size="sm">
							{footer}
						</Text>
					)}
				</Stack>
			</Center>
		</Box>
	);
}
