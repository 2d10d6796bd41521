// The product's navigation as data: each area that exists adds one entry here.
import type { Permission } from "../../../lib/api/roles";
import { IconRoute, IconSettings } from "../ui/icons";

export type NavArea = {
	/** Translation key under `nav.` and test id. */
	key: string;
	to: "/journey" | "/settings";
	icon: (props: { size?: number }) => React.JSX.Element;
	/** Shown only to members who hold this permission. */
	permission?: Permission;
};

export const NAV_AREAS: NavArea[] = [
	{ key: "journey", to: "/journey", icon: IconRoute },
	{ key: "settings", to: "/settings", icon: IconSettings },
];
