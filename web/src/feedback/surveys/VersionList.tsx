// The versions of a survey (editing a live survey creates a new one), each with a preview of its questions.
import { Badge, Button, Modal, Paper, SegmentedControl, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SurveyLanguage, SurveyVersionView } from "../../../../server/modules/surveys/contract";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { formatDateTime, useSurveyVersions } from "../feedback-api";
import { SurveyPreview } from "./SurveyPreview";

type Props = { surveyId: string; currentVersion: number; languages: SurveyLanguage[] };

export function VersionList({ surveyId, currentVersion, languages }: Props) {
	const { t, i18n } = useTranslation();
	const versions = useSurveyVersions(surveyId);
	const [shown, setShown] = useState<SurveyVersionView | null>(null);
	const [language, setLanguage] = useState<SurveyLanguage>(languages[0] ?? "de");

	if (versions.isPending) return <LoadingState />;
	if (versions.isError) return <ErrorState error={versions.error} onRetry={() => versions.refetch()} />;

	return (
		<>
			<Text size="sm" c="dimmed" mb="sm" maw={640}>
				{t("feedback.versions.intro")}
			</Text>
			<Paper withBorder maw={760}>
				<Table verticalSpacing="sm">
					<Table.Thead>
						<Table.Tr>
							<Table.Th>{t("feedback.versions.version")}</Table.Th>
							<Table.Th>{t("feedback.versions.created")}</Table.Th>
							<Table.Th>{t("feedback.versions.questions")}</Table.Th>
							<Table.Th w={110} />
						</Table.Tr>
					</Table.Thead>
					<Table.Tbody>
						{versions.data.items.map((version) => (
							<Table.Tr key={version.id}>
								<Table.Td fw={600}>
									v{version.version}{" "}
									{version.version === currentVersion && (
										<Badge size="xs" variant="light">
											{t("feedback.versions.current")}
										</Badge>
									)}
								</Table.Td>
								<Table.Td>{formatDateTime(version.createdAt, i18n.language)}</Table.Td>
								<Table.Td>{version.content.questions.length}</Table.Td>
								<Table.Td>
									<Button size="xs" variant="subtle" onClick={() => setShown(version)}>
										{t("feedback.versions.show")}
									</Button>
								</Table.Td>
							</Table.Tr>
						))}
					</Table.Tbody>
				</Table>
			</Paper>
			<Modal
				opened={shown !== null}
				onClose={() => setShown(null)}
				title={shown ? t("feedback.versions.previewTitle", { version: shown.version }) : ""}
				size="lg"
				closeButtonProps={{ "aria-label": t("common.close") }}
			>
				{languages.length > 1 && (
					<SegmentedControl
						mb="sm"
						size="xs"
						value={language}
						onChange={(value) => setLanguage(value as SurveyLanguage)}
						data={languages.map((l) => ({ value: l, label: l.toUpperCase() }))}
					/>
				)}
				{shown && <SurveyPreview content={shown.content} language={language} />}
			</Modal>
		</>
	);
}
