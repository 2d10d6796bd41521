// The behaviour area: what customers do — overview, funnels, site search, slow pages, paths, real time, setup.
import { Group, SegmentedControl, Tabs } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../ui/PageHeader";
import { lastDays } from "./behaviour-api";
import { FunnelsTab } from "./FunnelsTab";
import { OverviewTab } from "./OverviewTab";
import { PathsTab } from "./PathsTab";
import { RealtimeTab } from "./RealtimeTab";
import { SearchTab } from "./SearchTab";
import { SetupTab } from "./SetupTab";
import { SlowPagesTab } from "./SlowPagesTab";

const TABS = ["overview", "funnels", "search", "slow", "paths", "realtime", "setup"] as const;

export function BehaviourPage() {
	const { t } = useTranslation();
	const [tab, setTab] = useState<string>("overview");
	const [days, setDays] = useState("30");
	const range = useMemo(() => lastDays(Number(days)), [days]);
	return (
		<>
			<PageHeader
				title={t("behaviour.title")}
				description={t("behaviour.intro")}
				actions={
					<Group>
						<SegmentedControl
							aria-label={t("behaviour.range")}
							value={days}
							onChange={setDays}
							data={["7", "30", "90", "365"].map((d) => ({
								value: d,
								label: t("behaviour.days", { count: Number(d) }),
							}))}
						/>
					</Group>
				}
			/>
			<Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
				<Tabs.List mb="md" style={{ overflowX: "auto", flexWrap: "nowrap" }}>
					{TABS.map((key) => (
						<Tabs.Tab key={key} value={key}>
							{t(`behaviour.tabs.${key}`)}
						</Tabs.Tab>
					))}
				</Tabs.List>
				<Tabs.Panel value="overview">
					<OverviewTab range={range} />
				</Tabs.Panel>
				<Tabs.Panel value="funnels">
					<FunnelsTab range={range} />
				</Tabs.Panel>
				<Tabs.Panel value="search">
					<SearchTab range={range} />
				</Tabs.Panel>
				<Tabs.Panel value="slow">
					<SlowPagesTab range={range} />
				</Tabs.Panel>
				<Tabs.Panel value="paths">
					<PathsTab range={range} />
				</Tabs.Panel>
				<Tabs.Panel value="realtime">
					<RealtimeTab />
				</Tabs.Panel>
				<Tabs.Panel value="setup">
					<SetupTab />
				</Tabs.Panel>
			</Tabs>
		</>
	);
}
