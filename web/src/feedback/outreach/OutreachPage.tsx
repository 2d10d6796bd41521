// Contacts & campaigns: email campaigns with stats, and the contact lists they go to.
import { SegmentedControl, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import { meQuery } from "../../api/session";
import { CampaignList } from "./CampaignList";
import { CampaignModal } from "./CampaignModal";
import { ContactsPanel } from "./ContactsPanel";

export function OutreachPage() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const { survey } = useSearch({ from: "/app/feedback/outreach" });
	const { data: me } = useQuery(meQuery);
	const canWrite = Boolean(me && hasPermission(me.role, "outreach.write"));
	const [view, setView] = useState<"campaigns" | "contacts">("campaigns");
	const [isCreating, setCreating] = useState(Boolean(survey) && canWrite);

	return (
		<Stack gap="md">
			<SegmentedControl
				value={view}
				onChange={(value) => setView(value as typeof view)}
				data={[
					{ value: "campaigns", label: t("feedback.campaigns.title") },
					{ value: "contacts", label: t("feedback.contacts.title") },
				]}
				style={{ alignSelf: "flex-start" }}
			/>
			{view === "campaigns" ? (
				<CampaignList canWrite={canWrite} onCreate={() => setCreating(true)} />
			) : (
				<ContactsPanel canWrite={canWrite} />
			)}
			{isCreating && (
				<CampaignModal
					surveyId={survey}
					onClose={() => {
						setCreating(false);
						if (survey) void navigate({ to: "/feedback/outreach", search: {}, replace: true });
					}}
				/>
			)}
		</Stack>
	);
}
