// The inbox: views on the left, status tabs with counts, filters, the dense case list with bulk actions and keyboard
// shortcuts, live updates over server-sent events, and the open case in a drawer (also reachable as /cases/$caseId).
import "../../feedback/feedback.css";
import "../cases.css";
import { Alert, Badge, Box, Button, Drawer, Grid, Group, Stack, Tabs, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../../lib/api/roles";
import type { CaseView } from "../../../../server/modules/cases/contract";
import { meQuery } from "../../api/session";
import { useLiveEvents } from "../../feedback/use-live-events";
import { notify } from "../../ui/notifications";
import { ErrorState, LoadingState } from "../../ui/QueryState";
import { bulkChangeCases, useCasePages, useRefreshCases } from "../cases-api";
import { CaseDetail, type DetailIntent } from "../detail/CaseDetail";
import { BulkBar } from "./BulkBar";
import { CaseFilterBar } from "./CaseFilterBar";
import { CaseTable } from "./CaseTable";
import { InboxSidebar } from "./InboxSidebar";
import {
	caseFiltersOf,
	EMPTY_FILTERS,
	type InboxView,
	type ListFilters,
	STATUS_TABS,
	type StatusTab,
	tabCount,
} from "./inbox-views";
import { ShortcutsModal } from "./ShortcutsModal";
import { UnansweredList } from "./UnansweredList";
import { type InboxShortcut, useInboxShortcuts } from "./use-inbox-shortcuts";

const LIVE_EVENTS = ["case.created", "case.updated", "case.message"] as const;

export function InboxPage() {
	const { t } = useTranslation();
	const navigate = useNavigate();
	const { caseId } = useParams({ strict: false }) as { caseId?: string };
	const { data: me } = useQuery(meQuery);
	const [view, setView] = useState<InboxView>({ kind: me?.role === "owner" || me?.role === "admin" ? "all" : "mine" });
	const [tab, setTab] = useState<StatusTab>("active");
	const [filters, setFilters] = useState<ListFilters>(EMPTY_FILTERS);
	const query = useMemo(() => caseFiltersOf(view, tab, filters), [view, tab, filters]);
	const pages = useCasePages(query);
	const cases = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
	const counts = pages.data?.pages[0]?.counts;
	const [selected, setSelected] = useState<Set<string>>(new Set());
	const [focusedIndex, setFocusedIndex] = useState(0);
	const lastToggled = useRef<number | null>(null);
	const [intent, setIntent] = useState<DetailIntent | null>(null);
	const [isHelpOpen, setHelpOpen] = useState(false);
	const [newCount, setNewCount] = useState(0);
	const [now, setNow] = useState(() => Date.now());
	const refresh = useRefreshCases();
	const canWork = me ? hasPermission(me.role, "cases.work") : false;

	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), 30_000);
		return () => clearInterval(timer);
	}, []);

	// A new view or filter starts a new selection.
	// biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the query changes
	useEffect(() => {
		setSelected(new Set());
		setFocusedIndex(0);
	}, [query]);

	useLiveEvents(LIVE_EVENTS, (message) => {
		if (message.type === "case.created") setNewCount((count) => count + 1);
		const id = typeof message.data.id === "string" ? message.data.id : undefined;
		refresh(id);
	});

	const open = (id: string | null) =>
		id ? navigate({ to: "/cases/$caseId", params: { caseId: id } }) : navigate({ to: "/cases" });

	const assignToMe = useMutation({
		mutationFn: (ids: string[]) =>
			bulkChangeCases({ ids, change: { kind: "assign", assigneeId: me?.user?.id ?? null } }),
		onSuccess: (result) => {
			refresh(caseId);
			if (result.failed === 0) notify("success", t("cases.bulk.assignedToMe", { count: result.succeeded }));
			else notify("error", t("cases.bulk.partial", { ok: result.succeeded, failed: result.failed }));
		},
		onError: (error) => notify("error", t("cases.bulk.failed"), error.message),
	});

	const toggle = (index: number, withRange: boolean) => {
		const target = cases[index];
		if (!target) return;
		setSelected((current) => {
			const next = new Set(current);
			const shouldSelect = !current.has(target.id);
			const from = withRange && lastToggled.current !== null ? Math.min(lastToggled.current, index) : index;
			const to = withRange && lastToggled.current !== null ? Math.max(lastToggled.current, index) : index;
			for (const row of cases.slice(from, to + 1)) {
				if (shouldSelect) next.add(row.id);
				else next.delete(row.id);
			}
			return next;
		});
		lastToggled.current = index;
		setFocusedIndex(index);
	};

	const focused: CaseView | undefined = cases[focusedIndex];
	const onShortcut = (shortcut: InboxShortcut) => {
		if (shortcut === "help") return setHelpOpen(true);
		if (shortcut === "next" || shortcut === "previous") {
			const next = Math.min(Math.max(focusedIndex + (shortcut === "next" ? 1 : -1), 0), Math.max(cases.length - 1, 0));
			setFocusedIndex(next);
			document.querySelector(`[data-testid="case-row"]:nth-child(${next + 1})`)?.scrollIntoView({ block: "nearest" });
			const target = cases[next];
			if (caseId && target) open(target.id);
			return;
		}
		if (!focused) return;
		if (shortcut === "open") return open(focused.id);
		if (shortcut === "select") return toggle(focusedIndex, false);
		if (!canWork) return;
		if (shortcut === "assignToMe") {
			const ids = selected.size > 0 ? [...selected] : [focused.id];
			return assignToMe.mutate(ids);
		}
		const target = caseId ?? focused.id;
		if (!caseId) open(target);
		setIntent({ kind: shortcut === "reply" ? "reply" : "resolve", caseId: target, at: Date.now() });
	};
	useInboxShortcuts(onShortcut, view.kind !== "unanswered" && !isHelpOpen);

	return (
		<>
			<Grid gap="md">
				<Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
					<InboxSidebar view={view} onChange={setView} />
				</Grid.Col>
				<Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
					{view.kind === "unanswered" ? (
						<UnansweredList departmentId={view.departmentId} />
					) : (
						<Stack gap="sm">
							<Group justify="space-between" wrap="nowrap" gap="xs">
								<Tabs value={tab} onChange={(value) => value && setTab(value as StatusTab)} variant="pills">
									<Tabs.List>
										{STATUS_TABS.map((status) => (
											<Tabs.Tab
												key={status}
												value={status}
												rightSection={
													<Badge size="xs" variant="light" color="gray" miw={22}>
														{tabCount(status, counts) ?? "…"}
													</Badge>
												}
												data-testid={`status-tab-${status}`}
											>
												{t(`cases.tabs.status.${status}`)}
											</Tabs.Tab>
										))}
									</Tabs.List>
								</Tabs>
								<Button size="xs" variant="subtle" color="gray" onClick={() => setHelpOpen(true)}>
									{t("cases.shortcuts.button")}
								</Button>
							</Group>
							<CaseFilterBar filters={filters} onChange={setFilters} />
							{newCount > 0 && (
								<Alert
									variant="light"
									color="brand"
									py={6}
									withCloseButton
									onClose={() => setNewCount(0)}
									data-testid="new-cases-notice"
								>
									<Text size="sm">{t("cases.live.newCases", { count: newCount })}</Text>
								</Alert>
							)}
							{selected.size > 0 && canWork && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />}
							{pages.isPending ? (
								<LoadingState />
							) : pages.error ? (
								<ErrorState error={pages.error} onRetry={() => pages.refetch()} />
							) : cases.length === 0 ? (
								<Box py="xl" ta="center">
									<Text c="dimmed">{t("cases.list.empty")}</Text>
								</Box>
							) : (
								<>
									<CaseTable
										cases={cases}
										selected={selected}
										focusedIndex={focusedIndex}
										openId={caseId ?? null}
										now={now}
										onToggle={toggle}
										onToggleAll={() =>
											setSelected((current) =>
												cases.every((row) => current.has(row.id)) ? new Set() : new Set(cases.map((row) => row.id)),
											)
										}
										onOpen={(index) => {
											setFocusedIndex(index);
											const target = cases[index];
											if (target) open(target.id);
										}}
									/>
									{pages.hasNextPage && (
										<Group justify="center">
											<Button
												variant="default"
												onClick={() => pages.fetchNextPage()}
												loading={pages.isFetchingNextPage}
											>
												{t("cases.list.loadMore")}
											</Button>
										</Group>
									)}
								</>
							)}
						</Stack>
					)}
				</Grid.Col>
			</Grid>
			<Drawer
				opened={Boolean(caseId)}
				onClose={() => open(null)}
				position="right"
				size="min(960px, 100%)"
				title={t("cases.detail.title")}
				closeButtonProps={{ "aria-label": t("common.close") }}
				lockScroll={false}
				overlayProps={{ backgroundOpacity: 0.15 }}
			>
				{caseId && <CaseDetail caseId={caseId} intent={intent?.caseId === caseId ? intent : null} />}
			</Drawer>
			<ShortcutsModal opened={isHelpOpen} onClose={() => setHelpOpen(false)} />
		</>
	);
}
