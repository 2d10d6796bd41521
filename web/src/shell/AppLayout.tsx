// The signed-in shell: header (organization, language, user), side navigation and the page.
import { AppShell, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { Outlet } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../api/session";
import { LoadingState } from "../ui/QueryState";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";
import { MainNav } from "./MainNav";
import { OrganizationSwitcher } from "./OrganizationSwitcher";
import { UserMenu } from "./UserMenu";

export function AppLayout() {
	const { t, i18n } = useTranslation();
	const [isNavOpen, nav] = useDisclosure(false);
	const { data: me } = useQuery(meQuery);
	const locale = me?.user?.locale;

	useEffect(() => {
		if (locale && locale !== i18n.language) i18n.changeLanguage(locale);
	}, [locale, i18n]);

	if (!me) return <LoadingState />;

	return (
		<AppShell
			header={{ height: 60 }}
			navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !isNavOpen } }}
			padding={{ base: "sm", sm: "lg" }}
		>
			<AppShell.Header px="md">
				<Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
					<Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
						<Burger
							opened={isNavOpen}
							onClick={nav.toggle}
							hiddenFrom="sm"
							size="sm"
							aria-label={isNavOpen ? t("shell.closeNavigation") : t("shell.openNavigation")}
						/>
						<Logo />
						<OrganizationSwitcher me={me} />
					</Group>
					<Group gap="sm" wrap="nowrap">
						<LanguageSwitch />
						<UserMenu me={me} />
					</Group>
				</Group>
			</AppShell.Header>
			<AppShell.Navbar p="sm">
				<MainNav me={me} onNavigate={nav.close} />
			</AppShell.Navbar>
			<AppShell.Main>
				<Outlet />
			</AppShell.Main>
		</AppShell>
	);
}
