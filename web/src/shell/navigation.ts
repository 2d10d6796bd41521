// The product's navigation as data: each area that exists adds one entry here.
import type { Permission } from "../../../lib/api/roles";
import { IconActivity } from "../behaviour/behaviour-icons";
import { IconInbox } from "../cases/cases-icons";
import { IconMessage, IconTags } from "../feedback/feedback-icons";
import { IconChart } from "../insights/insights-icons";
import { IconRoute, IconSettings } from "../ui/icons";

export type NavArea = {
	/** Translation key under `nav.` and test id. */
	key: string;
	to: "/journey" | "/feedback" | "/topics" | "/behaviour" | "/insights" | "/cases" | "/settings";
	icon: (props: { size?: number }) => React.JSX.Element;
	/** Shown only to members who hold this permission. */
	permission?: Permission;
};

export const NAV_AREAS: NavArea[] = [
	{ key: "journey", to: "/journey", icon: IconRoute },
	{ key: "feedback", to: "/feedback", icon: IconMessage },
	{ key: "topics", to: "/topics", icon: IconTags },
	{ key: "behaviour", to: "/behaviour", icon: IconActivity },
	{ key: "insights", to: "/insights", icon: IconChart },
	{ key: "cases", to: "/cases", icon: IconInbox },
	{ key: "settings", to: "/settings", icon: IconSettings },
];
