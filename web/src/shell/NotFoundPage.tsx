// Shown for any address the app does not know.
import { Button, Center, EmptyState } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { IconAlert } from "../ui/icons";
import { Logo } from "./Logo";

export function NotFoundPage() {
	const { t } = useTranslation();
	return (
		<Center mih="100vh" p="md" component="main">
			<EmptyState
				data-testid="not-found"
				icon={<IconAlert size={28} />}
				variant="light"
				title={t("notFound.title")}
				description={t("notFound.description")}
			>
				<EmptyState.Actions>
					<Button renderRoot={(props) => <Link to="/journey" {...props} />}>{t("notFound.home")}</Button>
				</EmptyState.Actions>
			</EmptyState>
			<div style={{ position: "absolute", top: 16, left: 16 }}>
				<Logo />
			</div>
		</Center>
	);
}
