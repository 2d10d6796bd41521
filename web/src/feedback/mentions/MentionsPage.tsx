// Imported mentions (reviews, social posts, forum threads): filters, analysis chips, corrections and file import.
import {
	Anchor,
	Button,
	Drawer,
	EmptyState,
	Group,
	Paper,
	Rating,
	Select,
	SimpleGrid,
	Stack,
	Text,
	TextInput,
	UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import type { MentionView } from "../../../../server/modules/outreach/contract";
import { meQuery } from "../../api/session";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { AnalysisChips } from "../analysis/AnalysisChips";
import { asIntents, asSentiment, parseThemes, SENTIMENT_LABELS } from "../analysis/analysis-style";
import { CorrectionPanel } from "../analysis/CorrectionPanel";
import { useCorrection } from "../analysis/use-correction";
import { formatDateTime, touchpointOptions, useTouchpointCatalog } from "../feedback-api";
import { IconUpload } from "../feedback-icons";
import { useLiveEvents } from "../use-live-events";
import { ImportMentionsModal } from "./ImportMentionsModal";
import {
	EMPTY_MENTION_FILTERS,
	type MentionFilters,
	mentionsKey,
	patchMentionCaches,
	useMentions,
} from "./mentions-api";

export function MentionsPage() {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const { data: me } = useQuery(meQuery);
	const catalog = useTouchpointCatalog();
	const [filters, setFilters] = useState<MentionFilters>(EMPTY_MENTION_FILTERS);
	const [debounced] = useDebouncedValue(filters, 300);
	const [openId, setOpenId] = useState<string | null>(null);
	const [isImporting, setImporting] = useState(false);
	const mentions = useMentions(debounced);
	const items = mentions.data?.pages.flatMap((page) => page.items) ?? [];
	const open = items.find((mention) => mention.id === openId) ?? null;
	const canImport = Boolean(me && hasPermission(me.role, "outreach.write"));
	const set = <K extends keyof MentionFilters>(key: K, value: MentionFilters[K]) =>
		setFilters({ ...filters, [key]: value });

	useLiveEvents(["feedback.analyzed"], (message) => {
		if (message.data.kind === "mention") void queryClient.invalidateQueries({ queryKey: mentionsKey });
	});

	return (
		<>
			<Group justify="space-between" mb="sm" gap="xs">
				<Text size="sm" c="dimmed" maw={620}>
					{t("feedback.mentions.intro")}
				</Text>
				{canImport && (
					<Button leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
						{t("feedback.mentions.import")}
					</Button>
				)}
			</Group>
			<SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mb="sm">
				<TextInput
					type="search"
					aria-label={t("feedback.mentions.search")}
					placeholder={t("feedback.mentions.search")}
					value={filters.q}
					onChange={(event) => set("q", event.currentTarget.value)}
				/>
				<TextInput
					aria-label={t("feedback.mentions.source")}
					placeholder={t("feedback.mentions.source")}
					value={filters.source}
					onChange={(event) => set("source", event.currentTarget.value)}
				/>
				<Select
					aria-label={t("feedback.mentions.touchpoint")}
					placeholder={t("feedback.mentions.anyTouchpoint")}
					clearable
					searchable
					data={touchpointOptions(catalog.touchpoints, catalog.isMultiJourney)}
					value={filters.touchpointId}
					onChange={(value) => set("touchpointId", value)}
				/>
				<Select
					aria-label={t("feedback.mentions.sentiment")}
					placeholder={t("feedback.mentions.anySentiment")}
					clearable
					data={SENTIMENT_LABELS.map((label) => ({ value: label, label: t(`feedback.sentiment.${label}`) }))}
					value={filters.sentiment}
					onChange={(value) => set("sentiment", value)}
				/>
			</SimpleGrid>
			{mentions.isPending ? (
				<LoadingState />
			) : mentions.isError ? (
				<ErrorState error={mentions.error} onRetry={() => mentions.refetch()} />
			) : items.length === 0 ? (
				<EmptyState
					variant="light"
					title={t("feedback.mentions.emptyTitle")}
					description={t("feedback.mentions.empty")}
					py="xl"
				/>
			) : (
				<Paper withBorder>
					<Stack gap={0} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
						{items.map((mention, index) => (
							<li
								key={mention.id}
								style={index > 0 ? { borderTop: "1px solid var(--mantine-color-gray-2)" } : undefined}
							>
								<UnstyledButton
									className="loupe-response-row"
									w="100%"
									p="sm"
									onClick={() => setOpenId(mention.id)}
									data-testid="mention-row"
								>
									<Stack gap={6}>
										<Group gap="xs" wrap="wrap">
											<Text size="sm" fw={650}>
												{mention.source}
											</Text>
											{mention.rating !== null && <Rating value={mention.rating} readOnly size="xs" fractions={2} />}
											<Text size="xs" c="dimmed">
												{[
													mention.author,
													catalog.byId.get(mention.touchpointId ?? "")?.name,
													formatDateTime(mention.publishedAt, i18n.language),
												]
													.filter(Boolean)
													.join(" · ")}
											</Text>
										</Group>
										<Text size="sm" lineClamp={3} className="loupe-comment">
											{mention.text}
										</Text>
										<AnalysisChips
											hasText
											status={mention.analysisStatus}
											sentiment={asSentiment(mention.sentiment)}
											intents={asIntents(mention.intents)}
											themes={parseThemes(mention.themes)}
										/>
									</Stack>
								</UnstyledButton>
							</li>
						))}
					</Stack>
				</Paper>
			)}
			{mentions.hasNextPage && (
				<Group justify="center" mt="md">
					<Button variant="default" onClick={() => mentions.fetchNextPage()} loading={mentions.isFetchingNextPage}>
						{t("feedback.responses.loadMore")}
					</Button>
				</Group>
			)}
			<MentionDrawer mention={open} onClose={() => setOpenId(null)} />
			{isImporting && <ImportMentionsModal onClose={() => setImporting(false)} />}
		</>
	);
}

function MentionDrawer({ mention, onClose }: { mention: MentionView | null; onClose: () => void }) {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const { data: me } = useQuery(meQuery);
	const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
	const correction = useCorrection("mention", (id, change) => patchMentionCaches(queryClient, id, change), [
		mentionsKey,
	]);
	const canCorrect = Boolean(me && hasPermission(me.role, "text.correct"));
	return (
		<Drawer
			opened={mention !== null}
			onClose={onClose}
			position="right"
			size={isPhone ? "100%" : "lg"}
			title={mention ? `${mention.source}${mention.author ? ` · ${mention.author}` : ""}` : ""}
			closeButtonProps={{ "aria-label": t("common.close") }}
		>
			{mention && (
				<Stack gap="md">
					<Group gap="xs">
						{mention.rating !== null && <Rating value={mention.rating} readOnly fractions={2} />}
						<Text size="sm" c="dimmed">
							{formatDateTime(mention.publishedAt, i18n.language)}
							{mention.language ? ` · ${mention.language.toUpperCase()}` : ""}
						</Text>
					</Group>
					<Text size="sm" className="loupe-comment" p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
						{mention.text}
					</Text>
					{mention.url && (
						<Anchor href={mention.url} target="_blank" rel="noopener noreferrer" size="sm">
							{t("feedback.mentions.openSource")}
						</Anchor>
					)}
					{mention.analysisStatus === "done" ? (
						<CorrectionPanel
							status="done"
							sentiment={asSentiment(mention.sentiment)}
							intents={asIntents(mention.intents)}
							themes={parseThemes(mention.themes)}
							sentimentScores={mention.sentimentScores}
							canCorrect={canCorrect}
							isSaving={correction.isPending}
							onCorrect={(change) => correction.mutate({ targetId: mention.id, change })}
						/>
					) : (
						<Text size="sm" c="dimmed">
							{mention.analysisStatus === "pending" ? t("feedback.analysis.pending") : t("feedback.analysis.failed")}
						</Text>
					)}
				</Stack>
			)}
		</Drawer>
	);
}
