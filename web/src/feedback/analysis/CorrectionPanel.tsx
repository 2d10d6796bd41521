// The analysis of one comment with controls to correct it: sentiment, intents (toggle) and themes (add/remove).
import { ActionIcon, Chip, Group, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IntentLabel, SentimentLabel } from "../../../../server/modules/text/contract";
import { useThemeLabels } from "../../text/text-api";
import { AnalysisChips, ThemeBadge } from "./AnalysisChips";
import { INTENT_COLORS, INTENT_LABELS, SENTIMENT_LABELS, type ThemeHit } from "./analysis-style";
import type { CorrectionChange } from "./use-correction";

type Props = {
	status: "pending" | "done" | "failed";
	sentiment: SentimentLabel | null;
	intents: IntentLabel[];
	themes: ThemeHit[];
	sentimentScores: Record<string, number> | null;
	canCorrect: boolean;
	isSaving: boolean;
	onCorrect: (change: CorrectionChange) => void;
};

export function CorrectionPanel({
	status,
	sentiment,
	intents,
	themes,
	sentimentScores,
	canCorrect,
	isSaving,
	onCorrect,
}: Props) {
	const { t, i18n } = useTranslation();
	const { themes: taxonomy, labelOf } = useThemeLabels(i18n.language);
	const themeKeys = themes.map((theme) => theme.theme);

	if (!canCorrect) {
		return <AnalysisChips status={status} sentiment={sentiment} intents={intents} themes={themes} hasText />;
	}

	const addable = taxonomy
		.filter((theme) => theme.isActive && !themeKeys.includes(theme.key))
		.map((theme) => ({ value: theme.key, label: labelOf(theme.key) }))
		.sort((a, b) => a.label.localeCompare(b.label));

	return (
		<Stack gap="sm" data-testid="correction-panel">
			<div>
				<Text size="xs" fw={600} c="dimmed" mb={4} id="correct-sentiment">
					{t("feedback.correction.sentiment")}
				</Text>
				<SegmentedControl
					aria-labelledby="correct-sentiment"
					size="xs"
					fullWidth
					disabled={isSaving}
					value={sentiment ?? ""}
					onChange={(value) => onCorrect({ sentiment: value as SentimentLabel })}
					data={SENTIMENT_LABELS.map((label) => ({
						value: label,
						label: `${t(`feedback.sentiment.${label}`)}${
							sentimentScores?.[label] !== undefined ? ` · ${Math.round((sentimentScores[label] ?? 0) * 100)} %` : ""
						}`,
					}))}
					color={sentiment === "negative" ? "red" : sentiment === "positive" ? "teal" : "gray"}
				/>
			</div>
			<div>
				<Text size="xs" fw={600} c="dimmed" mb={4}>
					{t("feedback.correction.intents")}
				</Text>
				<Chip.Group multiple value={intents} onChange={(next) => onCorrect({ intents: next as IntentLabel[] })}>
					<Group gap={6}>
						{INTENT_LABELS.map((intent) => (
							<Chip key={intent} value={intent} size="xs" color={INTENT_COLORS[intent]} disabled={isSaving}>
								{t(`feedback.intent.${intent}`)}
							</Chip>
						))}
					</Group>
				</Chip.Group>
			</div>
			<div>
				<Text size="xs" fw={600} c="dimmed" mb={4}>
					{t("feedback.correction.themes")}
				</Text>
				<Group gap={6} mb={6}>
					{themes.length === 0 && (
						<Text size="sm" c="dimmed">
							{t("feedback.correction.noThemes")}
						</Text>
					)}
					{themes.map((theme) => (
						<ThemeBadge
							key={theme.theme}
							theme={theme}
							removeButton={
								<ActionIcon
									size={14}
									variant="transparent"
									color="gray"
									disabled={isSaving}
									aria-label={t("feedback.correction.removeTheme", { name: labelOf(theme.theme) })}
									onClick={() => onCorrect({ themes: themeKeys.filter((key) => key !== theme.theme) })}
								>
									×
								</ActionIcon>
							}
						/>
					))}
				</Group>
				<Select
					size="xs"
					aria-label={t("feedback.correction.addTheme")}
					placeholder={t("feedback.correction.addTheme")}
					searchable
					data={addable}
					value={null}
					disabled={isSaving || addable.length === 0}
					onChange={(key) => key && onCorrect({ themes: [...themeKeys, key] })}
					nothingFoundMessage={t("feedback.correction.noMatch")}
					maw={280}
				/>
			</div>
		</Stack>
	);
}
