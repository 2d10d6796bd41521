// DE/EN switch: changes the language at once and, when signed in, stores it on the user (PATCH /me).
import { SegmentedControl } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MeView } from "../../../server/modules/admin/contract";
import { meQueryKey, saveLocale } from "../api/session";
import { notifyError } from "../forms/notify-error";
import { currentLanguage, isLanguage, type Language } from "../i18n/i18n";

export function LanguageSwitch() {
	const { t, i18n } = useTranslation();
	const queryClient = useQueryClient();

	const change = async (value: string) => {
		if (!isLanguage(value)) return;
		const previous: Language = currentLanguage();
		await i18n.changeLanguage(value);
		const me = queryClient.getQueryData<MeView | null>(meQueryKey);
		if (!me?.user) return;
		try {
			await saveLocale(value);
		} catch (error) {
			await i18n.changeLanguage(previous);
			notifyError(error, t);
		}
	};

	return (
		<SegmentedControl
			size="xs"
			value={currentLanguage()}
			onChange={change}
			aria-label={t("language.label")}
			data={[
				{ value: "de", label: <span title={t("language.de")}>DE</span> },
				{ value: "en", label: <span title={t("language.en")}>EN</span> },
			]}
		/>
	);
}
