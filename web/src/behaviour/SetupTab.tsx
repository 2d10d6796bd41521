// The script tag of each site, and the commands a shop can call.
import { Card, Code, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorState, LoadingState } from "../ui/QueryState";
import { useSites } from "./behaviour-api";

export function SetupTab() {
	const { t } = useTranslation();
	const sites = useSites();
	if (sites.isPending) return <LoadingState />;
	if (sites.isError) return <ErrorState error={sites.error} onRetry={() => sites.refetch()} />;
	const origin = window.location.origin;
	return (
		<Stack>
			<Text size="sm" c="dimmed">
				{t("behaviour.setupIntro")}
			</Text>
			{sites.data.items.map((site) => (
				<Card withBorder key={site.id}>
					<Title order={3} size="h5" mb="xs">
						{site.name}
					</Title>
					<Code
						block
						data-testid="script-tag"
					>{`<script async src="${origin}/loupe.js" data-site="${site.publicKey}"></script>`}</Code>
				</Card>
			))}
			<Card withBorder>
				<Title order={3} size="h5" mb="xs">
					{t("behaviour.commandsTitle")}
				</Title>
				<Code block>{`window.loupe = window.loupe || function () { (loupe.q = loupe.q || []).push(arguments) };
loupe('step', 'payment');                       // ${t("behaviour.commands.step")}
loupe('search', 'sofa grau', 0);                // ${t("behaviour.commands.search")}
loupe('event', 'newsletter_signup', { list: 'a' }); // ${t("behaviour.commands.event")}
loupe('identify', 'customer-42');               // ${t("behaviour.commands.identify")}
<button data-loupe-event="size_chart">…</button> <!-- ${t("behaviour.commands.click")} -->`}</Code>
				<Text size="sm" c="dimmed" mt="xs">
					{t("behaviour.privacyNote")}
				</Text>
			</Card>
		</Stack>
	);
}
