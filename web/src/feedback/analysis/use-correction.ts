// Sends a person's correction of an analysis: applied to the caches at once, rolled back if the server refuses.
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CorrectionInput, IntentLabel, SentimentLabel } from "../../../../server/modules/text/contract";
import { api } from "../../api/client";
import { notifyError } from "../../forms/notify-error";
import { notify } from "../../ui/notifications";

export type CorrectionChange = { sentiment?: SentimentLabel; intents?: IntentLabel[]; themes?: string[] };

/**
 * `applyOptimistic` edits the caches that show the target and returns how to undo that; `refresh` lists the
 * queries to refetch once the server answered (the stored analysis is the truth).
 */
export function useCorrection(
	targetKind: CorrectionInput["targetKind"],
	applyOptimistic: (targetId: string, change: CorrectionChange) => () => void,
	refresh: QueryKey[],
) {
	const { t } = useTranslation();
	const queryClient = useQueryClient();
	return useMutation({
		mutationFn: ({ targetId, change }: { targetId: string; change: CorrectionChange }) =>
			api<void>("POST", "/text/corrections", { targetKind, targetId, ...change } satisfies CorrectionInput),
		onMutate: ({ targetId, change }) => ({ undo: applyOptimistic(targetId, change) }),
		onError: (error, _variables, context) => {
			context?.undo();
			notifyError(error, t);
		},
		onSuccess: () => notify("success", t("feedback.correction.saved"), t("feedback.correction.savedHint")),
		onSettled: () => Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
	});
}
