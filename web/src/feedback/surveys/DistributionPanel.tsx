// Where a survey reaches people: its link (copy), QR code (PNG/SVG), the website widget with its script tag, and email.
import {
	ActionIcon,
	Alert,
	Badge,
	Button,
	Code,
	CopyButton,
	Group,
	Image,
	Paper,
	SimpleGrid,
	Stack,
	Text,
	Title,
	Tooltip,
} from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DistributionView, SurveyView } from "../../../../server/modules/surveys/contract";
import { IconCheck, IconCopy, IconLink } from "../../ui/icons";
import { useDistributions, useSites } from "../feedback-api";
import { IconCode, IconDownload, IconMail, IconQr } from "../feedback-icons";
import { WidgetDistributionModal } from "./WidgetDistributionModal";

function CopyField({ value, testId }: { value: string; testId?: string }) {
	const { t } = useTranslation();
	return (
		<Group gap="xs" wrap="nowrap">
			<Code block className="loupe-snippet" style={{ flex: 1, minWidth: 0 }} data-testid={testId}>
				{value}
			</Code>
			<CopyButton value={value}>
				{({ copied, copy }) => (
					<Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
						<ActionIcon
							variant="light"
							size="lg"
							color={copied ? "teal" : "brand"}
							onClick={copy}
							aria-label={copied ? t("common.copied") : t("common.copy")}
						>
							{copied ? <IconCheck /> : <IconCopy />}
						</ActionIcon>
					</Tooltip>
				)}
			</CopyButton>
		</Group>
	);
}

function Section({ icon, title, children }: { icon: React.ReactNode; title: string; children: React.ReactNode }) {
	return (
		<Paper withBorder p="md">
			<Group gap="xs" mb="sm" c="brand.7">
				{icon}
				<Title order={3} size="h5" c="dark">
					{title}
				</Title>
			</Group>
			{children}
		</Paper>
	);
}

const triggerSummary = (distribution: DistributionView, t: TFunction) => {
	const trigger = distribution.trigger;
	if (!trigger) return "";
	return [
		trigger.urlPatterns.join(", "),
		trigger.timeOnPageSeconds > 0
			? t("feedback.distribution.afterSeconds", { count: trigger.timeOnPageSeconds })
			: null,
		trigger.scrollDepthPercent > 0
			? t("feedback.distribution.afterScroll", { value: trigger.scrollDepthPercent })
			: null,
		trigger.exitIntent ? t("feedback.distribution.exitIntent") : null,
		trigger.customEvent ? t("feedback.distribution.onEvent", { name: trigger.customEvent }) : null,
		t("feedback.distribution.samplingShort", { value: trigger.samplingPercent }),
		t("feedback.distribution.fatigueShort", { count: trigger.fatigueDays }),
	]
		.filter(Boolean)
		.join(" · ");
};

export function DistributionPanel({ survey, canEdit }: { survey: SurveyView; canEdit: boolean }) {
	const { t } = useTranslation();
	const distributions = useDistributions(survey.id);
	const sites = useSites();
	const [isWidgetOpen, setWidgetOpen] = useState(false);
	const widgets = (distributions.data?.items ?? []).filter((distribution) => distribution.kind === "widget");
	const siteById = new Map((sites.data?.items ?? []).map((site) => [site.id, site]));
	const snippetSites = widgets.length > 0 ? [...new Set(widgets.map((w) => w.siteId))] : [sites.data?.items[0]?.id];
	const origin = window.location.origin;

	return (
		<Stack gap="md">
			{survey.status !== "live" && (
				<Alert color="yellow" variant="light">
					{survey.status === "draft" ? t("feedback.distribution.notLive") : t("feedback.distribution.closed")}
				</Alert>
			)}
			<SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
				<Section icon={<IconLink />} title={t("feedback.distribution.link")}>
					<Text size="sm" c="dimmed" mb="xs">
						{t("feedback.distribution.linkHint")}
					</Text>
					<CopyField value={survey.publicUrl} testId="public-link" />
					<Button
						component="a"
						href={survey.publicUrl}
						target="_blank"
						rel="noopener"
						variant="subtle"
						size="xs"
						mt="xs"
					>
						{t("feedback.distribution.open")}
					</Button>
				</Section>
				<Section icon={<IconQr />} title={t("feedback.distribution.qr")}>
					<Group align="flex-start" wrap="nowrap" gap="md">
						<Image
							src={`/api/v1/surveys/${survey.id}/qr.svg`}
							alt={t("feedback.distribution.qrAlt", { name: survey.name })}
							w={112}
							h={112}
							fit="contain"
							bg="white"
						/>
						<Stack gap="xs">
							<Text size="sm" c="dimmed">
								{t("feedback.distribution.qrHint")}
							</Text>
							<Group gap="xs">
								<Button
									component="a"
									href={`/api/v1/surveys/${survey.id}/qr.png`}
									download={`${survey.slug}-qr.png`}
									variant="default"
									size="xs"
									leftSection={<IconDownload size={14} />}
								>
									PNG
								</Button>
								<Button
									component="a"
									href={`/api/v1/surveys/${survey.id}/qr.svg`}
									download={`${survey.slug}-qr.svg`}
									variant="default"
									size="xs"
									leftSection={<IconDownload size={14} />}
								>
									SVG
								</Button>
							</Group>
						</Stack>
					</Group>
				</Section>
				<Section icon={<IconCode />} title={t("feedback.distribution.widget")}>
					<Stack gap="xs">
						{widgets.length === 0 ? (
							<Text size="sm" c="dimmed">
								{t("feedback.distribution.noWidget")}
							</Text>
						) : (
							widgets.map((widget) => (
								<div key={widget.id}>
									<Group gap={6}>
										<Text size="sm" fw={600}>
											{widget.name ?? t("feedback.distribution.widget")}
										</Text>
										<Badge size="xs" variant="light">
											{(widget.siteId && siteById.get(widget.siteId)?.name) ?? ""}
										</Badge>
									</Group>
									<Text size="xs" c="dimmed">
										{triggerSummary(widget, t)}
									</Text>
								</div>
							))
						)}
						{snippetSites.map((siteId) => {
							const site = siteId ? siteById.get(siteId) : undefined;
							if (!site) return null;
							return (
								<div key={site.id}>
									<Text size="xs" fw={600} mb={4}>
										{t("feedback.distribution.snippet", { site: site.name })}
									</Text>
									<CopyField value={`<script async src="${origin}/loupe.js" data-site="${site.publicKey}"></script>`} />
								</div>
							);
						})}
						{canEdit && (
							<Button variant="light" size="xs" onClick={() => setWidgetOpen(true)} style={{ alignSelf: "flex-start" }}>
								{t("feedback.distribution.addWidget")}
							</Button>
						)}
					</Stack>
				</Section>
				<Section icon={<IconMail />} title={t("feedback.distribution.email")}>
					<Text size="sm" c="dimmed" mb="sm">
						{t("feedback.distribution.emailHint")}
					</Text>
					<Button
						variant="light"
						size="xs"
						renderRoot={(props) => <Link to="/feedback/outreach" search={{ survey: survey.id }} {...props} />}
					>
						{t("feedback.distribution.createCampaign")}
					</Button>
				</Section>
			</SimpleGrid>
			{isWidgetOpen && <WidgetDistributionModal surveyId={survey.id} onClose={() => setWidgetOpen(false)} />}
		</Stack>
	);
}
