// Compact chips for a comment's analysis: sentiment, intents and themes (each theme tinted by its aspect sentiment).
import { Badge, Group, Loader, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IntentLabel, SentimentLabel } from "../../../../server/modules/text/contract";
import { useThemeLabels } from "../../text/text-api";
import { INTENT_COLORS, SENTIMENT_COLORS, type ThemeHit } from "./analysis-style";

type Props = {
	status: "pending" | "done" | "failed";
	sentiment: SentimentLabel | null;
	intents: IntentLabel[];
	themes: ThemeHit[];
	hasText: boolean;
};

export function SentimentBadge({ sentiment }: { sentiment: SentimentLabel }) {
	const { t } = useTranslation();
	return (
		<Badge
			size="sm"
			tt="none"
			variant="light"
			color={SENTIMENT_COLORS[sentiment]}
			leftSection={<span className="loupe-dot" data-sentiment={sentiment} />}
			data-testid="sentiment-chip"
		>
			{t(`feedback.sentiment.${sentiment}`)}
		</Badge>
	);
}

export function ThemeBadge({ theme, removeButton }: { theme: ThemeHit; removeButton?: React.ReactNode }) {
	const { t, i18n } = useTranslation();
	const { labelOf } = useThemeLabels(i18n.language);
	const details = [
		theme.sentiment ? t("feedback.analysis.aspect", { sentiment: t(`feedback.sentiment.${theme.sentiment}`) }) : null,
		theme.confidence !== null ? t("feedback.analysis.confidence", { value: Math.round(theme.confidence * 100) }) : null,
	].filter(Boolean);
	const badge = (
		<Badge
			size="sm"
			tt="none"
			variant="outline"
			color={theme.sentiment ? SENTIMENT_COLORS[theme.sentiment] : "brand"}
			className="loupe-theme-chip"
			leftSection={theme.sentiment ? <span className="loupe-dot" data-sentiment={theme.sentiment} /> : undefined}
			rightSection={removeButton}
			data-testid="theme-chip"
		>
			{labelOf(theme.theme)}
		</Badge>
	);
	return details.length > 0 ? (
		<Tooltip label={details.join(" · ")} withArrow>
			{badge}
		</Tooltip>
	) : (
		badge
	);
}

export function IntentBadge({ intent }: { intent: IntentLabel }) {
	const { t } = useTranslation();
	return (
		<Badge size="sm" tt="none" variant="dot" color={INTENT_COLORS[intent]} data-testid="intent-chip">
			{t(`feedback.intent.${intent}`)}
		</Badge>
	);
}

export function AnalysisChips({ status, sentiment, intents, themes, hasText }: Props) {
	const { t } = useTranslation();
	if (!hasText) return null;
	if (status === "pending") {
		return (
			<Badge size="sm" tt="none" variant="default" leftSection={<Loader size={10} />} data-testid="analysis-pending">
				{t("feedback.analysis.pending")}
			</Badge>
		);
	}
	if (status === "failed") {
		return (
			<Badge size="sm" tt="none" variant="light" color="gray">
				{t("feedback.analysis.failed")}
			</Badge>
		);
	}
	return (
		<Group gap={4} wrap="wrap" data-testid="analysis-chips">
			{sentiment && <SentimentBadge sentiment={sentiment} />}
			{intents.map((intent) => (
				<IntentBadge key={intent} intent={intent} />
			))}
			{themes.map((theme) => (
				<ThemeBadge key={theme.theme} theme={theme} />
			))}
		</Group>
	);
}
