// The user menu in the header: who is signed in, with which role, and sign-out.
import { Avatar, Menu, UnstyledButton } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { MeView } from "../../../server/modules/admin/contract";
import { signOut } from "../api/session";
import { notifyError } from "../forms/notify-error";
import { IconLogout } from "../ui/icons";

const initials = (name: string) =>
	name
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, 2)
		.map((part) => part[0]?.toUpperCase())
		.join("");

export function UserMenu({ me }: { me: MeView }) {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const name = me.user?.name ?? me.apiKey?.name ?? "";

	const leave = async () => {
		try {
			await signOut();
			await navigate({ to: "/sign-in", search: {} });
		} catch (error) {
			notifyError(error, t);
		}
	};

	return (
		<Menu position="bottom-end" withinPortal>
			<Menu.Target>
				<UnstyledButton aria-label={t("shell.userMenu", { name })} data-testid="user-menu">
					<Avatar color="brand" radius="xl" size={34}>
						{initials(name)}
					</Avatar>
				</UnstyledButton>
			</Menu.Target>
			<Menu.Dropdown>
				<Menu.Label>
					{name}
					<br />
					{me.user?.email} · {t(`roles.${me.role}`)}
				</Menu.Label>
				<Menu.Divider />
				<Menu.Item leftSection={<IconLogout size={16} />} onClick={leave}>
					{t("shell.signOut")}
				</Menu.Item>
			</Menu.Dropdown>
		</Menu>
	);
}
