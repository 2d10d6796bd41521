// Queries and mutations of alerts: fired alerts by status, acknowledge/resolve, rules CRUD, evaluation on demand.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../../lib/api/pagination";
import type {
	AlertRuleView,
	AlertRuleWithSecretView,
	AlertView,
	CreateAlertRuleInput,
	EvaluationView,
	UpdateAlertRuleInput,
} from "../../../../server/modules/analytics/contract-alerts";
import { api } from "../../api/client";

export const alertsKey = ["alerts"] as const;
const rulesKey = ["alert-rules"] as const;

export const useAlerts = (status: "active" | "resolved" | "all") =>
	useQuery({
		queryKey: [...alertsKey, status],
		queryFn: () =>
			api<Page<AlertView>>("GET", `/analytics/alerts?limit=100${status === "all" ? "" : `&status=${status}`}`),
	});

export function useAlertStatus() {
	const client = useQueryClient();
	return useMutation({
		mutationFn: ({ id, status }: { id: string; status: "acknowledged" | "resolved" | "open" }) =>
			api<AlertView>("PATCH", `/analytics/alerts/${id}`, { status }),
		onSuccess: () => {
			client.invalidateQueries({ queryKey: alertsKey });
			client.invalidateQueries({ queryKey: ["dashboards"] });
		},
	});
}

export const useAlertRules = () =>
	useQuery({ queryKey: rulesKey, queryFn: () => api<{ items: AlertRuleView[] }>("GET", "/analytics/alert-rules") });

export function useAlertRuleMutations() {
	const client = useQueryClient();
	const refresh = () => client.invalidateQueries({ queryKey: rulesKey });
	return {
		save: useMutation({
			mutationFn: ({ id, input }: { id?: string; input: CreateAlertRuleInput | UpdateAlertRuleInput }) =>
				id
					? api<AlertRuleWithSecretView>("PATCH", `/analytics/alert-rules/${id}`, input)
					: api<AlertRuleWithSecretView>("POST", "/analytics/alert-rules", input),
			onSuccess: refresh,
		}),
		remove: useMutation({
			mutationFn: (id: string) => api<void>("DELETE", `/analytics/alert-rules/${id}`),
			onSuccess: refresh,
		}),
		evaluate: useMutation({
			mutationFn: () => api<EvaluationView>("POST", "/analytics/alert-rules/evaluate"),
			onSuccess: () => {
				refresh();
				client.invalidateQueries({ queryKey: alertsKey });
			},
		}),
	};
}
