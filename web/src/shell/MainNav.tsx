// The side navigation: one link per area the member may see, plus the API docs for admins.
import { NavLink, Stack, Text } from "@mantine/core";
import { Link, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../lib/api/roles";
import type { MeView } from "../../../server/modules/admin/contract";
import { IconBook } from "../ui/icons";
import { NAV_AREAS } from "./navigation";

export function MainNav({ me, onNavigate }: { me: MeView; onNavigate: () => void }) {
	const { t } = useTranslation();
	const pathname = useRouterState({ select: (state) => state.location.pathname });
	const areas = NAV_AREAS.filter((area) => !area.permission || hasPermission(me.role, area.permission));

	return (
		<Stack component="nav" aria-label={t("nav.label")} gap={4} h="100%">
			<Text hiddenFrom="xs" fw={600} size="sm" px="sm" pb="xs">
				{me.organization.name}
			</Text>
			{areas.map((area) => {
				const isActive = pathname === area.to || pathname.startsWith(`${area.to}/`);
				return (
					<NavLink
						key={area.key}
						className="loupe-nav-link"
						label={t(`nav.${area.key}`)}
						leftSection={<area.icon />}
						active={isActive}
						aria-current={isActive ? "page" : undefined}
						onClick={onNavigate}
						renderRoot={(props) => <Link to={area.to} {...props} />}
					/>
				);
			})}
			{hasPermission(me.role, "organization.write") && (
				<NavLink
					mt="auto"
					label={t("nav.apiDocs")}
					leftSection={<IconBook />}
					href="/api/docs"
					target="_blank"
					rel="noopener"
					component="a"
				/>
			)}
		</Stack>
	);
}
