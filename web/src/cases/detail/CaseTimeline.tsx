// The audit history of a case, newest first: who changed what (status, priority, assignee, department, tags, root
// cause), messages, escalations and SLA breaches.
import { Text, Timeline } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CaseEventView } from "../../../../server/modules/cases/contract";
import { formatDateTime } from "../../feedback/feedback-api";
import { useCaseAgents, useDepartments, useRootCauses } from "../cases-api";

type Names = { user: Map<string, string>; department: Map<string, string>; rootCause: Map<string, string> };

function describe(event: CaseEventView, names: Names, t: TFunction): string | null {
	const { from, to } = event.data as { from?: unknown; to?: unknown };
	const show = (value: unknown, lookup?: Map<string, string>, prefix?: string): string => {
		if (value === null || value === undefined) return "—";
		if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : "—";
		const text = String(value);
		if (prefix) return t(`${prefix}.${text}`, { defaultValue: text });
		return lookup?.get(text) ?? text;
	};
	switch (event.kind) {
		case "status":
			return `${show(from, undefined, "cases.status")} → ${show(to, undefined, "cases.status")}`;
		case "priority":
			return `${show(from, undefined, "cases.priority")} → ${show(to, undefined, "cases.priority")}`;
		case "assignee":
			return `${show(from, names.user)} → ${show(to, names.user)}`;
		case "department":
			return `${show(from, names.department)} → ${show(to, names.department)}`;
		case "root_cause":
			return show(to, names.rootCause);
		case "tags":
			return `${show(from)} → ${show(to)}`;
		case "agent_time": {
			const { minutes } = event.data as { minutes?: number };
			return minutes ? t("cases.events.minutes", { count: minutes }) : null;
		}
		case "escalated": {
			const { level } = event.data as { level?: number };
			return level ? t(`cases.events.level.${level}`, { defaultValue: String(level) }) : null;
		}
		default:
			return null;
	}
}

export function CaseTimeline({ events }: { events: CaseEventView[] }) {
	const { t, i18n } = useTranslation();
	const agents = useCaseAgents();
	const departments = useDepartments();
	const rootCauses = useRootCauses();
	const language = i18n.language === "en" ? "en" : "de";
	const names: Names = {
		user: new Map((agents.data?.items ?? []).map((agent) => [agent.userId, agent.name])),
		department: new Map((departments.data?.items ?? []).map((department) => [department.id, department.name])),
		rootCause: new Map((rootCauses.data?.items ?? []).map((cause) => [cause.id, cause.label[language]])),
	};
	// Oldest first is the stored order (stable for events of one transaction), shown newest first.
	const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at)).reverse();

	return (
		<Timeline bulletSize={14} lineWidth={2} data-testid="case-timeline">
			{ordered.map((event) => {
				const summary = describe(event, names, t);
				return (
					<Timeline.Item
						key={event.id}
						color={event.kind === "sla_breached" || event.kind === "escalated" ? "red" : undefined}
						title={
							<Text size="sm" fw={600}>
								{t(`cases.events.kind.${event.kind}`, { defaultValue: event.kind })}
							</Text>
						}
					>
						{summary && <Text size="sm">{summary}</Text>}
						<Text size="xs" c="dimmed">
							{formatDateTime(event.at, i18n.language)} ·{" "}
							{event.actorName ??
								(event.actor.startsWith("job:") ? t("cases.events.automatic") : t("cases.events.system"))}
						</Text>
					</Timeline.Item>
				);
			})}
		</Timeline>
	);
}
