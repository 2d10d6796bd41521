// The inbox's view list: my cases, unassigned, overdue, all (admins), per department, unanswered feedback per department.
import { Badge, NavLink, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { isRoleAtLeast } from "../../../../lib/api/roles";
import { meQuery } from "../../api/session";
import { useDepartments, useUnanswered } from "../cases-api";
import { type InboxView, viewKey } from "./inbox-views";

type Props = { view: InboxView; onChange: (view: InboxView) => void };

export function InboxSidebar({ view, onChange }: Props) {
	const { t } = useTranslation();
	const { data: me } = useQuery(meQuery);
	const departments = useDepartments();
	const unanswered = useUnanswered(null);
	const isAdmin = me ? isRoleAtLeast(me.role, "admin") : false;
	const mine = new Set(me?.departmentIds ?? []);
	const visible = (departments.data?.items ?? []).filter((department) => isAdmin || mine.has(department.id));
	const unansweredCounts = new Map(
		(unanswered.data?.pages[0]?.countsByDepartment ?? []).map((entry) => [entry.departmentId, entry.count]),
	);
	const current = viewKey(view);
	const link = (target: InboxView, label: string, count?: number) => (
		<NavLink
			key={viewKey(target)}
			label={label}
			active={current === viewKey(target)}
			onClick={() => onChange(target)}
			rightSection={
				count ? (
					<Badge size="xs" variant="light" color="gray">
						{count}
					</Badge>
				) : undefined
			}
			py={6}
			data-testid={`inbox-view-${viewKey(target)}`}
		/>
	);

	return (
		<Paper withBorder p={4} component="nav" aria-label={t("cases.views.label")}>
			<Stack gap={0}>
				{link({ kind: "mine" }, t("cases.views.mine"))}
				{link({ kind: "unassigned" }, t("cases.views.unassigned"))}
				{link({ kind: "overdue" }, t("cases.views.overdue"))}
				{isAdmin && link({ kind: "all" }, t("cases.views.all"))}
				{visible.length > 0 && (
					<Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" pt="sm" pb={4}>
						{t("cases.views.departments")}
					</Text>
				)}
				{visible.map((department) => link({ kind: "department", departmentId: department.id }, department.name))}
				<Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" pt="sm" pb={4}>
					{t("cases.views.unanswered")}
				</Text>
				{link(
					{ kind: "unanswered", departmentId: null },
					t("cases.views.unansweredAll"),
					[...unansweredCounts.values()].reduce((sum, count) => sum + count, 0),
				)}
				{visible.map((department) =>
					link(
						{ kind: "unanswered", departmentId: department.id },
						department.name,
						unansweredCounts.get(department.id),
					),
				)}
			</Stack>
		</Paper>
	);
}
