// The survey builder: questions with live preview, settings, distribution and versions; save, publish and close.
import "../feedback.css";
import { Alert, Anchor, Badge, Button, Group, List, Modal, SegmentedControl, Stack, Tabs, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import type { SurveyDetailView, SurveyLanguage } from "../../../../server/modules/surveys/contract";
import { api, isApiError } from "../../api/client";
import { meQuery } from "../../api/session";
import { notifyError } from "../../forms/notify-error";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { IconArrowLeft } from "../../ui/icons";
import { notify } from "../../ui/notifications";
import { PageHeader } from "../../ui/PageHeader";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { surveyKey, surveysKey, surveyVersionsKey, useSurvey } from "../feedback-api";
import { DistributionPanel } from "./DistributionPanel";
import { errorsOf, placeOf, serverIssues } from "./draft-errors";
import { QuestionList } from "./QuestionList";
import { SurveyPreview } from "./SurveyPreview";
import { SurveySettingsPanel } from "./SurveySettingsPanel";
import { SurveyTextsCard } from "./SurveyTextsCard";
import {
	type DraftIssue,
	draftIssues,
	draftOf,
	newQuestion,
	type SurveyDraft,
	withValidSkipLogic,
} from "./survey-draft";
import { VersionList } from "./VersionList";

export function SurveyBuilderPage() {
	const { surveyId } = useParams({ from: "/app/feedback/surveys/$surveyId" });
	const survey = useSurvey(surveyId);
	if (survey.isPending) return <LoadingState />;
	if (survey.isError) return <ErrorState error={survey.error} onRetry={() => survey.refetch()} />;
	return <Builder key={`${survey.data.id}:${survey.data.currentVersion}`} survey={survey.data} />;
}

const STATUS_COLORS = { draft: "gray", live: "teal", closed: "red" } as const;
const TABS = ["questions", "settings", "distribution", "versions"] as const;

function Builder({ survey }: { survey: SurveyDetailView }) {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();
	const navigate = useNavigate();
	const { tab: tabParam } = useSearch({ from: "/app/feedback/surveys/$surveyId" });
	const { data: me } = useQuery(meQuery);
	const canEdit = Boolean(me && hasPermission(me.role, "surveys.write"));
	const saved = useMemo(() => draftOf(survey), [survey]);
	const [draft, setDraft] = useState<SurveyDraft>(saved);
	const [language, setLanguage] = useState<SurveyLanguage>(
		survey.languages.includes(i18n.language as SurveyLanguage)
			? (i18n.language as SurveyLanguage)
			: survey.defaultLanguage,
	);
	const [openId, setOpenId] = useState<string | null>(null);
	const [issues, setIssues] = useState<DraftIssue[]>([]);
	const [isSaving, setSaving] = useState(false);
	const [confirm, setConfirm] = useState<"publish" | "close" | null>(null);
	const isDirty = JSON.stringify(draft) !== JSON.stringify(saved);
	const errors = useMemo(() => errorsOf(issues, t), [issues, t]);
	const tab = TABS.find((candidate) => candidate === tabParam) ?? "questions";
	const editLanguage = draft.languages.includes(language) ? language : (draft.languages[0] ?? "de");

	useEffect(() => {
		if (!isDirty) return;
		const warn = (event: BeforeUnloadEvent) => event.preventDefault();
		window.addEventListener("beforeunload", warn);
		return () => window.removeEventListener("beforeunload", warn);
	}, [isDirty]);

	const update = (next: SurveyDraft) => {
		setDraft(next);
		if (issues.length > 0) setIssues(draftIssues(next, survey.kind));
	};
	const setQuestions = (questions: SurveyDraft["content"]["questions"]) =>
		update({ ...draft, content: { ...draft.content, questions: withValidSkipLogic(questions) } });

	const refresh = async (next?: SurveyDetailView) => {
		if (next) queryClient.setQueryData(surveyKey(survey.id), next);
		await Promise.all([
			queryClient.invalidateQueries({ queryKey: surveysKey }),
			queryClient.invalidateQueries({ queryKey: surveyVersionsKey(survey.id) }),
		]);
	};

	/** Saves the draft; answers false (and shows where) when something is missing. */
	const save = async (): Promise<boolean> => {
		const found = [
			...draftIssues(draft, survey.kind),
			...(draft.name.trim() ? [] : [{ path: "name", message: "", code: "too_small" }]),
		];
		setIssues(found);
		if (found.length > 0) {
			const first = /^questions\.(\d+)/.exec(found[0]?.path ?? "");
			if (first) setOpenId(draft.content.questions[Number(first[1])]?.id ?? null);
			return false;
		}
		setSaving(true);
		try {
			const next = await api<SurveyDetailView>("PATCH", `/surveys/${survey.id}`, {
				name: draft.name.trim(),
				touchpointId: draft.touchpointId,
				languages: draft.languages,
				defaultLanguage: draft.defaultLanguage,
				slug: draft.slug,
				hiddenFields: draft.hiddenFields,
				content: draft.content,
			});
			notify(
				"success",
				next.currentVersion > survey.currentVersion
					? t("feedback.builder.savedVersion", { version: next.currentVersion })
					: t("feedback.builder.saved"),
			);
			await refresh(next);
			return true;
		} catch (error) {
			if (isApiError(error) && error.fields.length > 0) setIssues(serverIssues(error.fields));
			notifyError(error, t);
			return false;
		} finally {
			setSaving(false);
		}
	};

	const changeStatus = async (action: "publish" | "close") => {
		if (isDirty && !(await save())) return setConfirm(null);
		setSaving(true);
		try {
			const next = await api<SurveyDetailView>("POST", `/surveys/${survey.id}/${action}`);
			notify("success", action === "publish" ? t("feedback.builder.published") : t("feedback.builder.closed"));
			setConfirm(null);
			await refresh(next);
		} catch (error) {
			notifyError(error, t);
		} finally {
			setSaving(false);
		}
	};

	const setTab = (value: string | null) =>
		value &&
		navigate({
			to: "/feedback/surveys/$surveyId",
			params: { surveyId: survey.id },
			search: { tab: value },
			replace: true,
		});

	return (
		<>
			<Anchor
				size="sm"
				mb="xs"
				display="inline-flex"
				style={{ alignItems: "center", gap: 4 }}
				renderRoot={(props) => <Link to="/feedback/surveys" {...props} />}
			>
				<IconArrowLeft size={14} /> {t("feedback.builder.back")}
			</Anchor>
			<PageHeader
				title={draft.name || survey.name}
				description={t("feedback.builder.summary", {
					kind: t(`feedback.kind.${survey.kind}`),
					audience: t(`feedback.audience.${survey.audience}`),
					version: survey.currentVersion,
				})}
				actions={
					<Group gap="xs">
						<Badge color={STATUS_COLORS[survey.status]} variant="light" size="lg" data-testid="survey-status">
							{t(`feedback.status.${survey.status}`)}
						</Badge>
						{isDirty && (
							<Badge color="yellow" variant="light" size="lg">
								{t("feedback.builder.unsaved")}
							</Badge>
						)}
						<Button
							variant="default"
							renderRoot={(props) => <Link to="/feedback/responses" search={{ survey: survey.id }} {...props} />}
						>
							{t("feedback.builder.responses")}
						</Button>
						{canEdit && (
							<>
								<Button
									variant={survey.status === "draft" ? "default" : "filled"}
									onClick={save}
									loading={isSaving}
									disabled={!isDirty}
								>
									{t("common.save")}
								</Button>
								{survey.status !== "live" ? (
									<Button onClick={() => setConfirm("publish")} disabled={isSaving}>
										{t("feedback.builder.publish")}
									</Button>
								) : (
									<Button color="red" variant="light" onClick={() => setConfirm("close")} disabled={isSaving}>
										{t("feedback.builder.close")}
									</Button>
								)}
							</>
						)}
					</Group>
				}
			/>
			{issues.length > 0 && (
				<Alert
					color="red"
					variant="light"
					mb="md"
					title={t("feedback.builder.issues", { count: issues.length })}
					role="alert"
				>
					<List size="sm" spacing={2}>
						{issues.slice(0, 8).map((issue) => (
							<List.Item key={`${issue.path}:${issue.message}`}>
								{placeOf(issue.path, t)}: {errors[issue.path]}
							</List.Item>
						))}
					</List>
				</Alert>
			)}
			<Tabs value={tab} onChange={setTab} mb="md" keepMounted={false}>
				<Tabs.List style={{ overflowX: "auto", flexWrap: "nowrap" }} mb="md">
					{TABS.filter((name) => canEdit || name !== "settings").map((name) => (
						<Tabs.Tab key={name} value={name}>
							{t(`feedback.builder.tabs.${name}`)}
						</Tabs.Tab>
					))}
				</Tabs.List>
				<Tabs.Panel value="questions">
					{survey.status !== "draft" && canEdit && (
						<Alert color="blue" variant="light" mb="md">
							{t("feedback.builder.liveNote", { version: survey.currentVersion + 1 })}
						</Alert>
					)}
					<div className="loupe-builder">
						<Stack gap="sm" style={{ minWidth: 0 }}>
							{draft.languages.length > 1 && (
								<Group gap="xs">
									<Text size="sm" fw={500} id="edit-language">
										{t("feedback.builder.editLanguage")}
									</Text>
									<SegmentedControl
										aria-labelledby="edit-language"
										size="xs"
										value={editLanguage}
										onChange={(value) => setLanguage(value as SurveyLanguage)}
										data={draft.languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
									/>
								</Group>
							)}
							{canEdit ? (
								<>
									<SurveyTextsCard
										content={draft.content}
										language={editLanguage}
										languages={draft.languages}
										errors={errors}
										onChange={(content) => update({ ...draft, content })}
									/>
									<QuestionList
										questions={draft.content.questions}
										openId={openId}
										language={editLanguage}
										languages={draft.languages}
										errors={errors}
										onOpen={setOpenId}
										onChange={setQuestions}
										onAdd={(type) => {
											const question = newQuestion(type, draft.content.questions, draft.languages);
											setQuestions([...draft.content.questions, question]);
											setOpenId(question.id);
										}}
									/>
								</>
							) : (
								<Alert color="gray" variant="light">
									{t("feedback.builder.readOnly")}
								</Alert>
							)}
						</Stack>
						<SurveyPreview content={draft.content} language={editLanguage} />
					</div>
				</Tabs.Panel>
				<Tabs.Panel value="settings">
					<SurveySettingsPanel
						draft={draft}
						errors={errors}
						publicUrl={survey.publicUrl}
						isReadOnly={!canEdit}
						onChange={update}
					/>
				</Tabs.Panel>
				<Tabs.Panel value="distribution">
					<DistributionPanel survey={survey} canEdit={canEdit} />
				</Tabs.Panel>
				<Tabs.Panel value="versions">
					<VersionList surveyId={survey.id} currentVersion={survey.currentVersion} languages={survey.languages} />
				</Tabs.Panel>
			</Tabs>
			<ConfirmDialog
				opened={confirm === "close"}
				title={t("feedback.builder.closeTitle")}
				message={t("feedback.builder.closeMessage", { name: survey.name })}
				confirmLabel={t("feedback.builder.close")}
				isPending={isSaving}
				onConfirm={() => changeStatus("close")}
				onClose={() => setConfirm(null)}
			/>
			<Modal
				opened={confirm === "publish"}
				onClose={() => setConfirm(null)}
				title={t("feedback.builder.publishTitle")}
				centered
				closeButtonProps={{ "aria-label": t("common.close") }}
			>
				<Text size="sm">
					{isDirty
						? t("feedback.builder.publishDirty", { name: draft.name })
						: t("feedback.builder.publishMessage", { name: draft.name })}
				</Text>
				<Group justify="flex-end" mt="lg">
					<Button variant="default" onClick={() => setConfirm(null)} data-autofocus>
						{t("common.cancel")}
					</Button>
					<Button onClick={() => changeStatus("publish")} loading={isSaving}>
						{t("feedback.builder.publish")}
					</Button>
				</Group>
			</Modal>
		</>
	);
}
