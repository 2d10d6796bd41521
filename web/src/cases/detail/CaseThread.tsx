// The conversation of a case, oldest first: the customer's messages, our replies with their delivery status, internal
// notes (visually distinct, never sent) and public notes.
import { Badge, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CaseMessageView } from "../../../../server/modules/cases/contract";
import { formatDateTime } from "../../feedback/feedback-api";

/** "retrying": the email job failed at least once and tries again (queued with attempts). */
function deliveryOf(
	message: CaseMessageView,
): { status: "queued" | "sent" | "retrying" | "failed"; color: string } | null {
	if (message.kind !== "outbound" || !message.emailStatus) return null;
	if (message.emailStatus === "sent") return { status: "sent", color: "teal" };
	if (message.emailStatus === "failed") return { status: "failed", color: "red" };
	return (message.emailAttempts ?? 0) > 0
		? { status: "retrying", color: "orange" }
		: { status: "queued", color: "gray" };
}

export function CaseThread({ messages }: { messages: CaseMessageView[] }) {
	const { t, i18n } = useTranslation();
	if (messages.length === 0) {
		return (
			<Text size="sm" c="dimmed" py="md" ta="center">
				{t("cases.thread.empty")}
			</Text>
		);
	}
	const ordered = [...messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	return (
		<Stack gap="sm" data-testid="case-thread">
			{ordered.map((message) => {
				const delivery = deliveryOf(message);
				const isOurs = message.kind !== "inbound";
				return (
					<Paper
						key={message.id}
						withBorder
						p="sm"
						className="loupe-message"
						data-kind={message.kind}
						ml={isOurs ? "xl" : 0}
						mr={isOurs ? 0 : "xl"}
						data-testid="case-message"
					>
						<Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
							<Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
								<Badge size="xs" variant="light" color={message.kind === "note" ? "yellow" : "gray"}>
									{t(`cases.thread.kind.${message.kind}`)}
								</Badge>
								<Text size="xs" fw={600} truncate="end">
									{message.kind === "inbound"
										? (message.fromAddress ?? t("cases.thread.customer"))
										: (message.authorName ?? t("cases.thread.system"))}
								</Text>
							</Group>
							<Group gap="xs" wrap="nowrap">
								{delivery && (
									<Tooltip
										label={message.emailError ?? t(`cases.thread.delivery.${delivery.status}`)}
										withArrow
										multiline
										maw={320}
									>
										<Badge size="xs" variant="dot" color={delivery.color} data-testid="delivery-status">
											{t(`cases.thread.delivery.${delivery.status}`)}
										</Badge>
									</Tooltip>
								)}
								<Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
									{formatDateTime(message.createdAt, i18n.language)}
								</Text>
							</Group>
						</Group>
						{message.subject && (
							<Text size="sm" fw={600} mb={2}>
								{message.subject}
							</Text>
						)}
						<Text size="sm" className="loupe-message-body">
							{message.body}
						</Text>
					</Paper>
				);
			})}
		</Stack>
	);
}
