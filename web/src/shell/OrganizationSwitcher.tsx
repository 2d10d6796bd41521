// The organization name in the header; a menu to switch when the user belongs to several.
import { Button, Menu, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { MeView } from "../../../server/modules/admin/contract";
import { switchOrganization } from "../api/session";
import { notifyError } from "../forms/notify-error";
import { IconBuilding, IconCheck, IconSwitch } from "../ui/icons";

export function OrganizationSwitcher({ me }: { me: MeView }) {
	const { t } = useTranslation();
	const navigate = useNavigate();

	if (me.organizations.length < 2) {
		return (
			<Text fw={600} size="sm" truncate="end" data-testid="organization-name" visibleFrom="xs">
				{me.organization.name}
			</Text>
		);
	}

	const choose = async (organizationId: string) => {
		if (organizationId === me.organization.id) return;
		try {
			await switchOrganization(organizationId);
			await navigate({ to: "/journey", search: {} });
		} catch (error) {
			notifyError(error, t);
		}
	};

	return (
		<Menu position="bottom-start" withinPortal>
			<Menu.Target>
				<Button
					variant="subtle"
					color="gray"
					leftSection={<IconBuilding size={16} />}
					rightSection={<IconSwitch size={14} />}
					aria-label={t("shell.switchOrganization", { name: me.organization.name })}
					data-testid="organization-name"
				>
					<Text fw={600} size="sm" truncate="end" maw={220}>
						{me.organization.name}
					</Text>
				</Button>
			</Menu.Target>
			<Menu.Dropdown>
				<Menu.Label>{t("shell.organizations")}</Menu.Label>
				{me.organizations.map((organization) => (
					<Menu.Item
						key={organization.id}
						onClick={() => choose(organization.id)}
						rightSection={organization.id === me.organization.id ? <IconCheck size={16} /> : null}
					>
						{organization.name}
					</Menu.Item>
				))}
			</Menu.Dropdown>
		</Menu>
	);
}
