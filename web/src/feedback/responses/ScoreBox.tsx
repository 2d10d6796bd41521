// A response's score as a small tinted box: green for promoters/satisfied/easy, amber for the middle, red for the rest.
import { Tooltip, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ScoreGroup } from "../../../../server/modules/surveys/contract";

const TONES: Record<ScoreGroup, "good" | "mid" | "bad"> = {
	promoter: "good",
	satisfied: "good",
	easy: "good",
	passive: "mid",
	neutral: "mid",
	detractor: "bad",
	dissatisfied: "bad",
	difficult: "bad",
};

type Props = { score: number | null; scoreType: "nps" | "csat" | "ces" | null; scoreGroup: ScoreGroup | null };

export function ScoreBox({ score, scoreType, scoreGroup }: Props) {
	const { t } = useTranslation();
	if (score === null || !scoreType) {
		return (
			<span className="loupe-score">
				–<VisuallyHidden>{t("feedback.responses.noScore")}</VisuallyHidden>
			</span>
		);
	}
	const label = `${scoreType.toUpperCase()} ${score}${scoreGroup ? ` · ${t(`feedback.scoreGroup.${scoreGroup}`)}` : ""}`;
	return (
		<Tooltip label={label} withArrow>
			<span className="loupe-score" data-tone={scoreGroup ? TONES[scoreGroup] : undefined} data-testid="response-score">
				{score}
				<VisuallyHidden> {label}</VisuallyHidden>
			</span>
		</Tooltip>
	);
}
