// Settings of the cases area (admins): rules, SLA and business calendar, root causes, reply templates, inbound mail.
import { Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { InboundPanel } from "./InboundPanel";
import { RootCausesPanel } from "./RootCausesPanel";
import { RulesPanel } from "./RulesPanel";
import { SlaPanel } from "./SlaPanel";
import { TemplatesPanel } from "./TemplatesPanel";

const SECTIONS = ["rules", "sla", "rootCauses", "templates", "inbound"] as const;

export function CaseSettingsPage() {
	const { t } = useTranslation();
	const [section, setSection] = useState<string>("rules");
	return (
		<Tabs value={section} onChange={(value) => value && setSection(value)} orientation="vertical" keepMounted={false}>
			<Tabs.List miw={200}>
				{SECTIONS.map((key) => (
					<Tabs.Tab
						key={key}
						value={key}
						styles={{ tabLabel: { textAlign: "left" } }}
						style={{ justifyContent: "flex-start" }}
					>
						{t(`cases.settings.tabs.${key}`)}
					</Tabs.Tab>
				))}
			</Tabs.List>
			<Tabs.Panel value="rules" pl="lg">
				<RulesPanel />
			</Tabs.Panel>
			<Tabs.Panel value="sla" pl="lg">
				<SlaPanel />
			</Tabs.Panel>
			<Tabs.Panel value="rootCauses" pl="lg">
				<RootCausesPanel />
			</Tabs.Panel>
			<Tabs.Panel value="templates" pl="lg">
				<TemplatesPanel />
			</Tabs.Panel>
			<Tabs.Panel value="inbound" pl="lg">
				<InboundPanel />
			</Tabs.Panel>
		</Tabs>
	);
}
