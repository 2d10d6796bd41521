// Changing one case with its version as If-Match: a conflict (someone else saved first) reloads instead of overwriting.
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CaseDetailView, UpdateCaseInput } from "../../../../server/modules/cases/contract";
import { notify } from "../../ui/notifications";
import { isEditConflict, updateCase, useRefreshCases } from "../cases-api";

export function useCaseUpdate(detail: CaseDetailView | undefined, onSaved?: () => void) {
	const { t } = useTranslation();
	const refresh = useRefreshCases();
	return useMutation({
		mutationFn: (input: UpdateCaseInput) => {
			if (!detail) throw new Error("The case is not loaded");
			return updateCase(detail.id, detail.version, input);
		},
		onSuccess: () => {
			refresh(detail?.id);
			onSaved?.();
		},
		onError: (error) => {
			if (isEditConflict(error)) {
				notify("info", t("cases.detail.conflict"));
				refresh(detail?.id);
				return;
			}
			notify("error", t("cases.detail.saveFailed"), error.message);
		},
	});
}
